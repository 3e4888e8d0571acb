// Package fetch downloads web pages for `footnote add`: one GET per URL
// with a timeout, a size cap, a bounded number of redirects (http and https
// only) and a user agent that says who is asking.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults of Fetcher.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "footnote/1 (article fetcher; +https://github.com/footnote-dev/footnote)"
)

// Fetcher fetches pages. The zero value uses the defaults.
type Fetcher struct {
	// Client sends the requests; nil means a new http.Client.
	Client *http.Client
	// Timeout bounds one fetch, redirects and body included.
	Timeout time.Duration
	// MaxBytes is the largest body accepted.
	MaxBytes int64
	// MaxRedirects is how many redirects one fetch may follow.
	MaxRedirects int
	// UserAgent is sent with every request.
	UserAgent string
}

// Page is a fetched document.
type Page struct {
	// URL is where the body came from, after redirects.
	URL *url.URL
	// ContentType is the media type the server declared, without
	// parameters, e.g. "text/html".
	ContentType string
	Body        []byte
}

// Errors a fetch can fail with, besides the network's own.
var (
	ErrNotWeb       = errors.New("not an http(s) URL")
	ErrTooLarge     = errors.New("page too large")
	ErrTooManyHops  = errors.New("too many redirects")
	ErrUnsupported  = errors.New("not a web page or text")
	errRedirectHost = errors.New("redirect to a non-http(s) URL")
)

// Fetch GETs raw and returns its body.
func (f Fetcher) Fetch(ctx context.Context, raw string) (Page, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Page{}, fmt.Errorf("%q: %w", raw, ErrNotWeb)
	}
	ctx, cancel := context.WithTimeout(ctx, or(f.Timeout, DefaultTimeout))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", orString(f.UserAgent, DefaultUserAgent))
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1")
	resp, err := f.client().Do(req)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", u.Redacted(), unwrapURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Page{}, fmt.Errorf("fetch %s: HTTP %s", u.Redacted(), resp.Status)
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if ct != "" && !readable(ct) {
		return Page{}, fmt.Errorf("fetch %s: %w (%s)", u.Redacted(), ErrUnsupported, ct)
	}
	limit := or(f.MaxBytes, DefaultMaxBytes)
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: read body: %w", u.Redacted(), err)
	}
	if int64(len(body)) > limit {
		return Page{}, fmt.Errorf("fetch %s: %w (over %d MiB)", u.Redacted(), ErrTooLarge, limit>>20)
	}
	return Page{URL: resp.Request.URL, ContentType: ct, Body: body}, nil
}

// readable reports whether footnote can extract an article from a body of
// media type ct.
func readable(ct string) bool {
	return ct == "text/html" || ct == "application/xhtml+xml" || ct == "text/plain" || ct == "text/markdown"
}

// client is f.Client with a redirect policy that stops after MaxRedirects
// and refuses to leave http(s).
func (f Fetcher) client() *http.Client {
	c := http.Client{}
	if f.Client != nil {
		c = *f.Client
	}
	maxHops := f.MaxRedirects
	if maxHops == 0 {
		maxHops = DefaultMaxRedirects
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > maxHops {
			return ErrTooManyHops
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return errRedirectHost
		}
		return nil
	}
	return &c
}

// unwrapURLError keeps the cause of a *url.Error: the message names the
// URL already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return errors.New("timed out")
		}
		return ue.Err
	}
	return err
}

func or[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

func orString(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
