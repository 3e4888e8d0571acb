package retrieval

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// sortAllTopHits is topHits as it was before it learned to select: sort
// everything, keep k. The reference the faster one must agree with.
func sortAllTopHits(hits []Hit, k int) []Hit {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Chunk < hits[j].Chunk
	})
	if len(hits) > k {
		hits = hits[:k]
	}
	return hits
}

// randomHits returns n hits on distinct chunks; with few distinct scores,
// ties are common, so the chunk-number tie-break is exercised.
func randomHits(r *rand.Rand, n, distinctScores int) []Hit {
	hits := make([]Hit, n)
	for i, c := range r.Perm(n) {
		hits[i] = Hit{Chunk: c, Score: float64(r.IntN(distinctScores)) / 7}
	}
	return hits
}

func TestTopHitsAgreesWithSortingEverything(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := range 2000 {
		n := r.IntN(300)
		hits := randomHits(r, n, 1+r.IntN(50))
		k := r.IntN(n + 5)
		want := sortAllTopHits(slices.Clone(hits), k)
		if got := topHits(slices.Clone(hits), k); !slices.Equal(got, want) {
			t.Fatalf("trial %d (n=%d, k=%d): topHits = %v, want %v", trial, n, k, got, want)
		}
	}
}

// BenchmarkTopHits compares selecting the best 50 of many BM25 candidates
// with sorting them all, as topHits used to.
func BenchmarkTopHits(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		hits := randomHits(rand.New(rand.NewPCG(1, 2)), n, 1<<20)
		buf := make([]Hit, n)
		b.Run(fmt.Sprintf("n=%d/select", n), func(b *testing.B) {
			for b.Loop() {
				copy(buf, hits)
				topHits(buf, minCandidates)
			}
		})
		b.Run(fmt.Sprintf("n=%d/sort-all", n), func(b *testing.B) {
			for b.Loop() {
				copy(buf, hits)
				sortAllTopHits(buf, minCandidates)
			}
		})
	}
}
