package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
)

// premiseFloor is the word-vector similarity above which an article's word
// states a premise's word. It is well above the gate's bridge floor: at
// 0.6 "block" finds a word near it in an article about a merger awaiting
// approval, and the event a why-question takes as given is then read as
// stated where nothing says it.
const premiseFloor = 0.75

// premiseUnstated reports whether a why-question's premise holds a word
// that the retrieved articles of the picked sentences never state, by the
// word itself, a related word or a near word-vector: "Why did the
// aviation authority ban the drone flights?" where no article bans
// anything. A why-question asks for the reason of an event it takes as
// given; reasons for another event — the flights, the complaints —
// answer a question nobody asked. A premise told by a verb that negates
// ("Why did Krakow cancel the festival?") is read too: the cancelling is
// the event.
func premiseUnstated(q string, qs []quotedSentence) bool {
	if QuestionFocus(q).Wh != "why" || len(qs) == 0 {
		return false
	}
	words := assertedWords(assertedPremise(q))
	if len(words) == 0 {
		return false
	}
	stated := map[string]bool{}
	for _, x := range qs {
		for st := range analysis.StemSet(x.title + "\n" + x.paragraph + "\n" + x.article) {
			stated[st] = true
		}
	}
	names := map[string]bool{}
	for _, n := range QuestionNames(q) {
		for _, st := range n.Stems {
			names[st] = true
		}
	}
	return slices.ContainsFunc(words, func(st string) bool {
		if names[st] || hasDigit(st) || stated[st] || slices.ContainsFunc(analysis.Related(st), func(r string) bool { return stated[r] }) {
			return false
		}
		return analysis.Similarity(st, stated) <= premiseFloor
	})
}

// assertedWords are the stems of what a premise asserts happened: up to a
// modal, as "Why do some worry sanctions could stop mattering?" takes no
// stopping as given, and without the word a degree adverb leads ("so
// keen", "so quickly"), which is the asker's own measure of the event.
func assertedWords(premise string) []string {
	var out []string
	ws := splitWords(premise)
	for i, w := range ws {
		lw := w.lower()
		if modals[lw] {
			break
		}
		if i > 0 && degreeWords[ws[i-1].lower()] {
			continue
		}
		if st := analysis.Stem(lw); !analysis.IsStop(lw) && !analysis.IsStop(st) && strings.TrimSpace(st) != "" {
			out = append(out, st)
		}
	}
	return out
}

var (
	modals      = setOf("could", "would", "might", "may", "should", "will", "can", "must")
	degreeWords = setOf("so", "too", "very", "such", "how")
)

// assertedPremise is the premise of q (see presupposing) with a verb that
// negates by meaning kept ("Why did Krakow cancel the festival?" takes a
// cancelling as given), "" when a negation word denies it ("Why did Kim
// not go…?").
func assertedPremise(q string) string {
	m := presupposing.FindStringSubmatch(q)
	if m == nil {
		return ""
	}
	if deniedByWord(splitWords(strings.ToLower(m[1]))) {
		return ""
	}
	return m[1]
}
