package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/internal/pdftest"
)

// formatsCorpus is a folder with a saved news page, a Markdown article
// and a PDF report, the corpus package's fixtures.
func formatsCorpus(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt install poppler-utils)")
	}
	dir := t.TempDir()
	for _, name := range []string{"harbour.html", "reef.md"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "formats", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pdf := pdftest.Document("Tide Gauge Report", "Port Survey Office",
		pdftest.Page{"The tide gauge at Hook of Holland was installed in 1864.", "", "1"},
		pdftest.Page{"Since 1900 the gauge has recorded a sea level rise of", "twenty centimetres, most of it after 1990.", "", "2"})
	if err := os.WriteFile(filepath.Join(dir, "tides.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCitationsLinkBackToTheArticleInEveryFormat(t *testing.T) {
	dir := formatsCorpus(t)
	tests := []struct {
		name, question string
		want           map[string]any // keys of the first citation
	}{
		{"a saved web page", "How many containers a year will the floating terminal in Rotterdam handle?",
			map[string]any{"url": "https://gazette.example/ports/2024/floating-terminal", "publisher": "The Harbour Gazette", "author": "Maria Jansen", "date": "2024-03-11"}},
		{"a Markdown file", "On how many transects did divers find bleaching?",
			map[string]any{"url": "https://oceannotes.example/reef-bleaching", "publisher": "Ocean Notes", "author": "Sam Reid", "date": "2024-04-02"}},
		{"a PDF", "How much has the sea level risen at the tide gauge since 1900?",
			map[string]any{"title": "Tide Gauge Report", "author": "Port Survey Office", "page": float64(2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := footnote(t, map[string]string{"FOOTNOTE_CORPUS_DIR": dir}, "ask", "--json", tt.question)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var a struct {
				Abstained bool             `json:"abstained"`
				Citations []map[string]any `json:"citations"`
			}
			if err := json.Unmarshal([]byte(out), &a); err != nil {
				t.Fatal(err)
			}
			if a.Abstained || len(a.Citations) == 0 {
				t.Fatalf("no cited answer: %s", out)
			}
			for k, v := range tt.want {
				if a.Citations[0][k] != v {
					t.Errorf("citation %q = %v, want %v", k, a.Citations[0][k], v)
				}
			}
		})
	}
}

func TestSourcesShowWhereTheArticleIsFrom(t *testing.T) {
	dir := formatsCorpus(t)
	out, errOut, code := footnote(t, map[string]string{"FOOTNOTE_CORPUS_DIR": dir}, "ask", "How much has the sea level risen at the tide gauge since 1900?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "[1] Tide Gauge Report, ¶2, p. 2\n    Port Survey Office\n") {
		t.Errorf("Sources lack the page and author:\n%s", out)
	}
	out, _, _ = footnote(t, map[string]string{"FOOTNOTE_CORPUS_DIR": dir}, "search", "-k", "1", "floating terminal containers")
	if !strings.Contains(out, "    The Harbour Gazette · Maria Jansen · 2024-03-11 · https://gazette.example/ports/2024/floating-terminal\n") {
		t.Errorf("search result lacks its source line:\n%s", out)
	}
}
