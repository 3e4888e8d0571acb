package corpus

import (
	"testing"

	"github.com/neurosnap/sentences/english"
)

// BenchmarkSentenceModel times making the Punkt model ready: reading the
// embedded plain form's small sets (what a run does once), against
// parsing all of it into the library's maps and against the library's
// gzipped JSON (BENCHMARKS.md).
func BenchmarkSentenceModel(b *testing.B) {
	b.Run("small-sets", func(b *testing.B) {
		for b.Loop() {
			if _, err := readPunkt(punktEnglish); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("whole-plain", func(b *testing.B) {
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

// BenchmarkSentences splits every built-in paragraph: with a map of each
// text's own orthographic contexts (Sentences), and with the library's
// tokenizer over the whole model once it is built.
func BenchmarkSentences(b *testing.B) {
	c, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	ps := c.Paragraphs()
	b.Run("per-text", func(b *testing.B) {
		for b.Loop() {
			for _, p := range ps {
				Sentences(p.Text)
			}
		}
	})
	b.Run("whole-model", func(b *testing.B) {
		full := librarySentences(b)
		b.ResetTimer()
		for b.Loop() {
			for _, p := range ps {
				full(p.Text)
			}
		}
	})
}
