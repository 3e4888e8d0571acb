package fakediscord

import "strings"

// fault is a pending failure: the next n requests matching method and
// pattern get status and an API error with message.
type fault struct {
	injected
	status  int
	message string
}

// Fail makes the next n requests matching route (as for RateLimit) fail
// with status and an API error carrying message, as Discord's errors do:
// a test can make the error echo whatever it likes, the token included.
func (s *Server) Fail(route string, n, status int, message string) {
	method, path, ok := strings.Cut(route, " ")
	if !ok {
		s.t.Fatalf("fakediscord: route %q is not \"METHOD /path\"", route)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{injected: injected{method: method, pattern: strings.Split(path, "/"), n: n}, status: status, message: message})
}

// takeFault returns the failure this request gets, using it up. Callers
// hold s.mu.
func (s *Server) takeFault(method, path string) (*fault, bool) {
	segs := strings.Split(path, "/")
	for _, f := range s.faults {
		if f.n > 0 && f.method == method && matchSegments(f.pattern, segs) {
			f.n--
			return f, true
		}
	}
	return nil, false
}
