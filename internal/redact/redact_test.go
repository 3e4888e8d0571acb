package redact_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/internal/redact"
)

func TestStringMasksEveryConfiguredSecretWhateverItsShape(t *testing.T) {
	const key, token, slashy = "plainkey-without-prefix-42", "MTIz.discord-token", "a+b/c=d&e"
	r := redact.New(key, token, slashy, "", "x")
	tests := []struct{ name, in, secret string }{
		{"a key without the sk- prefix", "upstream said: invalid key " + key, key},
		{"a Discord token echoed by REST", `HTTP 401 Unauthorized, {"message": "401: Unauthorized", "token": "` + token + `"}`, token},
		{"a secret percent-encoded in a URL", "GET /v1?key=a%2Bb%2Fc%3Dd%26e failed", "a%2Bb"},
		{"a key quoted with %q", fmt.Sprintf("bad value %q", key+"\n"), key},
		{"a key as URL userinfo", `Post "http://` + key + `@127.0.0.1:9/v1/chat/completions": refused`, key},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.String(tt.in)
			if tt.secret != "" && strings.Contains(got, tt.secret) {
				t.Errorf("String(%q) = %q still holds the secret", tt.in, got)
			}
			if !strings.Contains(got, redact.Mask) {
				t.Errorf("String(%q) = %q, want a mask", tt.in, got)
			}
		})
	}
}

func TestStringMasksCredentialShapesNobodyConfigured(t *testing.T) {
	var r *redact.Redactor // nil: shapes only
	tests := []struct{ name, in, secret string }{
		{"a user alone in a URL", "dial http://KEY123@host:8080/v1: refused", "KEY123"},
		{"user and password in a URL", "GET https://me:hunter22@example.test/x", "hunter22"},
		{"a percent-encoded password", "GET https://me:p%40ss%3Aword@example.test/", "p%40ss"},
		{"an @ inside the userinfo", "postgres://a@b:c@db.test/footnote", "a@b:c"},
		{"a bearer token", "Authorization: Bearer abc.def-ghi", "abc.def-ghi"},
		{"a Discord bot header", "header Authorization: Bot abcdefgh", "abcdefgh"},
		{"a Discord-shaped token", "token MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyz012345 rejected", "GhIjKl"},
		{"an OpenAI-style key", "Incorrect API key provided: sk-proj-AbC123xyz789", "sk-proj-AbC123xyz789"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.String(tt.in); strings.Contains(got, tt.secret) || !strings.Contains(got, redact.Mask) {
				t.Errorf("String(%q) = %q, want %q masked", tt.in, got, tt.secret)
			}
		})
	}
}

func TestStringLeavesOrdinaryTextAlone(t *testing.T) {
	r := redact.New("sk-test-key-123456")
	for _, s := range []string{
		"footnote bot connects to Discord with a basic understanding",
		"see https://example.test/a?b=c@d and mail me@example.test",
		"Kim Jong Un skipped the Victory Day parade in Moscow.",
	} {
		if got := r.String(s); got != s {
			t.Errorf("String(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestClipMasksBeforeItCuts(t *testing.T) {
	const key = "abcdefghijklmnopqrstuvwxyz-0123456789"
	r := redact.New(key)
	in := strings.Repeat("x", 180) + " echoed key " + key + " and more"
	got := r.Clip(in, 200)
	if strings.Contains(got, key[:8]) {
		t.Errorf("Clip = %q holds a prefix of the key", got)
	}
	if len(got) > 200+len("…") {
		t.Errorf("Clip = %d bytes, want at most 200 and a mark", len(got))
	}
}

func TestErrorKeepsTheChainAndMasksTheText(t *testing.T) {
	r := redact.New("secret-value-1")
	err := r.Error(fmt.Errorf("call with secret-value-1: %w", context.DeadlineExceeded))
	if strings.Contains(err.Error(), "secret-value-1") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Error = %q (is deadline: %v), want masked text and the chain kept", err, errors.Is(err, context.DeadlineExceeded))
	}
	if r.Error(nil) != nil {
		t.Error("Error(nil) should be nil")
	}
}

func TestWriterMasksEachWrite(t *testing.T) {
	var buf bytes.Buffer
	w := redact.New("tok-123456").Writer(&buf)
	n, err := fmt.Fprintf(w, "footnote: login with tok-123456 failed\n")
	if err != nil || n != len("footnote: login with tok-123456 failed\n") {
		t.Fatalf("Fprintf = %d, %v; want the caller's length and no error", n, err)
	}
	if got := buf.String(); got != "footnote: login with [redacted] failed\n" {
		t.Errorf("wrote %q", got)
	}
}

func TestHandlerMasksMessagesStringsErrorsAndGroups(t *testing.T) {
	var buf bytes.Buffer
	r := redact.New("tok-abcdef-123")
	log := slog.New(r.Handler(slog.NewTextHandler(&buf, nil))).With("token_hint", "tok-abcdef-123")
	log.Info("login tok-abcdef-123", "err", errors.New(`HTTP 401, {"token": "tok-abcdef-123"}`),
		slog.Group("req", "url", "http://user:pw-secret@h/x"), "n", 3)
	got := buf.String()
	for _, s := range []string{"tok-abcdef-123", "pw-secret"} {
		if strings.Contains(got, s) {
			t.Errorf("log line holds %q: %s", s, got)
		}
	}
	if !strings.Contains(got, "n=3") {
		t.Errorf("log line lost a plain attribute: %s", got)
	}
}
