package answer

import (
	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// addedAct matches what a second act a claim joins to its first with
// "and" is done to: "food aid to North Korea" in "reduced energy
// shipments and cut off food aid to North Korea". The verb must read as
// past ("cut", "-ed") so that "and" between nouns ("shells and
// missiles") is no act; the verb itself is not read, as a model
// paraphrases verbs ("lauded" for "hailed") more than what they act on.
var addedAct = lazyregexp.New(`(?i)\band\s+(?:also\s+)?(?:[a-z]+ed|cut|sent|gave|made|took|held|began|won|got|left|brought|told|paid|kept|set|put|shut|hit|met|signed)\b([^,;:]*)`)

// addedActUncovered reports whether an act the claim adds with "and" acts
// on something its covering paragraphs do not state: the sentence as a
// whole may clear the coverage floor on its first act alone ("It also
// reduced energy shipments and cut off food aid [1]" against "…and
// reduced energy shipments to North Korea"). What the added act acts on
// must hold at least minActWords content words, and the paragraphs must
// cover fewer than half of them by weight.
func addedActUncovered(framed, claim string, paras []string, stats analysis.TermStats) bool {
	m := addedAct.FindStringSubmatch(framed)
	if m == nil {
		return false
	}
	act := analysis.NewQuestion(m[1], stats)
	if len(analysis.Tokens(m[1])) < minActWords {
		return false
	}
	stems := map[string]bool{}
	for _, p := range paras {
		stems = merge(stems, withNameForms(withDigits(analysis.StemSet(p), p), claim, p))
	}
	return act.Coverage(stems) < minSupport
}

// minActWords is how many content words what an added act acts on needs
// to be read on its own: fewer ("and left early") say too little to be
// checked.
const minActWords = 3
