package corpus

import "strings"

// frontMatter is the optional metadata block at the top of an article:
//
//	---
//	title: …
//	publisher: …
//	date: …
//	author: …
//	url: …
//	---
//
// Only simple "key: value" lines are understood; unknown keys are ignored.
type frontMatter struct {
	Title, Publisher, Date, Author, URL string
}

// splitFrontMatter returns the metadata and the byte offset where the body
// starts. Without a well-formed block the whole text is body.
func splitFrontMatter(text string) (frontMatter, int) {
	var fm frontMatter
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---\r\n") {
		return fm, 0
	}
	pos := strings.Index(text, "\n") + 1
	for pos < len(text) {
		end := strings.Index(text[pos:], "\n")
		if end < 0 {
			return frontMatter{}, 0 // unterminated: treat as body
		}
		line := strings.TrimSpace(text[pos : pos+end])
		pos += end + 1
		if line == "---" {
			return fm, pos
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			fm.Title = value
		case "publisher":
			fm.Publisher = value
		case "date":
			fm.Date = value
		case "author":
			fm.Author = value
		case "url":
			fm.URL = value
		}
	}
	return frontMatter{}, 0
}
