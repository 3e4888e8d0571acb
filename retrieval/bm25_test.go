package retrieval_test

import (
	"math"
	"testing"

	"github.com/footnote-dev/footnote/retrieval"
)

func TestBM25RanksTheChunkWithRareTermsFirst(t *testing.T) {
	lx := retrieval.NewLexical([][]string{
		{"kim", "putin", "moscow"},
		{"kim", "balloon", "trash"},
		{"kim", "putin"},
	})
	hits := lx.Search(map[string]float64{"kim": 1, "balloon": 1}, 10)
	if len(hits) != 3 || hits[0].Chunk != 1 {
		t.Fatalf("hits = %+v, want chunk 1 first of 3", hits)
	}
	if hits[1].Score != hits[2].Score && hits[1].Chunk != 2 {
		t.Errorf("the shorter chunk should win the tie on a common term: %+v", hits)
	}
}

func TestBM25IDFMatchesTheFormula(t *testing.T) {
	lx := retrieval.NewLexical([][]string{{"a"}, {"a", "b"}, {"c"}, {"d"}})
	// idf = ln(1 + (N - df + 0.5) / (df + 0.5)), N = 4
	want := math.Log(1 + (4-2+0.5)/(2+0.5))
	if got := lx.IDF("a"); math.Abs(got-want) > 1e-12 {
		t.Errorf("IDF(a) = %v, want %v", got, want)
	}
	if lx.IDF("zzz") <= lx.IDF("b") {
		t.Error("an unseen term should weigh more than any seen one")
	}
}

func TestBM25WeightsScaleContributions(t *testing.T) {
	lx := retrieval.NewLexical([][]string{{"x"}, {"y"}})
	hits := lx.Search(map[string]float64{"x": 1, "y": 0.3}, 2)
	if hits[0].Chunk != 0 || math.Abs(hits[1].Score-0.3*hits[0].Score) > 1e-9 {
		t.Errorf("hits = %+v, want chunk 1 scored at 0.3× chunk 0", hits)
	}
}
