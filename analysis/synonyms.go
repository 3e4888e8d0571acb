package analysis

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:generate go run ../internal/tools/gensynonyms -o synonyms.txt

// synonymsTxt maps word stems to related stems, derived from WordNet 3.0 by
// internal/tools/gensynonyms: synonyms in a word's two commonest senses, its
// derivationally related forms and its base form. Questions paraphrase
// ("bankroll", "excuse", "defence"); articles do not use the same words.
// It holds sorted "stem related…" lines, then sorted "=form base" lines
// for irregular inflections.
//
//go:embed synonyms.txt
var synonymsTxt string

// relatedExtraStems is related_extra.txt's hand-made list of related
// words, stemmed: sorted "stem related…" lines, one per head stem, its
// related stems in the list's order. TestRelatedExtraStemsAreTheList
// derives it from related_extra.txt; run it with -update after editing
// that. Stemming the list on every start was a twentieth of a warm ask.
//
//go:embed related_extra_stems.txt
var relatedExtraStems string

// lexicon is what synonyms.txt and related_extra_stems.txt hold.
type lexicon struct {
	// related holds the "stem related…" lines.
	related sortedLines
	// lemmas holds the "=form base" lines: "=went go".
	lemmas sortedLines
	// extra holds the "stem related…" lines related_extra.txt adds.
	extra sortedLines
}

// theLexicon is indexed once, on first use; it is never modified after.
var theLexicon = sync.OnceValue(func() *lexicon {
	split := lemmaStart(synonymsTxt)
	return &lexicon{
		related: newSortedLines(synonymsTxt[:split]),
		lemmas:  newSortedLines(synonymsTxt[split:]).indexed(),
		extra:   newSortedLines(relatedExtraStems),
	}
})

// lemmaStart is where text's closing run of "=form base" lines starts
// (len(text) when there is none), found from the end: searching for the
// first "\n=" from the start read the whole 1.1 MB table, a millisecond
// of every ask. TestLemmasStartAfterEveryRelatedLine holds it to that
// search for the embedded table.
func lemmaStart(text string) int {
	start := len(text)
	for start > 0 {
		prev := strings.LastIndexByte(text[:start-1], '\n') + 1 // the line before start
		if !strings.HasPrefix(text[prev:], "=") {
			break
		}
		start = prev
	}
	return start
}

// lemma returns the base form of an irregular inflection, or w itself.
func (lx *lexicon) lemma(w string) string {
	if base, ok := lx.lemmas.lookup("=" + w); ok {
		return base
	}
	return w
}

// relatedTo returns the stems related to stem, from both tables.
func (lx *lexicon) relatedTo(stem string) []string {
	line, _ := lx.related.lookup(stem)
	out := strings.Fields(line)
	extra, _ := lx.extra.lookup(stem)
	for _, s := range strings.Fields(extra) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func lemma(w string) string { return theLexicon().lemma(w) }

// expansionWeight is a related stem's weight relative to the question's
// own words: enough to break ties and rescue paraphrases, too little to
// outrank a paragraph that has the question's exact words.
const expansionWeight = 0.3

// ExpandQuery returns the weighted stems to search for: the question's own
// stems at weight 1, and the stems related to them or to its phrasal verbs
// at expansionWeight.
func ExpandQuery(query string) map[string]float64 {
	terms := map[string]float64{}
	stems := Tokens(query)
	for _, s := range stems {
		terms[s] = 1
	}
	for _, s := range stems {
		for _, r := range Related(s) {
			if _, ok := terms[r]; !ok {
				terms[r] = expansionWeight
			}
		}
	}
	for _, rel := range phraseRelated(query) {
		for _, r := range rel {
			if _, ok := terms[r]; !ok {
				terms[r] = expansionWeight
			}
		}
	}
	return terms
}

// phraseRelated finds the phrasal verbs of text that the lexicon knows
// ("passed away", "showed up") and returns, for each, the verb's stem and
// the stems related to the whole phrase ("die", "perish" …): "pass" alone
// is related to neither.
func phraseRelated(text string) map[string][]string {
	words := Words(text)
	var out map[string][]string
	for i := 0; i+1 < len(words); i++ {
		verb := Stem(words[i])
		line, ok := theLexicon().related.lookup(verb + "_" + words[i+1])
		if !ok {
			continue
		}
		if out == nil {
			out = map[string][]string{}
		}
		out[verb] = append(out[verb], strings.Fields(line)...)
	}
	return out
}

// Related returns the stems related to stem (see ExpandQuery).
func Related(stem string) []string { return theLexicon().relatedTo(stem) }
