package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/fetch"
)

func server(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchGetsThePageAndSaysWhoIsAsking(t *testing.T) {
	var agent string
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		agent = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><p>Hello.</p></body></html>")
	})
	p, err := fetch.Fetcher{}.Fetch(context.Background(), srv.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if p.URL.Path != "/new" || p.ContentType != "text/html" || !strings.Contains(string(p.Body), "Hello.") {
		t.Errorf("got %s %s %q", p.URL, p.ContentType, p.Body)
	}
	if !strings.HasPrefix(agent, "footnote/") {
		t.Errorf("user agent %q, want footnote's", agent)
	}
}

func TestFetchFailsClearly(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://files.example/a", http.StatusFound)
		case "/big":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(strings.Repeat("x", 2048)))
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG"))
		default:
			http.NotFound(w, r)
		}
	})
	f := fetch.Fetcher{MaxBytes: 1024, Timeout: 200 * time.Millisecond, MaxRedirects: 3}
	tests := []struct {
		name, url, want string
		is              error
	}{
		{"a redirect loop stops after the limit", srv.URL + "/loop", "too many redirects", fetch.ErrTooManyHops},
		{"a redirect off the web is refused", srv.URL + "/ftp", "non-http(s)", nil},
		{"a body over the cap", srv.URL + "/big", "too large", fetch.ErrTooLarge},
		{"a server that never answers", srv.URL + "/slow", "timed out", nil},
		{"a missing page", srv.URL + "/gone", "HTTP 404", nil},
		{"an image", srv.URL + "/image", "image/png", fetch.ErrUnsupported},
		{"a URL that is not http(s)", "file:///etc/passwd", "not an http(s) URL", fetch.ErrNotWeb},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), tt.url)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("err = %v, want one line mentioning %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want it to be %v", err, tt.is)
			}
		})
	}
}
