package retrieval_test

import (
	"context"
	"math"
	"testing"

	"github.com/footnote-dev/footnote/retrieval"
)

func TestLocalEmbedderIsDeterministicAndNormalised(t *testing.T) {
	emb := retrieval.NewLocalEmbedder(0, func(string) float64 { return 1 })
	texts := []string{"Kim met Putin in Pyongyang.", "Kim met Putin in Pyongyang.", "the of and"}
	vecs, err := emb.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	if len(vecs) != 3 || len(vecs[0]) != emb.Dimension() {
		t.Fatalf("got %d vectors of %d, want 3 of %d", len(vecs), len(vecs[0]), emb.Dimension())
	}
	var norm float64
	for i, x := range vecs[0] {
		norm += float64(x) * float64(x)
		if x != vecs[1][i] {
			t.Fatal("the same text embedded differently")
		}
	}
	if math.Abs(norm-1) > 1e-5 {
		t.Errorf("|v|² = %v, want 1", norm)
	}
	for _, x := range vecs[2] {
		if x != 0 {
			t.Fatal("a text of stop words should embed to the zero vector")
		}
	}
}

func TestLocalEmbedderPlacesParaphrasesNearer(t *testing.T) {
	emb := retrieval.NewLocalEmbedder(0, func(string) float64 { return 1 })
	vecs, _ := emb.Embed(context.Background(), []string{"sanctions worry Seoul", "sanctions fear Seoul", "sanctions railway Seoul"})
	cos := func(a, b []float32) (sum float64) {
		for i := range a {
			sum += float64(a[i]) * float64(b[i])
		}
		return sum
	}
	if near, far := cos(vecs[0], vecs[1]), cos(vecs[0], vecs[2]); near <= far+0.03 {
		t.Errorf("worry~fear %.3f, not clearly above worry~railway %.3f", near, far)
	}
}
