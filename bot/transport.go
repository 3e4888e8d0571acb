package bot

import (
	"net/http"
	"net/url"
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

// newHTTPClient returns the REST client: Discord's origin, or apiBase.
func newHTTPClient(apiBase string) (*http.Client, error) {
	c := &http.Client{Timeout: restTimeout, Transport: http.DefaultTransport}
	if apiBase == "" {
		return c, nil
	}
	u, err := url.Parse(apiBase)
	if err != nil {
		return nil, err
	}
	c.Transport = rewriteTransport{origin: u, next: http.DefaultTransport}
	return c, nil
}
