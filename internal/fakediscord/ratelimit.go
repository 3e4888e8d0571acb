package fakediscord

import (
	"net/http"
	"strings"
)

// injected is a pending rate limit: the next n requests matching method
// and pattern get a 429.
type injected struct {
	method  string
	pattern []string
	n       int
}

// retryAfter is the wait the fake asks for, in seconds.
const retryAfter = "0.05"

// RateLimit makes the next n requests matching route answer 429 Too Many
// Requests. route is "METHOD /path" where a path segment "*" matches any
// one segment, e.g. "POST /api/v9/channels/*/messages".
func (s *Server) RateLimit(route string, n int) {
	method, path, ok := strings.Cut(route, " ")
	if !ok {
		s.t.Fatalf("fakediscord: route %q is not \"METHOD /path\"", route)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = append(s.limits, &injected{method: method, pattern: strings.Split(path, "/"), n: n})
}

// takeRateLimit reports whether this request gets a 429, using up one.
// Callers hold s.mu.
func (s *Server) takeRateLimit(method, path string) bool {
	segs := strings.Split(path, "/")
	for _, l := range s.limits {
		if l.n > 0 && l.method == method && matchSegments(l.pattern, segs) {
			l.n--
			return true
		}
	}
	return false
}

func matchSegments(pattern, segs []string) bool {
	if len(pattern) != len(segs) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != segs[i] {
			return false
		}
	}
	return true
}

// writeRateLimited answers as Discord does when a bucket is exhausted.
func writeRateLimited(w http.ResponseWriter) {
	h := w.Header()
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset-After", retryAfter)
	h.Set("X-RateLimit-Bucket", "fakebucket")
	h.Set("X-RateLimit-Scope", "user")
	h.Set("Retry-After", "1")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusTooManyRequests)
	_, _ = w.Write([]byte(`{"message":"You are being rate limited.","retry_after":` + retryAfter + `,"global":false}`))
}
