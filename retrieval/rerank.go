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

// rerank re-scores the top fused hits by how much of the question their
// best sentence covers and whether they hold the kind of answer it asks
// for, and re-sorts them.
func (ix *Index) rerank(q analysis.Question, fused []Hit) []Hit {
	return rerankHits(q, fused, func(c int) string { return ix.paragraphs[c].Text }, ix.stems.Tokens)
}

// rerankHits is rerank over any store: text returns a chunk's text and
// tokens stems it.
func rerankHits(q analysis.Question, fused []Hit, text func(chunk int) string, tokens func(string) []string) []Hit {
	depth := min(rerankDepth, len(fused))
	if depth == 0 || fused[0].Score <= 0 || sentenceWeight == 0 {
		return fused
	}
	top := make([]Hit, depth)
	for i, h := range fused[:depth] {
		best := 0.0
		for _, s := range roughSentences(text(h.Chunk)) {
			best = max(best, q.Coverage(analysis.Set(tokens(s))))
		}
		score := (1-sentenceWeight)*h.Score/fused[0].Score + sentenceWeight*best
		if q.Kind != analysis.KindAny && q.Kind.Holds(text(h.Chunk)) {
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
