package corpus_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/corpus"
)

// FuzzParseFile feeds the readers and the cleaner any bytes under any of
// the names they choose by: no panic, and every paragraph a well-formed
// citable chunk.
func FuzzParseFile(f *testing.F) {
	f.Add("a.txt", []byte("---\ntitle: T\n---\nREAD MORE x\n\nA paragraph. Another one.\n"))
	f.Add("a.md", []byte("# Title\n\nSome *text* with [a link](https://example.test).\n\n- a list\n"))
	f.Add("a.html", []byte("<html><head><title>T</title></head><body><p>One.</p><p>Two.</p></body></html>"))
	f.Add("a.txt", []byte(strings.Repeat("word ", 700)))
	f.Add("a.txt", []byte("Photo: AFP / Getty Images\n• World\n6 minute read\nWrite to x at x@y.z\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if strings.HasSuffix(strings.ToLower(name), ".pdf") || strings.HasPrefix(string(data), "%PDF-") {
			t.Skip("PDFs go through pdftotext, a separate process")
		}
		doc, err := corpus.ParseFile("doc", name, data)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, p := range doc.Paragraphs {
			if strings.TrimSpace(p.Text) == "" || !utf8.ValidString(p.Text) {
				t.Fatalf("paragraph %s is empty or not UTF-8: %q", p.ID, p.Text)
			}
			if p.Start < 0 || p.End < p.Start || p.End > len(data) {
				t.Fatalf("paragraph %s offsets %d-%d outside the %d-byte file", p.ID, p.Start, p.End, len(data))
			}
			if seen[p.ID] || p.Doc != "doc" || !strings.HasPrefix(p.ID, "doc#p") {
				t.Fatalf("paragraph ID %q repeated or not the document's", p.ID)
			}
			seen[p.ID] = true
		}
	})
}

// FuzzNormalize checks the text folding every comparison relies on.
func FuzzNormalize(f *testing.F) {
	f.Add("Kim Jong-un’s “juche” — self-reliance")
	f.Add("ﬁ\u00a0\u200b\ufeffÉcole")
	f.Fuzz(func(t *testing.T, s string) {
		n := corpus.Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q, not UTF-8", s, n)
		}
		if again := corpus.Normalize(n); again != n {
			t.Fatalf("Normalize is not idempotent: %q → %q → %q", s, n, again)
		}
	})
}
