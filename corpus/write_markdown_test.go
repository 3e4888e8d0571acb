package corpus_test

import (
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/corpus"
)

func TestASavedArticleReadsBackAsTheSameParagraphs(t *testing.T) {
	page := corpus.Page{
		Title: "Markup: *not* here", URL: "https://news.example/a", Publisher: "News", Author: "A. Writer", Date: "2024-01-02",
		Text: "1. This line starts like a list item, but is prose.\n\n" +
			"# Not a heading, and *stars*, _underscores_ and `ticks` stay as they are.\n\n" +
			"Links [like this](https://x.example) and <b>tags</b> & entities &amp; are text.\n\n" +
			"- A dash opens this paragraph; a backslash \\ too.\n\n" +
			"A short line\n\nThe last paragraph.",
	}
	md, doc, err := corpus.ArticleMarkdown(page, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(md, "---\ntitle: Markup: *not* here\nurl: https://news.example/a\npublisher: News\nauthor: A. Writer\ndate: 2024-01-02\nfetched: 2026-12-01T00:00:00Z\n---\n") {
		t.Errorf("front matter:\n%s", md)
	}
	back, err := corpus.ParseFile("a", "a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if back.Title != doc.Title || back.URL != doc.URL || back.Author != doc.Author {
		t.Errorf("metadata %q %q %q, want %q %q %q", back.Title, back.URL, back.Author, doc.Title, doc.URL, doc.Author)
	}
	if len(back.Paragraphs) != len(doc.Paragraphs) {
		t.Fatalf("%d paragraphs read back, want %d:\n%s", len(back.Paragraphs), len(doc.Paragraphs), md)
	}
	for i := range doc.Paragraphs {
		if back.Paragraphs[i].Text != doc.Paragraphs[i].Text {
			t.Errorf("¶%d read back as %q, want %q", i+1, back.Paragraphs[i].Text, doc.Paragraphs[i].Text)
		}
	}
}
