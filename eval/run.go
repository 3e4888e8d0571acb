package eval

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/retrieval"
)

// Asker answers a question the way every surface of footnote does;
// *answer.Engine is one.
type Asker interface {
	Ask(ctx context.Context, req answer.Request) (answer.Answer, error)
}

// Searcher ranks paragraphs for a query; *retrieval.Index is one.
type Searcher interface {
	Search(ctx context.Context, query string, k int, opts retrieval.SearchOptions) ([]retrieval.Result, error)
}

// Depth is how deep rankings are read for MRR@10 and nDCG@10.
const Depth = 10

// DefaultWorkers is how many questions are in flight at once by default.
const DefaultWorkers = 4

// Runner puts every fixture through an Asker, a bounded number at a time.
type Runner struct {
	// Asker produces the answers, exactly as `footnote ask` does.
	Asker Asker
	// Searcher, when set, supplies the ranking retrieval metrics read: a
	// separate search of depth max(K, Depth) with the default options, so
	// MRR@10 and nDCG@10 see ten paragraphs even when answers draw on
	// five. Search is deterministic, so its first K results are the ones
	// the answer drew on. Without a Searcher the answer's own Retrieved
	// list is the ranking.
	Searcher Searcher
	// Search holds the options the Asker searches with, so the ranking
	// the metrics read is the one the answers drew on.
	Search retrieval.SearchOptions
	// K is the number of paragraphs answers draw on (hit@K).
	K int
	// Workers bounds concurrency; 0 means DefaultWorkers.
	Workers int
	// Progress, when set, is told how many questions are done.
	Progress func(done, total int)
	// Tokens, when set, reads the tokens an answer used; ok is false when
	// the answer does not say (extractive answers use none).
	Tokens func(answer.Answer) (n int, ok bool)
}

// Observation is what running one fixture produced, before judging.
type Observation struct {
	Fixture Fixture
	Answer  answer.Answer
	// Ranking is the retrieval ranking the retrieval metrics read.
	Ranking []retrieval.Result
	Latency time.Duration
	// Tokens is nil when unknown.
	Tokens *int
}

// Run answers every fixture and returns the observations in fixture
// order. The first error (a failed retriever, a cancelled context) stops
// the run.
func (r Runner) Run(ctx context.Context, fixtures []Fixture) ([]Observation, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make([]Observation, len(fixtures))
	jobs := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		done     int
	)
	for range r.workers(len(fixtures)) {
		wg.Go(func() {
			for i := range jobs {
				obs, err := r.observe(ctx, fixtures[i])
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("question %s (line %d): %w", fixtures[i].ID, fixtures[i].Line, err)
					cancel()
				}
				out[i] = obs
				done++
				if r.Progress != nil {
					r.Progress(done, len(fixtures))
				}
				mu.Unlock()
			}
		})
	}
feed:
	for i := range fixtures {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func (r Runner) workers(n int) int {
	w := r.Workers
	if w <= 0 {
		w = DefaultWorkers
	}
	return max(1, min(w, n))
}

// observe answers one fixture, timing the answer alone.
func (r Runner) observe(ctx context.Context, f Fixture) (Observation, error) {
	start := time.Now()
	a, err := r.Asker.Ask(ctx, answer.Request{Question: f.Question})
	latency := time.Since(start)
	if err != nil {
		return Observation{}, fmt.Errorf("ask: %w", err)
	}
	obs := Observation{Fixture: f, Answer: a, Ranking: a.Retrieved, Latency: latency}
	if r.Searcher != nil {
		obs.Ranking, err = r.Searcher.Search(ctx, f.Question, max(r.K, Depth), r.Search)
		if err != nil {
			return Observation{}, fmt.Errorf("rank for retrieval metrics: %w", err)
		}
	}
	if r.Tokens != nil {
		if n, ok := r.Tokens(a); ok {
			obs.Tokens = &n
		}
	}
	return obs, nil
}
