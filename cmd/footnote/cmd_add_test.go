package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newsServer serves the saved news page of the corpus fixtures on
// 127.0.0.1, as a publisher's site would.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "formats", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ports/floating-terminal":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/nav-only":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><nav>Home · Ports</nav></body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestAddSavesTheArticleAsMarkdownThatAskThenCites(t *testing.T) {
	srv := newsServer(t)
	dir := filepath.Join(t.TempDir(), "articles")
	env := map[string]string{"FOOTNOTE_CORPUS_DIR": dir}
	out, errOut, code := footnote(t, env, "add", srv.URL+"/ports/floating-terminal")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	const name = "rotterdam-opens-a-floating-container-terminal.md"
	if !strings.Contains(out, "added "+name+": Rotterdam opens a floating container terminal (4 paragraphs)") {
		t.Errorf("stdout %q", out)
	}
	saved, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"---\ntitle: Rotterdam opens a floating container terminal\n",
		"url: https://gazette.example/ports/2024/floating-terminal\n",
		"publisher: The Harbour Gazette\n", "author: Maria Jansen\n", "date: 2024-03-11\n", "fetched: ",
		"\nDock workers' unions welcomed the 350 new jobs",
	} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("saved article lacks %q:\n%s", want, saved)
		}
	}
	if strings.Contains(string(saved), "Subscribe") || strings.Contains(string(saved), "Great news") {
		t.Errorf("saved article keeps page furniture:\n%s", saved)
	}
	out, _, code = footnote(t, env, "ask", "How many containers a year will the floating terminal handle?")
	if code != 0 || !strings.Contains(out, "200,000 containers") || !strings.Contains(out, "https://gazette.example/ports/2024/floating-terminal") {
		t.Errorf("ask after add: exit %d\n%s", code, out)
	}
}

func TestAddNeverOverwritesAndReportsEachFailure(t *testing.T) {
	srv := newsServer(t)
	dir := t.TempDir()
	env := map[string]string{"FOOTNOTE_CORPUS_DIR": dir}
	out, errOut, code := footnote(t, env, "add", srv.URL+"/ports/floating-terminal", srv.URL+"/missing", srv.URL+"/nav-only", srv.URL+"/ports/floating-terminal")
	if code != 1 {
		t.Errorf("exit %d, want 1 (two URLs failed)", code)
	}
	if !strings.Contains(out, "added rotterdam-opens-a-floating-container-terminal.md") || !strings.Contains(out, "added rotterdam-opens-a-floating-container-terminal-2.md") {
		t.Errorf("stdout %q, want both copies added under two names", out)
	}
	for _, want := range []string{"/missing: fetch", "HTTP 404", "/nav-only: no article text", "2 of 4 URLs not added"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestAddNeedsACorpusFolderAndAURL(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"without a corpus folder", nil, []string{"add", "http://127.0.0.1:1/a"}, "needs a corpus folder"},
		{"without a URL", map[string]string{"FOOTNOTE_CORPUS_DIR": t.TempDir()}, []string{"add"}, "at least one URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := footnote(t, tt.env, tt.args...)
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
		})
	}
}
