package retrieval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

//go:generate go run ../internal/gensynonyms -o synonyms.txt.gz

// synonymsGz maps word stems to related stems, derived from WordNet 3.0 by
// internal/gensynonyms: synonyms in a word's two commonest senses, its
// derivationally related forms and its base form. Questions paraphrase
// ("bankroll", "excuse", "defence"); articles do not use the same words.
//
//go:embed synonyms.txt.gz
var synonymsGz []byte

//go:embed related_extra.txt
var relatedExtra string

// lexicon is what synonyms.txt.gz and related_extra.txt hold.
type lexicon struct {
	// related maps a stem to related stems.
	related map[string][]string
	// lemmas maps an irregular inflection to its base form: "went" → "go".
	lemmas map[string]string
}

// theLexicon is read once, on first use; it is never modified after.
var theLexicon = sync.OnceValue(func() lexicon {
	lx := lexicon{related: map[string][]string{}, lemmas: map[string]string{}}
	m := lx.related
	if zr, err := gzip.NewReader(bytes.NewReader(synonymsGz)); err == nil {
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			switch {
			case len(f) == 2 && strings.HasPrefix(f[0], "="):
				lx.lemmas[f[0][1:]] = f[1]
			case len(f) > 1:
				m[f[0]] = f[1:]
			}
		}
	} // a corrupt table costs recall, not correctness
	for _, line := range strings.Split(relatedExtra, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		head := lx.stem(f[0])
		for _, w := range f[1:] {
			if s := lx.stem(w); s != head && !slices.Contains(m[head], s) {
				m[head] = append(m[head], s)
			}
		}
	}
	return lx
})

// stem is Stem with this lexicon's lemmas, for use while it is loading.
func (lx lexicon) stem(w string) string {
	if base, ok := lx.lemmas[w]; ok {
		w = base
	}
	return english.Stem(w, false)
}

func relatedStems() map[string][]string { return theLexicon().related }

// lemma returns the base form of an irregular inflection, or w itself.
func lemma(w string) string {
	if base, ok := theLexicon().lemmas[w]; ok {
		return base
	}
	return w
}

// expansionWeight is a related stem's weight relative to the question's
// own words: enough to break ties and rescue paraphrases, too little to
// outrank a paragraph that has the question's exact words.
const expansionWeight = 0.3

// ExpandQuery returns the weighted stems to search for: the question's own
// stems at weight 1 and their related stems at expansionWeight.
func ExpandQuery(query string) map[string]float64 {
	terms := map[string]float64{}
	stems := Tokens(query)
	for _, s := range stems {
		terms[s] = 1
	}
	rel := relatedStems()
	for _, s := range stems {
		for _, r := range rel[s] {
			if _, ok := terms[r]; !ok {
				terms[r] = expansionWeight
			}
		}
	}
	return terms
}

// Related returns the stems related to stem (see ExpandQuery); the slice
// must not be modified.
func Related(stem string) []string { return relatedStems()[stem] }
