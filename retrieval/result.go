package retrieval

import "github.com/footnote-dev/footnote/corpus"

// Result is one retrieved paragraph. Its JSON form is part of footnote's
// stable output contract: {"rank", "score", "doc", "title", "paragraph",
// "text"}, plus "part" for a piece of a split paragraph and the Source
// keys ("url", "publisher", "date", "author", "page") where known.
type Result struct {
	Rank      int     `json:"rank"`
	Score     float64 `json:"score"`
	Doc       string  `json:"doc"`
	Title     string  `json:"title"`
	Paragraph int     `json:"paragraph"`
	Part      int     `json:"part,omitempty"`
	// Text is the whole chunk text.
	Text string `json:"text"`
	Source

	// ID is the paragraph's stable ID ("doc#p3").
	ID string `json:"-"`
	// Vector and Lexical are the cosine similarity and BM25 score behind
	// the fused Score (0 where that ranking did not retrieve the chunk);
	// the answerer reads them to decide whether to abstain.
	Vector  float64 `json:"-"`
	Lexical float64 `json:"-"`
}

// Label is the result's paragraph number as people read it: "3" or "3.2".
func (r Result) Label() string { return corpus.Label(r.Paragraph, r.Part) }

// Source says where a paragraph's article comes from. Its keys are
// optional in the JSON contract: each is left out when unknown.
type Source struct {
	// URL is the article's own http(s) address; the only link footnote
	// ever makes.
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	Author    string `json:"author,omitempty"`
	// Page is the PDF page the paragraph starts on.
	Page int `json:"page,omitempty"`
}

// SourceOf is the Source of a paragraph.
func SourceOf(p corpus.Paragraph) Source {
	return Source{URL: p.URL, Publisher: p.Publisher, Date: p.Date, Author: p.Author, Page: p.Page}
}
