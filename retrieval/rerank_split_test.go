package retrieval

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/footnote-dev/footnote/corpus"
)

// runeSentences is roughSentences as it was, over []rune: the reference
// the byte loop must agree with.
func runeSentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '?' && rs[i] != '!' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"'”’)`, rs[j]) {
			j++
		}
		if j+1 >= len(rs) || rs[j] != ' ' || !(unicode.IsUpper(rs[j+1]) || strings.ContainsRune(`"“‘`, rs[j+1])) {
			continue
		}
		if rs[i] == '.' && i >= 2 && unicode.IsLetter(rs[i-1]) && !unicode.IsLetter(rs[i-2]) {
			continue
		}
		out = append(out, string(rs[start:j]))
		start = j + 1
	}
	return append(out, string(rs[start:]))
}

// sameSentences compares the byte loop's pieces with the rune loop's;
// invalid UTF-8 reaches the rune loop's pieces as U+FFFD, so each piece
// is compared as runes.
func sameSentences(text string) bool {
	got, want := roughSentences(text), runeSentences(text)
	return slices.EqualFunc(got, want, func(g, w string) bool { return string([]rune(g)) == w })
}

func TestRoughSentencesAreTheRuneLoops(t *testing.T) {
	for _, text := range []string{
		"", ".", "a. B", "A. B", "Kim left. Putin stayed.", "He said “no.” Then he left.", "The U.S. President spoke. Then Kim.",
		"It cost 3.5 million vs. 2 million.", "Why now? Nobody knows!", "É. Über alles. Ünd? „Ja“. ‘Quote’. “Open”. Done.",
		"x.’) Y", "Ends with a stop. ", "Two  spaces. Here", "\xe2\x80. Broken", "a\xff. B", "ab.\xe2\x82\xac. C",
		"Sen. Warren said. The Kremlin's view! (Aside.) Then.",
	} {
		if !sameSentences(text) {
			t.Errorf("roughSentences(%q) = %q, the rune loop says %q", text, roughSentences(text), runeSentences(text))
		}
	}
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Paragraphs() {
		if !sameSentences(p.Text) {
			t.Errorf("roughSentences(%q) = %q, the rune loop says %q", p.Text, roughSentences(p.Text), runeSentences(p.Text))
		}
	}
}

func FuzzRoughSentencesAreTheRuneLoops(f *testing.F) {
	f.Add("The U.S. President spoke. Then Kim.")
	f.Add("He said “no.” Then he left.")
	f.Add("a\xff. B")
	f.Fuzz(func(t *testing.T, text string) {
		if !sameSentences(text) {
			t.Errorf("roughSentences(%q) = %q, the rune loop says %q", text, roughSentences(text), runeSentences(text))
		}
	})
}
