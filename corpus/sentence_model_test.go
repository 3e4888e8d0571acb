package corpus

import (
	"reflect"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
)

// TestPrecompiledPunktModelIsTheLibrarys holds the embedded plain form to
// the model the library ships; run go generate ./corpus when it fails.
func TestPrecompiledPunktModelIsTheLibrarys(t *testing.T) {
	raw, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := sentences.LoadTraining(raw)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parsePunkt(punktEnglish)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("punkt_english.txt differs from the library's model: go generate ./corpus")
	}
	if englishTokenizer() == nil {
		t.Fatal("the sentence tokenizer did not build")
	}
	spans := Sentences("Mr. Kim met the U.S. envoy. He left at 5 p.m. on Monday. Then talks resumed.")
	if len(spans) != 3 {
		t.Errorf("split into %d sentences, want 3: %+v", len(spans), spans)
	}
}
