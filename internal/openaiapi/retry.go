package openaiapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retrier is an http.Client that sends a request again when the server
// answers 429 or 5xx: after the server's Retry-After (or retry-after-ms,
// which OpenAI sends) when given, else after an exponential backoff, a
// bounded number of times. Streams are safe to retry: the status line
// arrives before any event.
type retrier struct {
	next    *http.Client
	retries int
	backoff time.Duration
	maxWait time.Duration
}

// Do implements go-openai's HTTPDoer.
func (r *retrier) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	for attempt := 0; ; attempt++ {
		resp, err := r.next.Do(req)
		if err != nil || !retryable(resp.StatusCode) || attempt >= r.retries {
			return watch(ctx, resp), err
		}
		wait, ok := r.wait(resp, attempt)
		if !ok || req.GetBody == nil && req.Body != nil {
			return resp, nil // the caller reports the status
		}
		drain(resp)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
		if req, err = rewind(req); err != nil {
			return nil, err
		}
	}
}

// retryable reports whether a status is worth another try: rate limited
// or a server-side failure.
func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// wait is how long to wait before retry number attempt+1; ok is false when
// the server asks for longer than maxWait.
func (r *retrier) wait(resp *http.Response, attempt int) (time.Duration, bool) {
	if d, ok := RetryAfter(resp.Header, time.Now()); ok {
		return d, d <= r.maxWait
	}
	return min(r.backoff<<attempt, r.maxWait), true
}

// RetryAfter reads how long a server asks the client to wait: OpenAI's
// retry-after-ms in milliseconds, else Retry-After in seconds or as an
// HTTP date. ok is false when neither header says.
func RetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}

// sleep waits d or until ctx ends, whichever is first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// rewind returns a copy of req with a fresh body, ready to send again.
func rewind(req *http.Request) (*http.Request, error) {
	next := req.Clone(req.Context())
	if req.GetBody == nil {
		return next, nil
	}
	body, err := req.GetBody()
	if err != nil {
		return nil, fmt.Errorf("retry: rewind request body: %w", err)
	}
	next.Body = body
	return next, nil
}
