package bot

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/footnote-dev/footnote/internal/redact"
)

// rewriteTransport sends every request to one origin, keeping the path
// and query: discordgo builds URLs from package-level endpoint variables,
// and changing those would be global state shared by every Session.
type rewriteTransport struct {
	origin *url.URL
	next   http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.URL.Scheme, r.URL.Host = t.origin.Scheme, t.origin.Host
	r.Host = t.origin.Host
	return t.next.RoundTrip(r)
}

// redactTransport masks secrets in the JSON body of every request: the
// last stop before Discord for every message, edit and followup the bot
// sends, whichever code path built it. Headers (the token itself) pass.
type redactTransport struct {
	r    *redact.Redactor
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t redactTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body == nil || req.Body == http.NoBody || !strings.HasPrefix(req.Header.Get("Content-Type"), "application/json") {
		return t.next.RoundTrip(req)
	}
	body, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	masked := t.r.String(string(body))
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(strings.NewReader(masked))
	r.ContentLength = int64(len(masked))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(masked)), nil }
	return t.next.RoundTrip(r)
}

// newHTTPClient returns the REST client: Discord's origin, or apiBase,
// masking secrets in what it sends with r.
func newHTTPClient(apiBase string, r *redact.Redactor) (*http.Client, error) {
	c := &http.Client{Timeout: restTimeout, Transport: redactTransport{r: r, next: http.DefaultTransport}}
	if apiBase == "" {
		return c, nil
	}
	u, err := url.Parse(apiBase)
	if err != nil {
		return nil, err
	}
	c.Transport = redactTransport{r: r, next: rewriteTransport{origin: u, next: http.DefaultTransport}}
	return c, nil
}
