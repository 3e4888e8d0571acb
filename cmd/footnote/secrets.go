package main

import (
	"io"
	"net/url"
	"sort"
	"strings"

	"github.com/footnote-dev/footnote/internal/redact"
)

// secretVars are the settings whose whole value is a secret. A variable of
// .env whose name ends in one of secretSuffixes counts too. A new secret
// setting belongs here: the process environment cannot be listed.
var secretVars = []string{"OPENAI_API_KEY", "DISCORD_TOKEN", "FOOTNOTE_WEAVIATE_API_KEY"}

// urlVars are settings holding a URL, whose userinfo (user, password) is a
// secret. A variable of .env whose name ends in _URL counts too. A new URL
// setting belongs here.
var urlVars = []string{"OPENAI_BASE_URL", "DISCORD_API_BASE_URL", "FOOTNOTE_REDIS_URL"}

var secretSuffixes = []string{"_KEY", "_TOKEN", "_SECRET", "_PASSWORD"}

// newRedactor builds the one Redactor of this run from every configured
// secret value: the known secret settings, every variable of .env that is
// named like one, and the userinfo of every URL setting.
func newRedactor(env environment) *redact.Redactor {
	names := map[string]bool{}
	for _, n := range append(secretVars, urlVars...) {
		names[n] = true
	}
	for n := range env.dotenv {
		names[n] = true
	}
	var secrets []string
	for _, n := range sortedKeys(names) {
		v := env.get(n)
		switch {
		case v == "":
		case strings.HasSuffix(n, "_URL"):
			secrets = append(secrets, userinfo(v)...)
		case hasSecretName(n):
			secrets = append(secrets, v)
		}
	}
	return redact.New(secrets...)
}

func hasSecretName(n string) bool {
	for _, s := range secretSuffixes {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	return false
}

// userinfo returns the secret parts of a URL's userinfo: the whole of it,
// the user and the password, raw and decoded.
func userinfo(raw string) []string {
	i := strings.Index(raw, "://")
	if i < 0 {
		return nil
	}
	rest := raw[i+3:]
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		rest = rest[:end]
	}
	at := strings.LastIndexByte(rest, '@')
	if at < 0 {
		return nil
	}
	info := rest[:at]
	out := []string{info}
	user, pass, _ := strings.Cut(info, ":")
	for _, p := range []string{user, pass} {
		out = append(out, p)
		if d, err := url.PathUnescape(p); err == nil {
			out = append(out, d)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// redactingWriter masks each write with the app's Redactor as it is at
// the time of the write: stderr is wrapped before the configuration (and
// so the secrets) is known, and a nil Redactor still masks credential
// shapes such as URL userinfo.
type redactingWriter struct {
	a *app
	w io.Writer
}

func (w redactingWriter) Write(p []byte) (int, error) {
	return w.a.redactor.Writer(w.w).Write(p)
}
