package bot

import (
	"context"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/answer"
)

// Edit pacing of a streamed answer. Discord allows about five edits of a
// message per five seconds per channel; partial edits use one less, so
// that the final edit never waits behind them.
const (
	streamInterval = time.Second
	editWindow     = 5 * time.Second
	editsPerWindow = 5
)

// pacing says how often a streamer may edit.
type pacing struct {
	// interval is the least time between two partial edits.
	interval time.Duration
	// window and perWindow bound the partial edits in any window.
	window    time.Duration
	perWindow int
}

// discordPacing keeps partial edits to one a second and leaves a slot of
// Discord's window for the final edit.
func discordPacing() pacing {
	return pacing{interval: streamInterval, window: editWindow, perWindow: editsPerWindow - 1}
}

// streamer shows an answer while an LLM writes it: it edits the message
// with the latest progress — verified text or a status line, never
// unverified model text — paced by its pacing, never blocking the caller
// of update.
type streamer struct {
	pace   pacing
	show   func(ctx context.Context, text string)
	mu     sync.Mutex
	latest answer.Partial
	kick   chan struct{}
	quit   chan struct{}
	done   chan struct{}
}

func startStreamer(ctx context.Context, pace pacing, show func(context.Context, string)) *streamer {
	st := &streamer{pace: pace, show: show, kick: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go st.run(ctx)
	return st
}

// update records the progress so far; it is safe to call from any
// goroutine.
func (st *streamer) update(p answer.Partial) {
	st.mu.Lock()
	st.latest = p
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
	var sent []time.Time // partial edits within the window, oldest first
	shown := ""
	for {
		select {
		case <-st.kick:
		case <-st.quit:
			return
		}
		if !st.sleep(st.pace.wait(sent, time.Now())) {
			return
		}
		st.mu.Lock()
		text := RenderProgress(st.latest)
		st.mu.Unlock()
		if text == shown {
			continue
		}
		st.show(ctx, text)
		shown = text
		sent = append(st.pace.recent(sent, time.Now()), time.Now())
	}
}

// sleep waits d unless stopped first, and reports whether it waited.
func (st *streamer) sleep(d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-st.quit:
		return false
	}
}

// wait is how long to wait at now before the next edit, given the times
// of the edits sent so far.
func (p pacing) wait(sent []time.Time, now time.Time) time.Duration {
	sent = p.recent(sent, now)
	if len(sent) == 0 {
		return 0
	}
	d := sent[len(sent)-1].Add(p.interval).Sub(now)
	if len(sent) >= p.perWindow {
		d = max(d, sent[len(sent)-p.perWindow].Add(p.window).Sub(now))
	}
	return d
}

// recent keeps the edit times within the window before now.
func (p pacing) recent(sent []time.Time, now time.Time) []time.Time {
	i := 0
	for i < len(sent) && now.Sub(sent[i]) >= p.window {
		i++
	}
	return sent[i:]
}
