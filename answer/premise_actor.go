package answer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// askedActor reads "Who was Putin seated next to…", "Why did Russia
// veto…", after a leading clause ("At the luncheon, who was Putin seated
// next to?"): the name the question makes the subject of its verb, and
// the verb.
var askedActor = lazyregexp.New(`^\s*(?:[^,?]*,\s*)?(?i:who|whom|what|which|where|when|why|how)\b(?:\s+[\w'-]+){0,2}?\s+((?i:did|does|do|was|were|is|are|has|have|had))\s+((?:[A-Z][\p{L}'-]*\s+){1,3}?)([a-z]+)\b`)

// passiveAux make the verb after them passive when it is a participle:
// "was seated".
var passiveAux = setOf("was", "were", "is", "are", "been")

// actorFillers stand between a subject and its verb: "Kim was also
// seated".
var actorFillers = setOf("was", "were", "is", "are", "has", "had", "have", "been", "also", "then", "later", "reportedly", "himself", "herself")

// otherActor reports whether the picked sentences that name the
// question's subject give its verb another subject, and none gives it its
// own: "Kim was seated next to Chinese first lady Peng Liyuan, … after
// Putin" for "Who was Putin seated next to?". The question's name stands
// in the sentence, which is why rivals lets it pass; it stands there as
// someone else.
func otherActor(q string, qs []quotedSentence) bool {
	m := askedActor.FindStringSubmatch(typographic.Replace(q))
	// "What was Kim's letter…" has no subject name: Kim owns the letter.
	if m == nil || analysis.IsStop(m[3]) || strings.Contains(m[2], "'") {
		return false
	}
	aux, name, verb := strings.ToLower(m[1]), m[2], analysis.Stem(m[3])
	subject := map[string]bool{}
	for _, w := range splitWords(name) {
		subject[fold(w.lower())] = true
		for _, s := range seats[fold(w.lower())] {
			subject[s] = true // "Beijing sent" is China's act
		}
	}
	rest := analysis.StemSet(strings.Replace(q, name, " ", 1))
	other := false
	for _, x := range qs {
		ws := splitWords(x.text)
		if !slices.ContainsFunc(ws, func(w word) bool { return subject[fold(w.lower())] }) {
			continue // a sentence without the name is rivals' to judge
		}
		// Only the sentence that says what the question asks can give it to
		// another; any may give it to its own subject.
		says := shareOf(rest, analysis.StemSet(x.text)) >= minSubjectMatch
		for i, w := range ws {
			if analysis.Stem(w.lower()) != verb {
				continue
			}
			j, passive := actorOf(ws, i)
			switch {
			case passive != passiveAux[aux]:
				// "Kim was seated" names who was seated, not who seated
				// him: no answer to "Why did Beijing seat Kim…".
			case j < 0, subject[fold(ws[j].lower())]:
				// its own subject, or one it may be: "China paid its
				// respects by sending Cai Qi"
				return false
			default:
				other = other || says
			}
		}
	}
	return other
}

// deniedActor reports whether a sentence sets the question's subject
// aside by name — "It was Russia, not China, that vetoed…" for "When did
// China veto…?", "…, and not Beijing," — denying who the question takes
// as the actor. "Not only China" and "not just Beijing" add to it instead.
func deniedActor(q string, qs []quotedSentence) bool {
	m := askedActor.FindStringSubmatch(typographic.Replace(q))
	if m == nil || analysis.IsStop(m[3]) || strings.Contains(m[2], "'") {
		return false
	}
	var alts []string
	for _, w := range splitWords(m[2]) {
		alts = append(alts, fold(w.lower()))
		alts = append(alts, seats[fold(w.lower())]...)
	}
	for _, x := range qs {
		ws := splitWords(strings.ToLower(typographic.Replace(x.text)))
		for i := 0; i+1 < len(ws); i++ {
			if ws[i].text != "not" || !slices.Contains(alts, fold(ws[i+1].text)) || !setsAside(ws, i) {
				continue
			}
			return true
		}
	}
	return false
}

// deniedName reports whether a sentence sets aside by name a place or
// party the question asks about — "The 60% figure refers to exports to
// China, not Russia" for "What share of exports to Russia…?" — saying
// that what it states is about another. A name the question itself sets
// aside ("instead of Moscow") is not asked about.
func deniedName(q string, qs []quotedSentence) bool {
	var alts [][]string
	for _, n := range QuestionNames(withoutContrasts(q)) {
		var words []string
		for _, w := range splitWords(strings.ToLower(typographic.Replace(n.Text))) {
			words = append(words, fold(w.text))
		}
		alts = append(alts, words)
		if len(words) == 1 {
			for _, seat := range seats[words[0]] {
				alts = append(alts, []string{seat})
			}
		}
	}
	for _, x := range qs {
		ws := splitWords(strings.ToLower(typographic.Replace(x.text)))
		for i := 0; i+1 < len(ws); i++ {
			if ws[i].text == "not" && slices.ContainsFunc(alts, func(a []string) bool { return wordsAt(ws, i+1, a) && setsAsideFor(ws, i, len(a)) }) {
				return true
			}
		}
	}
	return false
}

// wordsAt reports whether ws spells words from i on.
func wordsAt(ws []word, i int, words []string) bool {
	if len(words) == 0 || i+len(words) > len(ws) {
		return false
	}
	for k, w := range words {
		if fold(ws[i+k].text) != w {
			return false
		}
	}
	return true
}

// setsAside reports whether the "not" at ws[i] opens a contrast of its
// own — after a comma, "and" or "but", or closed by one — rather than
// negating a verb ("did not China…" is no English) or adding ("not only").
func setsAside(ws []word, i int) bool { return setsAsideFor(ws, i, 1) }

// setsAsideFor is setsAside for a "not" before a name of n words.
func setsAsideFor(ws []word, i, n int) bool {
	before := ws[i].broken || i > 0 && (ws[i-1].text == "and" || ws[i-1].text == "but")
	after := i+n+1 < len(ws) && ws[i+n+1].broken
	return before || after
}

// actorOf returns the index of the name standing as the subject of the
// verb at ws[i] ("Kim was also seated"), -1 when no name stands there, and
// whether the verb is passive.
func actorOf(ws []word, i int) (int, bool) {
	j, passive := i-1, false
	for j >= 0 && actorFillers[ws[j].lower()] {
		passive = passive || passiveAux[ws[j].lower()]
		j--
	}
	if j < 0 || !actorName(ws[j]) || slices.ContainsFunc(ws[j+1:i+1], func(w word) bool { return w.broken }) {
		return -1, passive
	}
	return j, passive
}

// actorName reports whether w is written as a name: capitalised past the
// start of its sentence, or a country, capital or word no dictionary has
// wherever it stands ("Kim was seated…").
func actorName(w word) bool {
	low := w.lower()
	if utf8.RuneCountInString(low) < 2 {
		return false // "which I expect to rebound": a pronoun
	}
	return w.capitalised() && (!w.initial || seatWords[fold(low)] || properOnly(low))
}
