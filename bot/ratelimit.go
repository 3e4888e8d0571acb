package bot

import (
	"sync"
	"time"
)

// rateLimiter allows each user a number of questions per sliding minute.
type rateLimiter struct {
	perMinute int
	now       func() time.Time
	mu        sync.Mutex
	asked     map[string][]time.Time
}

const rateWindow = time.Minute

func newRateLimiter(perMinute int, now func() time.Time) *rateLimiter {
	return &rateLimiter{perMinute: perMinute, now: now, asked: map[string][]time.Time{}}
}

// allow records a question by user and reports whether it is within the
// limit; if not, it says how long until the next one is.
func (r *rateLimiter) allow(user string) (bool, time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	recent := r.recent(user, now)
	if len(recent) >= r.perMinute {
		return false, recent[0].Add(rateWindow).Sub(now)
	}
	r.asked[user] = append(recent, now)
	if len(r.asked) > 10000 {
		r.prune(now)
	}
	return true, 0
}

// recent returns user's questions within the window, oldest first.
func (r *rateLimiter) recent(user string, now time.Time) []time.Time {
	ts := r.asked[user]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= rateWindow {
		i++
	}
	return ts[i:]
}

// prune forgets users with no question in the window.
func (r *rateLimiter) prune(now time.Time) {
	for u := range r.asked {
		if len(r.recent(u, now)) == 0 {
			delete(r.asked, u)
		}
	}
}
