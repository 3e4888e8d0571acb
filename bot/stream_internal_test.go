package bot

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/answer"
)

func TestStreamerPacesItsEdits(t *testing.T) {
	tests := []struct {
		name string
		pace pacing
	}{
		{"edits at most once per interval", pacing{interval: 40 * time.Millisecond, window: 40 * time.Millisecond, perWindow: 1}},
		{"edits at most perWindow times in any window", pacing{interval: 5 * time.Millisecond, window: 100 * time.Millisecond, perWindow: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			times := streamFast(t, tt.pace, 7)
			for i := 1; i < len(times); i++ {
				if gap := times[i].Sub(times[i-1]); gap < tt.pace.interval {
					t.Errorf("edits %d and %d only %v apart, want at least %v", i-1, i, gap, tt.pace.interval)
				}
			}
			for i := tt.pace.perWindow; i < len(times); i++ {
				if span := times[i].Sub(times[i-tt.pace.perWindow]); span < tt.pace.window {
					t.Errorf("edits %d to %d within %v, want at most %d per %v", i-tt.pace.perWindow, i, span, tt.pace.perWindow, tt.pace.window)
				}
			}
		})
	}
}

// streamFast updates a streamer as fast as it can until n edits have gone
// out, and returns when each went out.
func streamFast(t *testing.T, pace pacing, n int) []time.Time {
	t.Helper()
	var mu sync.Mutex
	var times []time.Time
	shown := make(chan struct{}, 100)
	st := startStreamer(context.Background(), pace, func(_ context.Context, _ string) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		shown <- struct{}{}
	})
	deadline := time.After(10 * time.Second)
	for i, got := 0, 0; got < n; i++ {
		st.update(answer.Partial{Text: strconv.Itoa(i)})
		select {
		case <-shown:
			got++
		case <-deadline:
			t.Fatalf("no %d edits within 10s", n)
		default:
		}
	}
	st.stop()
	mu.Lock()
	defer mu.Unlock()
	return append([]time.Time(nil), times...)
}

func TestRenderProgressShowsOnlyWhatThePartialHolds(t *testing.T) {
	long := strings.Repeat("Kim met Putin [1]. ", 200)
	tests := []struct {
		name string
		p    answer.Partial
		want string
	}{
		{"a status line while nothing has passed", answer.Partial{Status: "Reading 5 sources…"}, "Reading 5 sources…"},
		{"the placeholder when there is not even a status", answer.Partial{}, thinking},
		{"verified text with a sign that more may come", answer.Partial{Text: "Kim met Putin [1].", Status: "ignored"}, "Kim met Putin [1]. …"},
		{"text awaiting the judge is marked checking", answer.Partial{Text: "Kim met Putin [1].", Checking: true}, "Kim met Putin [1]. …\n-# checking…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RenderProgress(tt.p); got != tt.want {
				t.Errorf("RenderProgress = %q, want %q", got, tt.want)
			}
		})
	}
	for _, p := range []answer.Partial{{Text: long}, {Text: long, Checking: true}} {
		got := RenderProgress(p)
		if n := utf8.RuneCountInString(got); n > MaxContent || !strings.HasSuffix(got, "…") {
			t.Errorf("long partial (checking %v) rendered to %d characters ending %q", p.Checking, n, got[len(got)-20:])
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
