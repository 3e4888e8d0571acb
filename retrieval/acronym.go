package retrieval

import (
	"strings"
	"unicode"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// Acronyms. A question says "APEC" where the article spells out
// "Asia-Pacific Economic Cooperation", or the reverse; neither stems,
// n-grams nor word vectors relate the two, yet a reader takes them for the
// same thing. acronymWeight is the weight of the bridged words in the BM25
// query: each is as good as a word of the question itself.
const acronymWeight = 1.0

var (
	// acronymRe is a question word in capitals, two to six letters.
	acronymRe = lazyregexp.New(`\b[A-Z]{2,6}\b`)
	// phraseRe is a run of capitalised words (hyphenated parts each
	// count), allowing "of", "and", "for", "the" inside: "Association of
	// Southeast Asian Nations".
	phraseRe = lazyregexp.New(`\b[A-Z][\p{L}]*(?:(?:-|\s+(?:(?:of|and|for|the|on)\s+)*)[A-Z][\p{L}]*)+`)
	// minor are the lower-case words a spelled-out name may contain; they
	// give no letter to its acronym.
	minor = map[string]bool{"of": true, "and": true, "for": true, "the": true, "on": true}
)

// initials are the first letters of a phrase's capitalised parts, lower
// case: "Asia-Pacific Economic Cooperation" → "apec".
func initials(phrase string) string {
	var b strings.Builder
	for _, w := range nameParts(phrase) {
		if !minor[w] {
			b.WriteRune(unicode.ToLower([]rune(w)[0]))
		}
	}
	return b.String()
}

// nameParts splits a capitalised phrase at spaces and hyphens.
func nameParts(phrase string) []string {
	return strings.FieldsFunc(phrase, func(r rune) bool { return r == '-' || unicode.IsSpace(r) })
}

// bridgeAcronyms adds to terms, the weighted BM25 query of question, the
// words an acronym stands for or the acronym a spelled-out name goes by,
// when the question's own form is one no chunk contains and the other is
// in the corpus. Spelled-out names are looked for in texts(), the
// passages the question already retrieved, read only for an acronym the
// corpus lacks: the corpus-wide alternative would read every chunk per
// question. It reports whether it added any.
func bridgeAcronyms(question string, terms map[string]float64, lx analysis.TermStats, texts func() []string) bool {
	added := false
	add := func(stem string) {
		if terms[stem] < acronymWeight {
			terms[stem], added = acronymWeight, true
		}
	}
	for _, p := range phraseRe.FindAllString(question, -1) {
		if a := initials(p); len(a) >= 2 && lx.DocFreq(analysis.Stem(a)) > 0 {
			add(analysis.Stem(a))
		}
	}
	for _, a := range acronymRe.FindAllString(question, -1) {
		lower := strings.ToLower(a)
		if lx.DocFreq(analysis.Stem(lower)) > 0 {
			continue // the corpus uses the acronym itself
		}
		for _, stem := range spelledOut(lower, texts()) {
			add(stem)
		}
	}
	return added
}

// spelledOut returns the stems of the first run of capitalised words in
// texts whose initials are acronym, or nil. The run may sit inside a
// longer one ("As the United Nations…").
func spelledOut(acronym string, texts []string) []string {
	n := len([]rune(acronym))
	for _, t := range texts {
		for _, p := range phraseRe.FindAllString(t, -1) {
			parts := nameParts(p)
			for i := range parts {
				if minor[parts[i]] {
					continue
				}
				var words []string
				letters := 0
				for _, w := range parts[i:] {
					words = append(words, w)
					if !minor[w] {
						letters++
					}
					if letters == n {
						break
					}
				}
				if letters == n && initials(strings.Join(words, " ")) == acronym {
					return analysis.Tokens(strings.Join(words, " "))
				}
			}
		}
	}
	return nil
}
