package answer

import (
	"strings"
	"unicode"

	"github.com/footnote-dev/footnote/analysis"
)

// Name is a proper name a question mentions: a run of capitalised words
// that does not open the question ("Kim Jong Un", "France", "Boris
// Johnson"). Numbers ("2014") and acronyms ("WWII", "APEC") are not
// names: articles spell them out or round them ("World War II",
// "Asia-Pacific Economic Cooperation"), so their absence says less.
type Name struct {
	Text  string
	Stems []string
}

// QuestionNames returns the names in q, in order. The first word is never
// a name on its own strength — every question capitalises it — unless a
// capitalised word follows it ("Kim Jong Un's wife?").
func QuestionNames(q string) []Name {
	words := questionWordsOf(q)
	var out []Name
	var run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, newName(run))
			run = nil
		}
	}
	for i, w := range words {
		switch {
		case w == "'s":
			flush()
		case isCapitalised(w) && (i > 0 || startsName(words)):
			run = append(run, w)
		default:
			flush()
		}
	}
	flush()
	return out
}

// newName joins a run of capitalised words. Its stems are those of the
// capitalised parts only: the lower-case part of a hyphenated word is a
// common word ("Korean-language", "Russian-made"), or a syllable of a
// name whose first syllable already says whether the corpus knows it
// ("Ju-ae", "Geun-hye").
func newName(words []string) Name {
	var parts []string
	for _, w := range words {
		for _, p := range strings.Split(w, "-") {
			if r := []rune(p); len(r) > 0 && unicode.IsUpper(r[0]) {
				parts = append(parts, p)
			}
		}
	}
	return Name{Text: strings.Join(words, " "), Stems: analysis.Tokens(strings.Join(parts, " "))}
}

// startsName reports whether the question's first word begins a
// multi-word name rather than being capitalised as a first word.
func startsName(words []string) bool {
	if len(words) < 2 || !isCapitalised(words[1]) {
		return false
	}
	low := strings.ToLower(words[0])
	return !whWords[low] && !auxiliaries[low] && !analysis.IsStop(low) && !clauseOpeners[low]
}

// clauseOpeners are prepositions and conjunctions that open a question
// before a name: "Besides Kim, which…", "Unlike Putin, …". The English
// stop list has some of them ("after", "during"), not these.
var clauseOpeners = setOf("besides", "despite", "unlike", "apart", "aside", "except", "beyond", "given", "since",
	"although", "though", "following", "including", "excluding", "regarding", "concerning", "per", "unless",
	"whereas", "amid", "amidst", "among", "amongst", "toward", "towards", "according", "compared", "alongside")

// isCapitalised reports a word in title case: "Macron", "Jong-un", not
// "I", "UN" or "WWII".
func isCapitalised(w string) bool {
	r := []rune(w)
	return len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1])
}
