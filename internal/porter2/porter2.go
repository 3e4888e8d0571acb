// Package porter2 is the English Snowball (Porter2) stemmer of
// github.com/kljensen/snowball v0.10.0 (MIT, see LICENSE), ported step for
// step with one change: the algorithm's suffixes, all ASCII, are compared
// with the word's last runes byte by byte, where the library decodes each
// candidate suffix into a []rune at every comparison. That halves the
// cost of stemming (BenchmarkStem), which every footnote run pays for each
// word it reads. Stem returns exactly what english.Stem(word, false)
// returns: TestStemIsTheLibrarys compares them over the lexicon, the
// articles and the fixtures, and FuzzStemIsTheLibrarys over any string.
package porter2

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// Stem is english.Stem(word, false): the stem of an English word, stop
// words and words of up to two bytes returned lower-cased as they are.
func Stem(word string) string {
	word = strings.ToLower(strings.TrimSpace(word))
	if len(word) <= 2 || english.IsStopWord(word) {
		return word
	}
	if special := specialWord(word); special != "" {
		return special
	}
	w := newWord(word)
	preprocess(w)
	step0(w)
	step1a(w)
	step1b(w)
	step1c(w)
	step2(w)
	step3(w)
	step4(w)
	step5(w)
	uncapitalizeYs(w)
	return string(w.rs)
}

// word is the library's SnowballWord: the runes, and where the regions
// R1 and R2 start.
type word struct {
	rs     []rune
	r1, r2 int
}

func newWord(in string) *word {
	rs := []rune(in)
	return &word{rs: rs, r1: len(rs), r2: len(rs)}
}

// resetRegions clamps the regions to the word after it shrank.
func (w *word) resetRegions() {
	w.r1, w.r2 = min(w.r1, len(w.rs)), min(w.r2, len(w.rs))
}

func (w *word) removeLast(n int) {
	w.rs = w.rs[:len(w.rs)-n]
	w.resetRegions()
}

// replaceSuffix replaces the last n runes by repl.
func (w *word) replaceSuffix(n int, repl string) {
	w.rs = append(w.rs[:len(w.rs)-n], []rune(repl)...)
	w.resetRegions()
}

// endsWith reports whether rs[start:end] ends with suffix. Every suffix
// and prefix of the algorithm is ASCII, so a byte of one is a rune.
func (w *word) endsWith(start, end int, suffix string) bool {
	n := len(suffix)
	if n > end-start {
		return false
	}
	for k := 1; k <= n; k++ {
		if w.rs[end-k] != rune(suffix[n-k]) {
			return false
		}
	}
	return true
}

// firstSuffix is the first of suffixes the word ends with.
func (w *word) firstSuffix(suffixes ...string) string {
	for _, s := range suffixes {
		if w.endsWith(0, len(w.rs), s) {
			return s
		}
	}
	return ""
}

// firstPrefix is the first of prefixes the word starts with.
func (w *word) firstPrefix(prefixes ...string) string {
	for _, p := range prefixes {
		ok := len(p) <= len(w.rs)
		for i := 0; ok && i < len(p); i++ {
			ok = w.rs[i] == rune(p[i])
		}
		if ok {
			return p
		}
	}
	return ""
}

func isLowerVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func preprocess(w *word) {
	for i, r := range w.rs {
		switch r {
		case '\u2019', '\u2018', '\u201b':
			w.rs[i] = '\''
		}
	}
	// Leading apostrophes go; the regions are still at the end here.
	n := 0
	for n < len(w.rs)-1 && w.rs[n] == '\'' {
		n++
	}
	if n > 0 {
		w.rs = w.rs[n:]
		w.r1 -= n
		w.r2 -= n
	}
	for i, r := range w.rs {
		if r == 'y' && (i == 0 || isLowerVowel(w.rs[i-1])) {
			w.rs[i] = 'Y'
		}
	}
	if p := w.firstPrefix("gener", "commun", "arsen"); p != "" {
		w.r1 = len(p)
	} else {
		w.r1 = vnvSuffix(w, 0)
	}
	w.r2 = vnvSuffix(w, w.r1)
}

// vnvSuffix is where the region after the first non-vowel following a
// vowel, from start, begins: the library's romance.VnvSuffix.
func vnvSuffix(w *word, start int) int {
	for i := 1; i < len(w.rs[start:]); i++ {
		j := start + i
		if isLowerVowel(w.rs[j-1]) && !isLowerVowel(w.rs[j]) {
			return j + 1
		}
	}
	return len(w.rs)
}

func uncapitalizeYs(w *word) {
	for i, r := range w.rs {
		if r == 'Y' {
			w.rs[i] = 'y'
		}
	}
}

func isShortWord(w *word) bool {
	return w.r1 >= len(w.rs) && endsShortSyllable(w, len(w.rs))
}

// endsShortSyllable reports whether rs[:i] ends in a short syllable.
func endsShortSyllable(w *word, i int) bool {
	switch {
	case i == 2:
		return isLowerVowel(w.rs[0]) && !isLowerVowel(w.rs[1])
	case i >= 3:
		s1, s2, s3 := w.rs[i-1], w.rs[i-2], w.rs[i-3]
		return !isLowerVowel(s1) && s1 != 'w' && s1 != 'x' && s1 != 'Y' && isLowerVowel(s2) && !isLowerVowel(s3)
	}
	return false
}

func specialWord(word string) string {
	switch word {
	case "skis":
		return "ski"
	case "skies":
		return "sky"
	case "dying":
		return "die"
	case "lying":
		return "lie"
	case "tying":
		return "tie"
	case "idly":
		return "idl"
	case "gently":
		return "gentl"
	case "ugly":
		return "ugli"
	case "early":
		return "earli"
	case "only":
		return "onli"
	case "singly":
		return "singl"
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing", "canning", "herring", "earring",
		"proceed", "exceed", "succeed":
		return word
	case "innings", "outings", "cannings", "herrings", "earrings":
		return word[:len(word)-1]
	case "proceeds", "proceeded", "proceeding":
		return "proceed"
	case "exceeds", "exceeded", "exceeding":
		return "exceed"
	case "succeeds", "succeeded", "succeeding":
		return "succeed"
	}
	return ""
}
