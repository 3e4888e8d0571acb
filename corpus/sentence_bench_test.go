package corpus

import (
	"testing"

	"github.com/neurosnap/sentences/english"
)

// BenchmarkSentenceModel times building the Punkt tokenizer from the
// embedded plain model against the library's gzipped JSON (BENCHMARKS.md).
func BenchmarkSentenceModel(b *testing.B) {
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			st, err := parsePunkt(punktEnglish)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := english.NewSentenceTokenizer(st); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("library-json", func(b *testing.B) {
		for b.Loop() {
			if _, err := english.NewSentenceTokenizer(nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
