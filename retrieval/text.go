// Package retrieval finds the paragraphs that answer a question: a vector
// search in chromem-go fused with BM25 over stemmed tokens.
package retrieval

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/kljensen/snowball/english"
)

// acronym matches dotted abbreviations such as "u.s." or "u.n." (already
// lower-cased) so that they tokenise as one word.
var acronym = regexp.MustCompile(`\b(?:[a-z]\.){2,}`)

// TokenizerVersion changes whenever Tokens changes its output for the same
// text (stop words, lemmas, stemming), so that indexes get rebuilt.
const TokenizerVersion = "3"

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
func Tokens(text string) []string {
	var out []string
	for _, w := range Words(text) {
		if isStop(w) {
			continue
		}
		out = append(out, Stem(w))
	}
	return out
}

// Words splits normalised text into lower-case words, keeping stop words.
func Words(text string) []string {
	s := corpus.Normalize(text)
	s = acronym.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, ".", "") })
	s = strings.ReplaceAll(s, "'s ", " ")
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Stem reduces a lower-case word to its Snowball (Porter2) stem, after
// mapping an irregular inflection to its base form ("driven" → "drive"),
// which suffix stripping cannot do.
func Stem(w string) string { return english.Stem(lemma(w), false) }

// isStop reports whether a lower-case word carries no topic.
func isStop(w string) bool { return english.IsStopWord(w) || questionWords[w] }
