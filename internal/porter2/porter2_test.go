package porter2

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

// edgeWords are the cases the algorithm's branches turn on.
var edgeWords = []string{
	"", "a", "ab", "abc", "y", "yy", "yyy", "yes", "ayy", "'", "''", "'''", "''a", "'s", "'s'", "cat's", "cats'", "o'neill's",
	"Kim’s", "‘tis", "‛quoted", "  Spaced  ", "UPPER", "Yellow", "generous", "generally", "communal", "communism",
	"arsenal", "arsenic", "proceeding", "proceeds", "succeeded", "exceeding", "innings", "outings", "herrings",
	"skies", "dying", "early", "news", "cries", "ties", "caresses", "gas", "this", "bus", "kiwis", "agreed",
	"feed", "plastered", "bled", "motoring", "sing", "conflated", "troubled", "sized", "hopping", "tanned",
	"falling", "hissing", "fizzed", "failing", "filing", "happy", "sky", "cry", "by", "say", "relational",
	"conditional", "valency", "hesitancy", "digitizer", "conformabli", "radicalli", "differentli", "vileli",
	"analogousli", "vietnamization", "predication", "operator", "feudalism", "decisiveness", "hopefulness",
	"callousness", "formaliti", "sensitiviti", "sensibiliti", "fluentli", "geologi", "apologi", "triplicate",
	"formative", "formalize", "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance",
	"inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
	"dependent", "adoption", "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize",
	"probate", "rate", "cease", "controll", "roll", "knell", "généralement", "naïveté", "straße", "日本", "x\xffy",
	"2019", "u.s.", "jong-un", "absence", "celebrations", "invitations", "reporters",
}

// vocabulary returns every word of the embedded lexicon (stems, inflected
// forms and base forms), the built-in articles and the fixtures.
func vocabulary(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	add := func(text string) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '=' || r == '"' || r == ',' }) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	files, _ := filepath.Glob("../../corpus/builtin/*.txt")
	fixtures, _ := filepath.Glob("../../testdata/*.jsonl")
	for _, f := range append(append([]string{"../../analysis/synonyms.txt", "../../analysis/related_extra.txt"}, files...), fixtures...) {
		file, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, 1<<22)
		for sc.Scan() {
			add(strings.ToLower(sc.Text()))
			add(sc.Text())
		}
		file.Close()
	}
	return out
}

// TestStemIsTheLibrarys holds Stem to english.Stem(word, false) over the
// edge cases and every word of the lexicon, articles and fixtures.
func TestStemIsTheLibrarys(t *testing.T) {
	words := append(vocabulary(t), edgeWords...)
	if len(words) < 40000 {
		t.Fatalf("only %d words to compare; the lexicon was not found", len(words))
	}
	bad := 0
	for _, w := range words {
		if got, want := Stem(w), english.Stem(w, false); got != want {
			t.Errorf("Stem(%q) = %q, the library's %q", w, got, want)
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

// FuzzStemIsTheLibrarys is TestStemIsTheLibrarys on any string.
func FuzzStemIsTheLibrarys(f *testing.F) {
	for _, w := range edgeWords {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Stem(w), english.Stem(w, false); got != want {
			t.Errorf("Stem(%q) = %q, the library's %q", w, got, want)
		}
	})
}

// BenchmarkStem stems the built-in articles' words: this port against
// the library.
func BenchmarkStem(b *testing.B) {
	var words []string
	files, _ := filepath.Glob("../../corpus/builtin/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		words = append(words, strings.Fields(strings.ToLower(string(data)))...)
	}
	b.Run("port", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				Stem(w)
			}
		}
	})
	b.Run("library", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				english.Stem(w, false)
			}
		}
	})
}
