package corpus

import (
	"strings"
	"unicode/utf8"
)

// textReader reads plain text with an optional front-matter block.
type textReader struct{}

func (textReader) read(data []byte) (extracted, error) {
	if !utf8.Valid(data) {
		return extracted{}, ErrNotUTF8
	}
	text := string(data)
	fm, bodyStart := splitFrontMatter(text)
	return extracted{meta: fm, source: text, lines: bodyLines(text, bodyStart)}, nil
}

// sentenceEnd reports whether s already ends a sentence.
func sentenceEnd(s string) bool { return endPunct.MatchString(s) || strings.HasSuffix(s, "…") }

// asSentence ends s with a full stop unless it ends a sentence already, so
// that a heading or a list item reads as a sentence of its paragraph.
func asSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || sentenceEnd(s) {
		return s
	}
	return s + "."
}
