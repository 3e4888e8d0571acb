package retrieval

import (
	"context"
	"fmt"
	"math"

	"github.com/footnote-dev/footnote/corpus"
)

// checkVectors rejects what the embedder returned when a vector holds NaN
// or ±Inf (every similarity with it would be NaN, and NaN scores cannot be
// ranked or written as JSON) or when the vectors differ in length.
func checkVectors(vecs [][]float32, ps []corpus.Paragraph) error {
	dim := -1
	for i, v := range vecs {
		for _, x := range v {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return fmt.Errorf("the embedder returned a non-finite value (%v) in the vector of %s", x, ps[i].ID)
			}
		}
		if len(v) == 0 {
			continue // storeVectors gives it a harmless unit vector
		}
		if dim < 0 {
			dim = len(v)
		} else if len(v) != dim {
			return fmt.Errorf("the embedder returned vectors of %d and %d dimensions (%s)", dim, len(v), ps[i].ID)
		}
	}
	return nil
}

// dimension is the length of the stored vectors: what the embedder
// returned, which the manifest records.
func (ix *Index) dimension() int {
	if l := ix.layout.lazy; l != nil && !l.loaded {
		return l.dim
	}
	for _, v := range ix.vecs {
		if len(v) > 0 {
			return len(v)
		}
	}
	return ix.embedder.Dimension()
}

// dimensionProbe is embedded to learn the dimension an embedder returns
// today, when it cannot say without being asked.
const dimensionProbe = "footnote dimension probe"

// dimensionChanged says why a loaded index no longer matches its embedder
// — the model behind its ID now returns vectors of another length — or "".
// Without this check every search would quietly fall back to BM25 alone.
func (ix *Index) dimensionChanged(ctx context.Context) string {
	now := ix.embedder.Dimension()
	if now == 0 {
		v, err := ix.embedder.Embed(ctx, []string{dimensionProbe})
		if err != nil || len(v) != 1 {
			return "" // the embedder is down: search says so and ranks by BM25
		}
		now = len(v[0])
	}
	if now != ix.manifest.Dimension {
		return fmt.Sprintf("embedding dimension changed (%d → %d)", ix.manifest.Dimension, now)
	}
	return ""
}
