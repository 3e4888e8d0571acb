// Package corpus loads articles, strips page furniture and splits the
// remaining text into citable paragraphs.
package corpus

import "fmt"

// Document is one article after cleaning.
type Document struct {
	// ID is the document's slug: its path without extension, slash-separated.
	ID string
	// Title is the article's title: from front matter, a leading title line,
	// or, failing both, the opening words of its first paragraph.
	Title string
	// Publisher, Date and Author come from front matter or the text itself;
	// empty when the article does not state them.
	Publisher string
	Date      string
	Author    string
	// URL is the article's own address on the web (front matter "url", a
	// saved page's canonical link); empty when unknown.
	URL string
	// Path is where the document was read from (for warnings and offsets).
	Path string
	// Paragraphs are the article's text in order, furniture removed.
	Paragraphs []Paragraph
}

// Paragraph is the unit footnote retrieves and cites.
type Paragraph struct {
	// ID is stable across runs: "<doc>#p<n>" or "<doc>#p<n>.<part>".
	ID string
	// Doc is the owning Document's ID; Title is its title.
	Doc   string
	Title string
	// N is the 1-based paragraph number in the cleaned article.
	N int
	// Part is 0 for a whole paragraph, or 1, 2, … when a very long paragraph
	// was split at sentence boundaries.
	Part int
	// Text is the paragraph's plain text: exactly as it stands in a .txt
	// file; Markdown rendered to text (markup and link targets dropped);
	// the extracted text of a web page or PDF.
	Text string
	// Start and End are byte offsets of the paragraph in the original file
	// (.txt and .md), or in the text extracted from it (.html and .pdf).
	Start, End int
	// Page is the 1-based PDF page the paragraph starts on; 0 elsewhere.
	Page int
	// URL, Publisher, Date and Author repeat the document's, so that a
	// search result can link back to the article on its own.
	URL, Publisher, Date, Author string
}

// Label is the paragraph's human-readable number: "3", or "3.2" for a part.
func (p Paragraph) Label() string { return Label(p.N, p.Part) }

// Label writes paragraph n, part part (0 for a whole paragraph), as
// people read it after a ¶: "3" or "3.2". Every surface that names a
// paragraph — citations, search results, reports, prompts — uses it.
func Label(n, part int) string {
	if part == 0 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d.%d", n, part)
}

// Corpus is a set of documents, ready to index.
type Corpus struct {
	Documents []Document
	// Hash identifies the files the corpus was read from (names and bytes):
	// an index built from a corpus with another hash is stale.
	Hash string
}

// Paragraphs returns every paragraph of every document, in document order.
// The slice is allocated once at its final length: grown by appends it
// was twice the copying, and at 10,000 paragraphs a fifth of the memory a
// re-index after a one-file edit allocated.
func (c *Corpus) Paragraphs() []Paragraph {
	n := 0
	for _, d := range c.Documents {
		n += len(d.Paragraphs)
	}
	if n == 0 {
		return nil
	}
	out := make([]Paragraph, 0, n)
	for _, d := range c.Documents {
		out = append(out, d.Paragraphs...)
	}
	return out
}
