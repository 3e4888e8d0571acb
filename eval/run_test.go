package eval_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/eval"
)

// gatedAsker answers once released, recording how many asks overlap.
type gatedAsker struct {
	mu            sync.Mutex
	inFlight, max int
	release       chan struct{}
	fail          string
}

func (g *gatedAsker) Ask(ctx context.Context, req answer.Request) (answer.Answer, error) {
	g.mu.Lock()
	g.inFlight++
	g.max = max(g.max, g.inFlight)
	g.mu.Unlock()
	defer func() { g.mu.Lock(); g.inFlight--; g.mu.Unlock() }()
	select {
	case <-g.release:
	case <-ctx.Done():
		return answer.Answer{}, ctx.Err()
	}
	if req.Question == g.fail {
		return answer.Answer{}, errors.New("retriever down")
	}
	return answer.Answer{Question: req.Question, Text: "answer to " + req.Question}, nil
}

func fixtures(n int) []eval.Fixture {
	out := make([]eval.Fixture, n)
	for i := range out {
		out[i] = eval.Fixture{ID: fmt.Sprintf("q%d", i+1), Line: i + 1, Question: fmt.Sprintf("question %d", i+1)}
	}
	return out
}

func TestRunBoundsConcurrencyAndKeepsOrder(t *testing.T) {
	a := &gatedAsker{release: make(chan struct{})}
	close(a.release)
	var progress []int
	r := eval.Runner{Asker: a, K: 5, Workers: 3, Progress: func(done, _ int) { progress = append(progress, done) }}
	obs, err := r.Run(context.Background(), fixtures(20))
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range obs {
		if want := fmt.Sprintf("answer to question %d", i+1); o.Answer.Text != want {
			t.Fatalf("observation %d = %q, want %q", i, o.Answer.Text, want)
		}
	}
	if a.max > 3 {
		t.Errorf("%d asks in flight at once, want at most 3", a.max)
	}
	if len(progress) != 20 || progress[19] != 20 {
		t.Errorf("progress = %v, want 1…20", progress)
	}
}

func TestRunStopsAtTheFirstError(t *testing.T) {
	a := &gatedAsker{release: make(chan struct{}), fail: "question 2"}
	close(a.release)
	_, err := eval.Runner{Asker: a, Workers: 2}.Run(context.Background(), fixtures(10))
	if err == nil || err.Error() != "question q2 (line 2): ask: retriever down" {
		t.Errorf("err = %v, want it to name q2 and the cause", err)
	}
}

func TestRunHonoursCancellation(t *testing.T) {
	a := &gatedAsker{release: make(chan struct{})} // never released
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (eval.Runner{Asker: a}).Run(ctx, fixtures(5)); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
