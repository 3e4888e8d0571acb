package retrieval

import (
	"github.com/footnote-dev/footnote/corpus"
)

// rerankDepth is how many fused candidates are re-scored sentence by
// sentence; below that depth the fused order stands.
const rerankDepth = 20

// sentenceWeight is the share of the final score that comes from the best
// sentence's coverage of the question, the rest from the fused score.
// Questions usually target one sentence; BM25 and the vectors score whole
// paragraphs, where a long paragraph's incidental matches add up.
var sentenceWeight = 0.5

// rerank re-scores the top fused hits by how much of the question their
// best sentence covers, and re-sorts them.
func (ix *Index) rerank(q Question, fused []Hit) []Hit {
	depth := min(rerankDepth, len(fused))
	if depth == 0 || fused[0].Score <= 0 || sentenceWeight == 0 {
		return fused
	}
	top := make([]Hit, depth)
	for i, h := range fused[:depth] {
		best := 0.0
		for _, s := range corpus.Sentences(ix.paragraphs[h.Chunk].Text) {
			best = max(best, q.Coverage(StemSet(s.Text)))
		}
		top[i] = Hit{Chunk: h.Chunk, Score: (1-sentenceWeight)*h.Score/fused[0].Score + sentenceWeight*best}
	}
	top = topHits(top, depth)
	return append(top, fused[depth:]...)
}
