package analysis

import (
	"strings"
	"testing"
)

func TestStemVectorsMatchTheTokenizer(t *testing.T) {
	sv, err := parseStemVectors(stemVectorsBin)
	if err != nil {
		t.Fatalf("%v (regenerate with `go generate ./analysis`, see internal/tools/genvectors)", err)
	}
	if sv.dim != 100 || len(sv.stems) < 30000 {
		t.Errorf("%d stems of %d dimensions, want over 30,000 of 100", len(sv.stems), sv.dim)
	}
	for i := 1; i < len(sv.stems); i++ {
		if sv.stem(i-1) >= sv.stem(i) {
			t.Fatalf("stems out of order at %d (%q, %q): vector's binary search would miss them", i, sv.stem(i-1), sv.stem(i))
		}
	}
	for _, w := range []string{"security", "newspapers", "alliance", "Sunday"} {
		if sv.vector(Tokens(w)[0]) == "" {
			t.Errorf("no vector for %q (stem %q): the table's stems are not this tokenizer's", w, Tokens(w)[0])
		}
	}
}

func TestStemVectorsPlaceParaphrasesNearerThanTopics(t *testing.T) {
	sv := theStemVectors()
	tests := []struct{ word, near, far string }{
		{"paper", "newspaper", "missile"},
		{"safe", "security", "parade"},
		{"day", "Sunday", "treaty"},
		{"worry", "fear", "railway"},
	}
	for _, tt := range tests {
		w, n, f := Tokens(tt.word)[0], Tokens(tt.near)[0], Tokens(tt.far)[0]
		if near, far := sv.similarity(w, n), sv.similarity(w, f); near <= far {
			t.Errorf("%s~%s = %.2f, not above %s~%s = %.2f", tt.word, tt.near, near, tt.word, tt.far, far)
		}
	}
	if got := sv.similarity("qqqzzz", "paper"); got != 0 {
		t.Errorf("unknown stem similarity = %v, want 0", got)
	}
}

func TestParseStemVectorsRejectsABrokenTable(t *testing.T) {
	header := len("footnote stem vectors\ntokenizer " + TokenizerVersion + "\n")
	tests := []struct {
		name string
		data string
	}{
		{"another tokenizer's table", strings.Replace(stemVectorsBin[:200], "tokenizer "+TokenizerVersion, "tokenizer 0", 1)},
		{"a header cut short", stemVectorsBin[:header+3]},
		{"stems cut short", stemVectorsBin[:header+8+5]},
		{"vectors cut short", stemVectorsBin[:len(stemVectorsBin)-1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseStemVectors(tt.data); err == nil {
				t.Error("parsed without an error")
			}
		})
	}
}
