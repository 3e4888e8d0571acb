package openaiapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/footnote-dev/footnote/internal/redact"
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

// Redact removes secrets and anything that looks like a credential from s;
// it is redact.New(secrets...).String(s).
func Redact(s string, secrets ...string) string { return redact.New(secrets...).String(s) }

// Scrub turns an error from a go-openai call into an *Error whose message
// says what went wrong (status, server message) without secrets. A nil err
// stays nil; context errors stay recognisable through Timeout.
func Scrub(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	r := redact.New(secrets...)
	e := &Error{msg: r.String(err.Error())}
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		e.Status = apiErr.HTTPStatusCode
		e.msg = statusText(apiErr.HTTPStatusCode) + ": " + r.String(apiErr.Message)
	case errors.As(err, &reqErr):
		e.Status = reqErr.HTTPStatusCode
		// Masked before it is clipped: a cut through a secret would leave
		// a piece that no longer matches it.
		e.msg = statusText(reqErr.HTTPStatusCode) + ": " + r.Clip(string(reqErr.Body), 200)
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
