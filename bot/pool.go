package bot

import (
	"context"
	"sync"
	"time"
)

// pool answers acknowledged questions with a fixed number of workers and
// a bounded queue, so a burst of questions waits instead of piling up
// goroutines or LLM calls.
type pool struct {
	jobs   chan func(context.Context)
	ctx    context.Context
	mu     sync.RWMutex
	closed bool
	wg     sync.WaitGroup
}

// newPool starts workers that run jobs with ctx.
func newPool(ctx context.Context, workers, queue int) *pool {
	p := &pool{jobs: make(chan func(context.Context), queue), ctx: ctx}
	p.wg.Add(workers)
	for range workers {
		go p.work()
	}
	return p
}

func (p *pool) work() {
	defer p.wg.Done()
	for job := range p.jobs {
		job(p.ctx)
	}
}

// submit queues a job; it reports false when the queue is full or the
// pool is closing.
func (p *pool) submit(job func(context.Context)) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return false
	}
	select {
	case p.jobs <- job:
		return true
	default:
		return false
	}
}

// close stops accepting jobs; queued jobs still run.
func (p *pool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		p.closed = true
		close(p.jobs)
	}
}

// wait waits for the workers to finish, up to timeout, and reports
// whether they did.
func (p *pool) wait(timeout time.Duration) bool {
	done := make(chan struct{})
	go func() {
		p.wg.Wait()
		close(done)
	}()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		return false
	}
}
