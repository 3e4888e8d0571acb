package retrieval

// Result is one retrieved paragraph. Its JSON form is part of footnote's
// stable output contract: {"rank", "score", "doc", "title", "paragraph",
// "text"}, plus "part" for a piece of a split paragraph.
type Result struct {
	Rank      int     `json:"rank"`
	Score     float64 `json:"score"`
	Doc       string  `json:"doc"`
	Title     string  `json:"title"`
	Paragraph int     `json:"paragraph"`
	Part      int     `json:"part,omitempty"`
	// Text is the whole chunk text.
	Text string `json:"text"`

	// ID is the paragraph's stable ID ("doc#p3").
	ID string `json:"-"`
	// Vector and Lexical are the cosine similarity and BM25 score behind
	// the fused Score (0 where that ranking did not retrieve the chunk);
	// the answerer reads them to decide whether to abstain.
	Vector  float64 `json:"-"`
	Lexical float64 `json:"-"`
}
