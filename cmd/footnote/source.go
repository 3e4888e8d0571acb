package main

import (
	"fmt"
	"strings"

	"github.com/footnote-dev/footnote/retrieval"
)

// pageOf is ", p. N" for a paragraph of a PDF, else "".
func pageOf(s retrieval.Source) string {
	if s.Page == 0 {
		return ""
	}
	return fmt.Sprintf(", p. %d", s.Page)
}

// sourceLine is the indented line under a source's title that says where
// the article comes from — "The Harbour Gazette · Maria Jansen ·
// 2024-03-11 · https://…" — or "" when nothing is known.
func sourceLine(s retrieval.Source) string {
	var parts []string
	for _, p := range []string{s.Publisher, s.Author, s.Date, s.URL} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "    " + strings.Join(parts, " · ") + "\n"
}
