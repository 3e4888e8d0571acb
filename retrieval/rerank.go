package retrieval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/analysis"
)

// rerankDepth is how many fused candidates are re-scored sentence by
// sentence; below that depth the fused order stands.
const rerankDepth = 20

// sentenceWeight is the share of the final score that comes from the best
// sentence's coverage of the question, the rest from the fused score.
// Questions usually target one sentence; BM25 and the vectors score whole
// paragraphs, where a long paragraph's incidental matches add up.
var sentenceWeight = 0.5

// kindBonus is added to the score of a candidate that holds the kind of
// answer the question asks for (analysis.AnswerKind): a date for "When…",
// a number for "How many…", a causal connective for "Why…". On the scale
// of the score above (fused share at most 1-sentenceWeight), it reorders
// close candidates, not distant ones. Chosen on testdata/eval.jsonl,
// where 0.1 lifted the paragraphs that say why (an absence "due to
// security concerns") and when, 0.15 also brought one more into the top 5,
// and 0.2 gained nothing more; see BENCHMARKS.md.
const kindBonus = 0.15

// contextCredit is the share of a question term's credit that a sentence
// earns when the term is not in it but in its surroundings: its
// article's title, the paragraph before it, the sentences before it in
// its own. Articles name their subject once and then say "the project",
// "his absence", "the North Korean leader"; a question names it every
// time ("What did the Lund-Dalby railway cost?"), so the sentence that
// answers it lost to one that repeats the names without the answer.
// Chosen on eval+holdout; see BENCHMARKS.md.
const contextCredit = 0.4

// rerank re-scores the top fused hits by how much of the question their
// best sentence covers, read in its surroundings, and whether they hold
// the kind of answer it asks for, and re-sorts them.
func (ix *Index) rerank(q analysis.Question, fused []Hit) []Hit {
	return rerankHits(q, fused, chunkText{
		text:  func(c int) string { return ix.paragraphs[c].Text },
		title: func(c int) string { return ix.paragraphs[c].Title },
		previous: func(c int) (int, bool) {
			return c - 1, c > 0 && ix.paragraphs[c-1].Doc == ix.paragraphs[c].Doc
		},
	}, ix.stems.Tokens)
}

// chunkText is what a rerank reads of a store's chunks, numbered as in
// the fused ranking: a chunk's text, its article's title, and the chunk
// before it in the same article if the store has it at hand. The rerank
// reads that chunk only when it is one of those it re-scores: a paragraph
// ranked below them says little of the question, and reading those cost
// about a millisecond a search, more than the rest of the rerank. So a
// remote store, which holds only its candidates, ranks as the in-process
// index does. title and previous may be nil.
type chunkText struct {
	text     func(chunk int) string
	title    func(chunk int) string
	previous func(chunk int) (int, bool)
}

// rerankHits is rerank over any store; tokens stems the chunks' texts.
func rerankHits(q analysis.Question, fused []Hit, chunks chunkText, tokens func(string) []string) []Hit {
	depth := min(rerankDepth, len(fused))
	if depth == 0 || fused[0].Score <= 0 || sentenceWeight == 0 {
		return fused
	}
	// Each candidate's sentences are read once; a candidate read as the
	// surroundings of the next is the join of its sentences (the reading of
	// their union), and a title is read once for all its paragraphs.
	sentences := make([][]analysis.Reading, depth)
	whole := make(map[int]analysis.Reading, depth)
	for i, h := range fused[:depth] {
		var all analysis.Reading
		for _, s := range roughSentences(chunks.text(h.Chunk)) {
			r := q.Read(analysis.Set(tokens(s)))
			sentences[i] = append(sentences[i], r)
			all = all.Join(r)
		}
		whole[h.Chunk] = all
	}
	titles := map[string]analysis.Reading{}
	surroundings := func(c int) analysis.Reading {
		var around analysis.Reading
		if chunks.title != nil {
			t := chunks.title(c)
			r, ok := titles[t]
			if !ok {
				r = q.Read(analysis.Set(tokens(t)))
				titles[t] = r
			}
			around = r
		}
		if chunks.previous != nil {
			if p, ok := chunks.previous(c); ok {
				around = around.Join(whole[p]) // the zero Reading unless p is re-scored too
			}
		}
		return around
	}
	top := make([]Hit, depth)
	for i, h := range fused[:depth] {
		around := surroundings(h.Chunk)
		best := 0.0
		for _, r := range sentences[i] {
			best = max(best, q.CoverageIn(r, around, contextCredit))
			around = around.Join(r) // what the next sentence refers back to
		}
		score := (1-sentenceWeight)*h.Score/fused[0].Score + sentenceWeight*best
		if q.Kind != analysis.KindAny && q.Kind.Holds(chunks.text(h.Chunk)) {
			score += kindBonus
		}
		top[i] = Hit{Chunk: h.Chunk, Score: score}
	}
	top = topHits(top, depth)
	// Below the depth, the fused order stands, on the same scale with no
	// sentence share, so that scores still fall as ranks rise.
	for _, h := range fused[depth:] {
		top = append(top, Hit{Chunk: h.Chunk, Score: (1 - sentenceWeight) * h.Score / fused[0].Score})
	}
	return top
}

// roughSentences splits text at ". ", "? " or "! " (closing quotes allowed)
// before a capital or an opening quote, unless a single letter precedes the
// stop ("U.S. President"). It is cruder than corpus.Sentences and twenty
// times cheaper, which is what a rerank of every search needs: a wrong
// split only blurs one paragraph's score.
//
// It walks the bytes of text, decoding runes only around a stop, and cuts
// text itself: TestRoughSentencesAreTheRuneLoops holds it to the loop over
// []rune it replaced, which copied every paragraph twice.
func roughSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(`"'”’)`, r) {
				break
			}
			j += n
		}
		if j+1 >= len(text) || text[j] != ' ' {
			continue
		}
		if next, _ := utf8.DecodeRuneInString(text[j+1:]); !unicode.IsUpper(next) && !strings.ContainsRune(`"“‘`, next) {
			continue
		}
		if text[i] == '.' && initial(text[:i]) {
			continue // an initial or an acronym
		}
		out = append(out, text[start:j])
		start = j + 1
	}
	return append(out, text[start:])
}

// initial reports whether before ends in a letter that follows a
// non-letter: the "S" of "U.S" before its stop.
func initial(before string) bool {
	last, n := utf8.DecodeLastRuneInString(before)
	if n == 0 || !unicode.IsLetter(last) {
		return false
	}
	prev, m := utf8.DecodeLastRuneInString(before[:len(before)-n])
	return m > 0 && !unicode.IsLetter(prev)
}
