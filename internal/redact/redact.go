// Package redact is footnote's one path for keeping secrets out of what
// leaves the process: stderr, structured logs, JSON error fields and
// Discord messages. A Redactor is built once, in cmd/footnote, from every
// configured secret value; everything that prints or sends text passes it
// through the same Redactor, before any clipping, so a secret cut in half
// by a length limit is still caught whole.
package redact

import (
	"encoding/json"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/footnote-dev/footnote/internal/clip"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// Mask is what a secret becomes.
const Mask = "[redacted]"

// MinSecretLen is the shortest configured value treated as a secret.
// Shorter values (a placeholder key such as "x") cannot be told apart from
// ordinary text, and masking them would mangle every message.
const MinSecretLen = 4

// patterns match credentials a message may carry even when they are not a
// configured value: the userinfo of any URL (a user alone, user:password,
// percent-encoded, several @), authorisation header values, bearer tokens,
// Discord bot tokens (three dot-separated base64 parts) and OpenAI-style
// keys.
var patterns = []struct {
	re   *lazyregexp.Regexp
	repl string
}{
	{lazyregexp.New(`(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s?#"'<>\x60]*@`), "${1}" + Mask + "@"},
	{lazyregexp.New(`(?i)(authorization["']?\s*[:=]\s*["']?(?:bot|bearer|basic)?\s*)[^\s"',]+`), "${1}" + Mask},
	{lazyregexp.New(`(?i)\b(bearer\s+)[A-Za-z0-9._~+/=\-]{8,}`), "${1}" + Mask},
	{lazyregexp.New(`\b[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{20,}\b`), Mask},
	{lazyregexp.New(`\bsk-[A-Za-z0-9_\-*]{6,}`), Mask},
}

// Redactor masks known secret values and credential-shaped text. The zero
// value and a nil *Redactor mask credential shapes only.
type Redactor struct {
	// secrets holds every form a secret may take in a message, longest
	// first so that a secret containing another is masked whole.
	secrets []string
}

// New returns a Redactor for the given secret values, whatever their shape:
// tokens, keys, passwords. Empty and very short values are ignored (see
// MinSecretLen). Each secret is also masked in its URL-escaped and
// quoted forms, the shapes error messages print it in.
func New(secrets ...string) *Redactor {
	seen := map[string]bool{}
	r := &Redactor{}
	for _, s := range secrets {
		for _, form := range forms(s) {
			if len(form) >= MinSecretLen && !seen[form] {
				seen[form] = true
				r.secrets = append(r.secrets, form)
			}
		}
	}
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
	return r
}

// forms lists the spellings of s a message may carry.
func forms(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	out := []string{s, url.QueryEscape(s), url.PathEscape(s)}
	if q := strconv.Quote(s); len(q) >= 2 {
		out = append(out, q[1:len(q)-1])
	}
	if j, err := json.Marshal(s); err == nil && len(j) >= 2 {
		out = append(out, string(j[1:len(j)-1]))
	}
	return out
}

// String returns s with every secret and credential masked.
func (r *Redactor) String(s string) string {
	if r != nil {
		for _, sec := range r.secrets {
			if strings.Contains(s, sec) {
				s = strings.ReplaceAll(s, sec, Mask)
			}
		}
	}
	for _, p := range patterns {
		s = p.re.ReplaceAllString(s, p.repl)
	}
	return s
}

// Clip masks s, then shortens it with clip.Runes to at most n runes.
// Masking first means a cut can never leave a recognisable piece of a
// secret that no longer matches in full.
func (r *Redactor) Clip(s string, n int) string { return clip.Runes(r.String(s), n) }

// Error returns err with its message masked, or nil for nil. errors.Is and
// errors.As still see the original chain (context errors, typed errors);
// only the text changes.
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	return &redactedError{msg: r.String(err.Error()), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// Writer returns a writer that masks each Write before passing it on. The
// masking works on whole writes, so it suits writers that receive a line
// or a log record per call (fmt.Fprintf to stderr, slog handlers).
func (r *Redactor) Writer(w io.Writer) io.Writer { return &writer{r: r, w: w} }

type writer struct {
	r *Redactor
	w io.Writer
}

// Write reports len(p) on success: the caller wrote p, even though fewer or
// more bytes reached the underlying writer once masked.
func (w *writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, w.r.String(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
