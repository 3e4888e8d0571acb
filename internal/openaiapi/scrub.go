package openaiapi

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// Error is an API failure with its secrets removed. Its message never
// contains an API key or bearer token, even when the server echoed one;
// the original error is deliberately not kept.
type Error struct {
	// Status is the HTTP status, or 0 when no response arrived.
	Status int
	// Timeout is true when the call ran out of time.
	Timeout bool
	msg     string
}

func (e *Error) Error() string { return e.msg }

// secretPatterns match credentials a message may carry even when they are
// not the configured key: bearer tokens, OpenAI-style keys, and the
// user:password part of a URL.
var secretPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)(bearer\s+)[^\s"',]+`),
	regexp.MustCompile(`\bsk-[A-Za-z0-9_\-*]{6,}`),
	regexp.MustCompile(`(//)[^/\s:@]+:[^/\s@]+@`),
}

// Redact removes secrets and anything that looks like a credential from s.
func Redact(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, "[redacted]")
		}
	}
	for _, re := range secretPatterns {
		s = re.ReplaceAllString(s, "${1}[redacted]")
	}
	return s
}

// Scrub turns an error from a go-openai call into an *Error whose message
// says what went wrong (status, server message) without secrets. A nil err
// stays nil; context errors stay recognisable through Timeout.
func Scrub(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	e := &Error{msg: Redact(err.Error(), secrets...)}
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		e.Status = apiErr.HTTPStatusCode
		e.msg = Redact(statusText(apiErr.HTTPStatusCode)+": "+apiErr.Message, secrets...)
	case errors.As(err, &reqErr):
		e.Status = reqErr.HTTPStatusCode
		e.msg = Redact(statusText(reqErr.HTTPStatusCode)+": "+clip(string(reqErr.Body), 200), secrets...)
	case errors.Is(err, context.DeadlineExceeded):
		e.Timeout = true
		e.msg = "timed out"
	}
	return e
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return "HTTP " + strconv.Itoa(code) + " " + t
	}
	return "HTTP " + strconv.Itoa(code)
}

// clip shortens s to at most n bytes, on a rune boundary.
func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
