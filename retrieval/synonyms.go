package retrieval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"slices"
	"strings"
	"sync"
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

// relatedStems is read once, on first use; it is never modified after.
var relatedStems = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	if zr, err := gzip.NewReader(bytes.NewReader(synonymsGz)); err == nil {
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) > 1 {
				m[f[0]] = f[1:]
			}
		}
	} // a corrupt table costs recall, not correctness
	for _, line := range strings.Split(relatedExtra, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		head := Stem(f[0])
		for _, w := range f[1:] {
			if s := Stem(w); s != head && !slices.Contains(m[head], s) {
				m[head] = append(m[head], s)
			}
		}
	}
	return m
})

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
