package analysis

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
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

//go:embed related_extra.txt
var relatedExtra string

// lexicon is what synonyms.txt and related_extra.txt hold.
type lexicon struct {
	// related holds the "stem related…" lines.
	related sortedLines
	// lemmas holds the "=form base" lines: "=went go".
	lemmas sortedLines
	// extra maps a stem to the related stems related_extra.txt adds.
	extra map[string][]string
}

// theLexicon is indexed once, on first use; it is never modified after.
var theLexicon = sync.OnceValue(func() *lexicon {
	split := strings.Index(synonymsTxt, "\n=") + 1 // 0 when there are no lemmas
	lx := &lexicon{
		related: newSortedLines(synonymsTxt[:split]),
		lemmas:  newSortedLines(synonymsTxt[split:]),
		extra:   map[string][]string{},
	}
	for _, line := range strings.Split(relatedExtra, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		head := english.Stem(lx.lemma(f[0]), false)
		for _, w := range f[1:] {
			if s := english.Stem(lx.lemma(w), false); s != head && !slices.Contains(lx.extra[head], s) {
				lx.extra[head] = append(lx.extra[head], s)
			}
		}
	}
	return lx
})

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
	for _, s := range lx.extra[stem] {
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
