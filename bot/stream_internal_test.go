package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestStreamerEditsAtMostOncePerInterval(t *testing.T) {
	const interval = 40 * time.Millisecond
	var mu sync.Mutex
	var times []time.Time
	var texts []string
	shown := make(chan struct{}, 100)
	st := startStreamer(context.Background(), interval, func(_ context.Context, text string) {
		mu.Lock()
		times, texts = append(times, time.Now()), append(texts, text)
		mu.Unlock()
		shown <- struct{}{}
	})
	// Update as fast as possible until three edits have gone out.
	deadline := time.After(10 * time.Second)
	for i, n := 0, 0; n < 3; i++ {
		st.update(string(rune('a' + i%26)))
		select {
		case <-shown:
			n++
		case <-deadline:
			t.Fatal("no three edits within 10s")
		default:
		}
	}
	st.stop()
	mu.Lock()
	defer mu.Unlock()
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < interval {
			t.Errorf("edits %d and %d only %v apart, want at least %v", i-1, i, gap, interval)
		}
	}
}

func TestRateLimiterAllowsNPerMinutePerUser(t *testing.T) {
	now := time.Unix(1000, 0)
	rl := newRateLimiter(2, func() time.Time { return now })
	for _, step := range []struct {
		name    string
		advance time.Duration
		user    string
		allowed bool
	}{
		{"first question is allowed", 0, "a", true},
		{"second question is allowed", time.Second, "a", true},
		{"third within the minute is refused", time.Second, "a", false},
		{"another user is not affected", 0, "b", true},
		{"a minute after the first, one more is allowed", 58 * time.Second, "a", true},
	} {
		now = now.Add(step.advance)
		if ok, wait := rl.allow(step.user); ok != step.allowed || (!ok && wait <= 0) {
			t.Errorf("%s: allow = %v (wait %v), want %v", step.name, ok, wait, step.allowed)
		}
	}
}

func TestThreadNameFitsDiscord(t *testing.T) {
	for _, tc := range []struct{ name, q, want string }{
		{"a short question is kept", "Why?", "Q: Why?"},
		{"line breaks become spaces", "Why\n\nnot?", "Q: Why not?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := threadName(tc.q); got != tc.want {
				t.Errorf("threadName = %q, want %q", got, tc.want)
			}
		})
	}
	long := threadName(strings.Repeat("word ", 100))
	if n := len([]rune(long)); n > 100 {
		t.Errorf("thread name of %d characters", n)
	}
}
