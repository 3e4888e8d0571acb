package retrieval_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/retrieval"
)

func TestTokensTreatSpellingVariantsAlike(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Kim Jong-un", "Kim Jong Un"},
		{"Kim’s “alliance”", "Kim's \"alliance\""},
		{"the U.S. claim", "the US claim"},
		{"Moscow―citing", "Moscow - citing"},
		{"negotiations", "negotiate"},
	}
	for _, tt := range tests {
		if a, b := strings.Join(retrieval.Tokens(tt.a), " "), strings.Join(retrieval.Tokens(tt.b), " "); a != b {
			t.Errorf("Tokens(%q) = %q but Tokens(%q) = %q", tt.a, a, tt.b, b)
		}
	}
}

func TestTokensDropStopAndQuestionWords(t *testing.T) {
	got := retrieval.Tokens("What did the article say about the parade?")
	if strings.Join(got, " ") != "parad" {
		t.Errorf("Tokens = %q, want only the content word", got)
	}
}

func TestExpandQueryAddsRelatedWordsAtLowerWeight(t *testing.T) {
	terms := retrieval.ExpandQuery("Why was Kim absent?")
	if terms[retrieval.Stem("absent")] != 1 {
		t.Errorf("the question's own stem has weight %v, want 1", terms[retrieval.Stem("absent")])
	}
	w, ok := terms[retrieval.Stem("absence")]
	if !ok || w >= 1 || w <= 0 {
		t.Errorf("related stem absence has weight %v (present %v), want between 0 and 1", w, ok)
	}
}

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

func TestExpandQueryRelatesPhrasalVerbsAsAWhole(t *testing.T) {
	tests := []struct {
		name, question, related string
		want                    bool
	}{
		{"a phrasal verb brings its synonyms", "When did Kim Jong Il pass away?", "died", true},
		{"an inflected phrasal verb too", "When did Kim Jong Il passed away?", "died", true},
		{"the verb alone does not", "When did the bill pass?", "died", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := retrieval.ExpandQuery(tt.question)[retrieval.Stem(tt.related)]
			if ok != tt.want || (ok && (w <= 0 || w >= 1)) {
				t.Errorf("ExpandQuery(%q)[%q] = %v, %v; want present %v at a weight below 1", tt.question, tt.related, w, ok, tt.want)
			}
		})
	}
}
