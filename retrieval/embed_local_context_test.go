package retrieval

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// TestContextVectorsMatchEmbeddingTheJoinedText holds the fast build to
// the definition: each paragraph's vector, combined from its pieces'
// features, points where embedding contextText itself does, and its BM25
// tokens are Tokens of its text.
func TestContextVectorsMatchEmbeddingTheJoinedText(t *testing.T) {
	builtin, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	synthetic, _ := synthCorpus(300)
	for name, c := range map[string]*corpus.Corpus{"the built-in corpus": builtin, "a synthetic corpus": synthetic} {
		t.Run(name, func(t *testing.T) {
			ps := c.Paragraphs()
			ix, err := buildLocal(context.Background(), ps, keysOf(ps), nil)
			if err != nil {
				t.Fatal(err)
			}
			emb := ix.embedder.(*LocalEmbedder)
			old, _, _, err := embedAll(context.Background(), emb, ps, &embedCache{vecs: map[textKey][]float32{}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			toks := make([][]string, len(ps))
			for i, p := range ps {
				toks[i] = analysis.Tokens(p.Text)
			}
			if !reflect.DeepEqual(NewLexical(toks), ix.lexical) {
				t.Error("BM25 index differs from one built from Tokens")
			}
			worst := 1.0
			for i := range ps {
				worst = min(worst, cosine(old[i], ix.vecs[i]))
			}
			if worst < 0.9999999 {
				t.Errorf("lowest cosine to the joined text's vector %.9f, want ≥ 0.9999999", worst)
			}
		})
	}
}

func cosine(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i]) * float64(b[i])
		aa += float64(a[i]) * float64(a[i])
		bb += float64(b[i]) * float64(b[i])
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / math.Sqrt(aa*bb)
}
