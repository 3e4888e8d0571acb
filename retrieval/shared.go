package retrieval

import (
	"context"
	"errors"
	"math"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// This file exports the pieces of in-process retrieval that another store
// (a Weaviate cluster) reuses, so that both rank the same way.

// ErrUnavailable marks errors of a search engine that did not answer at
// all (every node down or unreachable), as opposed to a bad query.
var ErrUnavailable = errors.New("search is unavailable")

// BM25IDF is BM25's inverse document frequency of a stem found in df of n
// chunks; Lexical.IDF is this over its own counts.
func BM25IDF(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// ChunkTokens are the stems a paragraph is indexed under for BM25.
func ChunkTokens(p corpus.Paragraph) []string { return analysis.Tokens(embeddingText(p)) }

// EmbedParagraphs embeds every paragraph with its context, as an index
// does, in batches, reporting progress.
func EmbedParagraphs(ctx context.Context, emb Embedder, ps []corpus.Paragraph, progress func(done, total int)) ([][]float32, error) {
	vecs, _, _, err := embedAll(ctx, emb, ps, &embedCache{id: emb.ID(), vecs: map[textKey][]float32{}}, progress)
	return vecs, err
}

// UsableVector returns v, or a unit vector on the first axis when v is
// empty or zero: cosine similarity is undefined for a zero vector, and the
// unit vector keeps the chunk findable by BM25 and harmless to vector
// search (as the in-process index does).
func UsableVector(v []float32, dim int) []float32 {
	if len(v) > 0 && !isZero(v) {
		return v
	}
	u := make([]float32, max(len(v), dim, 1))
	u[0] = 1
	return u
}

// IsZeroVector reports whether v has no non-zero component; such a query
// finds nothing by vector.
func IsZeroVector(v []float32) bool { return isZero(v) }

// FusionWeight resolves opts to BM25's share in fusion, in [0, 1].
func FusionWeight(opts SearchOptions) float64 { return opts.lexicalWeight() }

// Candidates is how deep each ranking is read before fusing the best k.
func Candidates(k int) int { return max(4*k, minCandidates) }

// Fuse merges a vector and a BM25 ranking as Index.Search does.
func Fuse(vector, lexical []Hit, lexicalWeight float64) []Hit {
	return fuseScores(vector, lexical, lexicalWeight)
}

// Rerank re-scores the top fused hits by their best sentence's coverage of
// q, read in its surroundings, as Index.Search does: text returns a hit's
// chunk text, title its article's title, and previous the chunk before it
// in the same article when the caller has it (only one re-scored is read).
func Rerank(q analysis.Question, fused []Hit, text, title func(chunk int) string, previous func(chunk int) (int, bool)) []Hit {
	var stems analysis.StemCache
	return rerankHits(q, fused, chunkText{text: text, title: title, previous: previous}, stems.Tokens)
}

// BridgeAcronyms adds to terms, a question's expanded BM25 query, the
// words an acronym of the question stands for in texts() (the passages it
// retrieved), or the acronym a spelled-out name of it goes by, as
// Index.Search does; it reports whether it added any, so that the caller
// searches BM25 again.
func BridgeAcronyms(question string, terms map[string]float64, stats analysis.TermStats, texts func() []string) bool {
	return bridgeAcronyms(question, terms, stats, texts)
}

// TopHits sorts hits best first (ties by chunk number) and keeps k.
func TopHits(hits []Hit, k int) []Hit { return topHits(hits, k) }

// BM25 scores one chunk, given as its stems, for a weighted query exactly
// as Lexical.Search does: the same IDF, k1, b and order of summation, so
// a store that only finds candidates can rank them as the in-process
// index would. avgLength is the mean chunk length in stems.
func BM25(query map[string]float64, chunk []string, stats analysis.TermStats, avgLength float64) float64 {
	freq := make(map[string]int, len(chunk))
	for _, t := range chunk {
		freq[t]++
	}
	var score float64
	for _, stem := range sortedKeys(query) {
		f := float64(freq[stem])
		if f == 0 {
			continue
		}
		idf := query[stem] * stats.IDF(stem)
		norm := bm25K1 * (1 - bm25B + bm25B*float64(len(chunk))/avgLength)
		score += idf * f * (bm25K1 + 1) / (f + norm)
	}
	return score
}
