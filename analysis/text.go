// Package analysis is footnote's text analysis, shared by indexing,
// retrieval, answering and verifying: words and stemmed tokens, lemmas,
// WordNet relations, GloVe word vectors, and questions weighted by the
// corpus's term statistics.
package analysis

import (
	"strings"
	"sync"
	"unicode"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/footnote-dev/footnote/internal/porter2"
	"github.com/kljensen/snowball/english"
)

// acronym matches dotted abbreviations such as "u.s." or "u.n." (already
// lower-cased) so that they tokenise as one word.
var acronym = lazyregexp.New(`\b(?:[a-z]\.){2,}`)

// TokenizerVersion changes whenever Tokens changes its output for the same
// text (stop words, lemmas, stemming), so that indexes get rebuilt.
const TokenizerVersion = "4"

// questionWords carry no topic: they are dropped along with stop words.
var questionWords = map[string]bool{
	"tell": true, "say": true, "says": true, "said": true, "according": true, "article": true,
	"articles": true, "corpus": true, "please": true, "know": true, "explain": true, "describe": true,
	"happened": true, "happen": true, "also": true, "would": true, "could": true, "much": true,
	"many": true, "whose": true, "one": true, "get": true, "got": true, "way": true, "mean": true,
	"give": true, "gave": true, "anything": true, "something": true, "anyone": true, "someone": true,
	"really": true, "actually": true, "exactly": true, "just": true, "kind": true, "sort": true,
	"thing": true, "things": true, "didn": true, "doesn": true, "isn": true, "wasn": true, "aren": true,
	"weren": true, "can": true, "ll": true, "ve": true, "re": true, "d": true, "m": true,
	"going": true, "like": true, "piece": true, "writer": true, "author": true, "op": true, "ed": true, "reportedly": true,
}

// Tokens splits text into stemmed content words: normalised, hyphenated
// names split ("Jong-un" → "jong", "un"), stop words dropped.
func Tokens(text string) []string { return tokensWith(text, Stem) }

func tokensWith(text string, stem func(string) string) []string {
	var out []string
	for _, w := range Words(text) {
		if IsStop(w) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// Words splits normalised text into lower-case words, keeping stop words.
func Words(text string) []string {
	if ws, ok := wordsASCII(text); ok {
		return ws
	}
	return wordsNormalized(text)
}

// wordsNormalized is Words for any text: Unicode-normalise, then split.
func wordsNormalized(text string) []string {
	s := corpus.Normalize(text)
	if hasAcronym(s) {
		s = acronym.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, ".", "") })
	}
	s = strings.ReplaceAll(s, "'s ", " ")
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// wordsASCII is Words in one pass for the common case, ASCII text without
// dotted acronyms, where normalising changes nothing but case and spaces;
// ok is false for any other text. TestWordsASCIIAgreesWithNormalising
// holds it to wordsNormalized. It is most of what indexing spends on
// tokenising.
func wordsASCII(text string) (words []string, ok bool) {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			return nil, false
		}
	}
	s := strings.ToLower(text)
	if hasAcronym(s) {
		return nil, false
	}
	words = make([]string, 0, len(s)/6)
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isLowerASCII(c) || c >= '0' && c <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, s[start:i])
			start = -1
		}
		// A possessive "'s" goes when a space and more text follow, as
		// the "'s " rule of wordsNormalized drops it.
		if c == '\'' && i+2 < len(s) && s[i+1] == 's' && isSpaceASCII(s[i+2]) && !blank(s[i+2:]) {
			i++
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words, true
}

func isSpaceASCII(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r'
}

// blank reports whether s is only ASCII white space.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceASCII(s[i]) {
			return false
		}
	}
	return true
}

// Stem reduces a lower-case word to its Snowball (Porter2) stem, after
// mapping an irregular inflection to its base form ("driven" → "drive"),
// which suffix stripping cannot do, and a British spelling to the
// American one ("legitimise" → "legitimize", see american). The stemmer is
// internal/porter2, the library's own algorithm at half its cost, stem for
// stem the same.
func Stem(w string) string { return porter2.Stem(american(lemma(w))) }

// IsStop reports whether a lower-case word carries no topic.
func IsStop(w string) bool { return english.IsStopWord(w) || questionWords[w] }

// hasAcronym is a fast pre-check for acronym: "x.y." somewhere in s. Most
// text has none, and the regular expression is a hot spot of indexing.
func hasAcronym(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == '.' && s[i+2] == '.' && isLowerASCII(s[i-1]) && isLowerASCII(s[i+1]) {
			return true
		}
	}
	return false
}

func isLowerASCII(b byte) bool { return b >= 'a' && b <= 'z' }

// StemCache memoises Stem for one index, or one question. A corpus has a
// bounded vocabulary, and Porter2 is the costliest step of tokenising,
// paid again for every paragraph the rerank reads and every sentence of
// it an answer reads. A nil *StemCache stems without memoising.
type StemCache struct{ m sync.Map }

// Stem is Stem through the cache.
func (c *StemCache) Stem(w string) string {
	if c == nil {
		return Stem(w)
	}
	if s, ok := c.m.Load(w); ok {
		return s.(string)
	}
	s := Stem(w)
	c.m.Store(w, s)
	return s
}

// Tokens is Tokens through the cache.
func (c *StemCache) Tokens(text string) []string { return tokensWith(text, c.Stem) }

// StemSet is StemSet through the cache.
func (c *StemCache) StemSet(text string) map[string]bool { return Set(c.Tokens(text)) }
