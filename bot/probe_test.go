package bot_test

import (
	"context"
	"strings"
	"sync"

	"github.com/footnote-dev/footnote/answer"
)

// probe wraps the real engine to reach paths an extractive engine never
// takes: a question starting "PANIC" panics, one starting "Stream:" is
// streamed through OnProgress as a status, then its text, and one
// starting "Slow:" waits until release is closed. It also counts how many
// questions are answered at once.
type probe struct {
	eng     *answer.Engine
	entered chan struct{} // receives when a Slow question starts
	release chan struct{}

	mu             sync.Mutex
	inFlight, peak int
	questions      []answer.Request
}

func newProbe(eng *answer.Engine) *probe {
	return &probe{eng: eng, entered: make(chan struct{}, 1), release: make(chan struct{})}
}

func (p *probe) Ask(ctx context.Context, req answer.Request) (answer.Answer, error) {
	p.mu.Lock()
	p.inFlight++
	p.peak = max(p.peak, p.inFlight)
	p.questions = append(p.questions, req)
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.inFlight--
		p.mu.Unlock()
	}()
	q := req.Question
	switch {
	case strings.HasPrefix(q, "PANIC"):
		panic("probe: asked to panic")
	case strings.HasPrefix(q, "Slow:"):
		p.entered <- struct{}{}
		<-p.release
		req.Question = strings.TrimPrefix(q, "Slow:")
	case strings.HasPrefix(q, "Stream:"):
		req.Question = strings.TrimPrefix(q, "Stream:")
		req.OnProgress(answer.Partial{Status: "Reading 5 sources…"})
		a, err := p.eng.Ask(ctx, req)
		req.OnProgress(answer.Partial{Text: a.Text})
		a.Mode = answer.LLM
		return a, err
	}
	return p.eng.Ask(ctx, req)
}

// history returns the history the probe saw with question q.
func (p *probe) history(q string) ([]answer.Turn, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range p.questions {
		if r.Question == q {
			return r.History, true
		}
	}
	return nil, false
}

func (p *probe) peakInFlight() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.peak
}
