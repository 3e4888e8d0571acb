package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// minSubjectMatch is the share of a claim's other words the paragraph
// sentence it is read against must hold: below it the two are not about
// the same thing.
const minSubjectMatch = 0.5

// swappedSubject returns the name a claim opens with when the paragraph
// sentence that best matches the rest of it names someone else and not
// that name: "Beijing has also pushed for a sunset clause" against
// "Moscow is also … calling for a 'sunset clause'", "China joined Russia
// in vetoing the resolution" against "Russia … vetoed a U.N. resolution".
// The paragraph may name the claim's subject elsewhere, which is why
// missingName lets it pass; the sentence that says what the claim says
// gives it to another. A sentence that refers back ("he", "the North
// Korean leader") may mean the subject, and is left alone.
func swappedSubject(claim string, paras []string, stats analysis.TermStats) (string, bool) {
	// "It seems China signed…" is China's claim; the subject opens its
	// first clause, and only that clause is its act: in "Putin whipping
	// Kim … isn't part of Beijing's plan, and the article concludes that
	// …", the second clause is no act of Putin's.
	first := coordinated.Split(withoutFraming(claim), 2)[0]
	ws := splitWords(first)
	// The claim's first word is a name when the paragraphs write it as
	// one, it is a country or capital, or it is no common word ("China
	// joined…", "Putin told…"), not when it only opens the sentence
	// ("Rather than travelling…"). A word the paragraphs capitalise only
	// where it opens a sentence ("Delegations from 27 countries…") is
	// not written as a name.
	caps := midSentenceCaps(strings.Join(paras, "\n"))
	names := namesIn(ws, func(low string) bool { return caps[fold(low)] || seatWords[fold(low)] || properOnly(low) }, stats)
	if len(names) == 0 || names[0].start > 1 {
		return "", false
	}
	subject := names[0]
	rest := strings.Join(wordTexts(ws[:subject.start]), " ") + " " + strings.Join(wordTexts(ws[subject.end:]), " ")
	q := analysis.NewQuestion(rest, stats)
	if q.IsEmpty() {
		return "", false
	}
	best, bestScore := "", 0.0
	for _, p := range paras {
		for _, s := range corpus.Sentences(p) {
			if score := q.Coverage(analysis.StemSet(s.Text)); score > bestScore {
				best, bestScore = s.Text, score
			}
		}
	}
	if bestScore < minSubjectMatch || refersBack(best) {
		return "", false
	}
	ix := newNameIndex(best, stats)
	if ix.has(subject) || len(ix.names) == 0 {
		return "", false
	}
	return subject.String(), true
}

// midSentenceCaps are the folded words text capitalises past the start
// of a sentence: the words it writes as names.
func midSentenceCaps(text string) map[string]bool {
	caps := map[string]bool{}
	for _, w := range splitWords(text) {
		if w.capitalised() && !w.initial {
			caps[fold(w.lower())] = true
		}
	}
	return caps
}

func wordTexts(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
}

// kin are the words for family members: a closed class, where a word the
// paragraph lacks beside one it has is a swap, not a paraphrase ("wife"
// for "daughter").
var kin = setOf("wife", "husband", "spous", "son", "daughter", "child", "father", "mother", "parent", "brother",
	"sister", "sibl", "uncl", "aunt", "grandfath", "grandmoth", "grandson", "granddaught", "nephew", "niec",
	"cousin", "widow", "fianc", "fiance", "stepson", "stepdaught", "stepfath", "stepmoth")

// swappedKin returns a family word of claim its paragraphs lack while they
// use another: "Kim's wife is Kim Ju-ae" against "his daughter … Kim Ju-ae".
func swappedKin(claim string, paras []string) (string, bool) {
	if !slices.ContainsFunc(analysis.Tokens(claim), func(st string) bool { return kin[st] }) {
		return "", false // most claims name no family member: spare stemming the paragraphs
	}
	in := analysis.StemSet(strings.Join(paras, "\n"))
	others := false
	for st := range in {
		others = others || kin[st]
	}
	if !others {
		return "", false
	}
	for _, st := range analysis.Tokens(claim) {
		if kin[st] && !in[st] {
			return st, true
		}
	}
	return "", false
}
