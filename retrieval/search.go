package retrieval

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/footnote-dev/footnote/analysis"
)

// SearchOptions tune one search. The zero value is the default.
type SearchOptions struct {
	// LexicalWeight, when set, is BM25's share in rank fusion, in [0, 1]:
	// 1 ranks by BM25 alone, 0 by vectors alone. nil means
	// DefaultLexicalWeight.
	LexicalWeight *float64
}

// lexicalWeight is the fusion weight o asks for, clamped to [0, 1].
func (o SearchOptions) lexicalWeight() float64 {
	if o.LexicalWeight == nil {
		return DefaultLexicalWeight
	}
	return min(1, max(0, *o.LexicalWeight))
}

// DefaultLexicalWeight was chosen on testdata/eval.jsonl; see BENCHMARKS.md.
const DefaultLexicalWeight = 0.65

// minCandidates is how deep each ranking is read before fusion: fusion
// can lift a chunk that one ranking places well below k.
const minCandidates = 50

// ErrEmptyQuery is returned for a query with no words at all.
var ErrEmptyQuery = errors.New("the query has no words")

// Search returns the k paragraphs that best match query, best first. When
// the embedder fails (say, a remote embeddings API is down) it warns and
// ranks by BM25 alone rather than failing.
func (ix *Index) Search(ctx context.Context, query string, k int, opts SearchOptions) ([]Result, error) {
	if len(analysis.Words(query)) == 0 {
		return nil, ErrEmptyQuery
	}
	k = min(k, ix.Len())
	if k <= 0 {
		return nil, nil
	}
	n := min(max(4*k, minCandidates), ix.Len())
	weight := opts.lexicalWeight()
	terms := analysis.ExpandQuery(query)
	lx := ix.lex()
	lexical := lx.Search(terms, n)
	var vector []Hit
	if weight < 1 {
		var err error
		vector, err = ix.vectorSearch(ctx, query, n)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			ix.warnf("vector search failed, ranking by BM25 alone: %v", err)
			weight = 1
		}
	}
	if bridgeAcronyms(query, terms, lx, func() []string { return ix.texts(vector, lexical) }) {
		lexical = lx.Search(terms, n)
	}
	fused := ix.rerank(analysis.NewQuestion(query, lx), fuseScores(vector, lexical, weight))
	return ix.results(fused[:min(k, len(fused))], vector, lexical), nil
}

// vectorSearch embeds the query and asks chromem-go for the n nearest
// chunks. A query whose embedding is zero (no known features) finds none.
func (ix *Index) vectorSearch(ctx context.Context, query string, n int) ([]Hit, error) {
	qv, err := ix.embedQuery(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	if isZero(qv) {
		return nil, nil
	}
	if d := ix.manifest.Dimension; d > 0 && len(qv) != d {
		return nil, fmt.Errorf("embedding dimension changed (%d → %d) since the index was built; run footnote index --rebuild", d, len(qv))
	}
	if err := ix.vectorsReady(ctx); err != nil {
		return nil, fmt.Errorf("load vectors: %w", err)
	}
	res, err := ix.vectors.QueryEmbedding(ctx, qv, n, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("query vectors: %w", err)
	}
	hits := make([]Hit, len(res))
	for i, r := range res {
		c, err := strconv.Atoi(r.ID)
		if err != nil || c < 0 || c >= ix.Len() {
			return nil, fmt.Errorf("query vectors: unknown chunk %q", r.ID)
		}
		hits[i] = Hit{Chunk: c, Score: float64(r.Similarity)}
	}
	return hits, nil
}

func (ix *Index) results(fused, vector, lexical []Hit) []Result {
	vs, ls := scoreOf(vector), scoreOf(lexical)
	out := make([]Result, len(fused))
	for i, h := range fused {
		p := ix.paragraphs[h.Chunk]
		out[i] = Result{
			Rank: i + 1, Score: h.Score, Doc: p.Doc, Title: p.Title, Paragraph: p.N, Part: p.Part,
			Text: p.Text, Source: SourceOf(p), ID: p.ID, Vector: vs[h.Chunk], Lexical: ls[h.Chunk],
		}
	}
	return out
}

// texts returns the texts of the chunks of both rankings, each once.
func (ix *Index) texts(rankings ...[]Hit) []string {
	seen := map[int]bool{}
	var out []string
	for _, hits := range rankings {
		for _, h := range hits {
			if !seen[h.Chunk] {
				seen[h.Chunk] = true
				out = append(out, ix.paragraphs[h.Chunk].Text)
			}
		}
	}
	return out
}

func scoreOf(hits []Hit) map[int]float64 {
	m := make(map[int]float64, len(hits))
	for _, h := range hits {
		m[h.Chunk] = h.Score
	}
	return m
}

func (ix *Index) warnf(format string, args ...any) {
	if ix.warn != nil {
		ix.warn(fmt.Sprintf(format, args...))
	}
}
