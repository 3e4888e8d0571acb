package bot

import (
	"context"
	"sync"
	"time"
)

// streamInterval is the least time between two partial edits.
const streamInterval = time.Second

// streamer shows an answer while an LLM writes it: it edits the message
// with the latest partial text at most once per interval, never blocking
// the caller of update.
type streamer struct {
	interval time.Duration
	show     func(ctx context.Context, text string)
	mu       sync.Mutex
	latest   string
	kick     chan struct{}
	quit     chan struct{}
	done     chan struct{}
}

func startStreamer(ctx context.Context, interval time.Duration, show func(context.Context, string)) *streamer {
	st := &streamer{interval: interval, show: show, kick: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go st.run(ctx)
	return st
}

// update records the text so far; it is safe to call from any goroutine.
func (st *streamer) update(text string) {
	st.mu.Lock()
	st.latest = text
	st.mu.Unlock()
	select {
	case st.kick <- struct{}{}:
	default:
	}
}

// stop ends streaming and waits for an edit in flight, so the final edit
// that follows cannot be overtaken by a partial one.
func (st *streamer) stop() {
	close(st.quit)
	<-st.done
}

func (st *streamer) run(ctx context.Context) {
	defer close(st.done)
	var last time.Time
	shown := ""
	for {
		select {
		case <-st.kick:
		case <-st.quit:
			return
		}
		if wait := st.interval - time.Since(last); !last.IsZero() && wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-st.quit:
				t.Stop()
				return
			}
		}
		st.mu.Lock()
		text := st.latest
		st.mu.Unlock()
		if text == shown {
			continue
		}
		st.show(ctx, text)
		shown, last = text, time.Now()
	}
}
