package openaiapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/internal/openaiapi"
	openai "github.com/sashabaranov/go-openai"
)

func TestRetryAfterReadsTheServersDelay(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		header map[string]string
		want   time.Duration
		wantOK bool
	}{
		{"seconds", map[string]string{"Retry-After": "2"}, 2 * time.Second, true},
		{"an HTTP date", map[string]string{"Retry-After": now.Add(3 * time.Second).Format(http.TimeFormat)}, 3 * time.Second, true},
		{"OpenAI's milliseconds win over seconds", map[string]string{"Retry-After-Ms": "250", "Retry-After": "9"}, 250 * time.Millisecond, true},
		{"a date in the past means now", map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat)}, 0, true},
		{"no header says nothing", map[string]string{}, 0, false},
		{"garbage says nothing", map[string]string{"Retry-After": "soon"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			got, ok := openaiapi.RetryAfter(h, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("RetryAfter = %s, %v; want %s, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestRedactRemovesKeysTokensAndURLPasswords(t *testing.T) {
	const key = "my-local-key-123"
	tests := []struct{ name, in string }{
		{"the configured key", "invalid key " + key},
		{"a bearer token", "Authorization: Bearer abc.def-ghi"},
		{"an OpenAI-style key", "Incorrect API key provided: sk-proj-AbC123xyz789"},
		{"a password in a URL", `Post "http://user:hunter22@localhost:11434/v1/chat": refused`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := openaiapi.Redact(tt.in, key)
			for _, secret := range []string{key, "abc.def-ghi", "sk-proj-AbC123xyz789", "hunter22"} {
				if strings.Contains(got, secret) {
					t.Errorf("Redact(%q) = %q still holds %q", tt.in, got, secret)
				}
			}
			if !strings.Contains(got, "[redacted]") {
				t.Errorf("Redact(%q) = %q, want a [redacted] mark", tt.in, got)
			}
		})
	}
}

func TestScrubNamesATimeoutAndKeepsNoSecret(t *testing.T) {
	err := openaiapi.Scrub(fmt.Errorf("post with key sk-abcdef123456: %w", context.DeadlineExceeded), "sk-abcdef123456")
	var e *openaiapi.Error
	if !errors.As(err, &e) || !e.Timeout || strings.Contains(err.Error(), "sk-abcdef") {
		t.Errorf("Scrub = %v (%#v), want a timeout without the key", err, e)
	}
	if openaiapi.Scrub(nil) != nil {
		t.Errorf("Scrub(nil) should be nil")
	}
}

func TestConfigPrintsWithoutItsKey(t *testing.T) {
	cfg := openaiapi.Config{BaseURL: "http://127.0.0.1:1/v1", APIKey: "sk-secret-value-1"}
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg)} {
		if strings.Contains(s, "sk-secret") {
			t.Errorf("printed config leaks the key: %s", s)
		}
	}
}

func TestScrubMasksAnEchoedKeyBeforeClippingTheBody(t *testing.T) {
	const key = "local-key-without-any-prefix-0123456789"
	// The key straddles the 200-byte clip: clipping first would keep its
	// first half, which no longer matches the whole key.
	body := strings.Repeat("x", 190) + " " + key + " trailing"
	err := openaiapi.Scrub(&openai.RequestError{HTTPStatusCode: 400, Body: []byte(body)}, key)
	if strings.Contains(err.Error(), key[:8]) {
		t.Errorf("Scrub = %q holds a piece of the key", err)
	}
}
