package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// What a why/what/who question takes as given — its premise — read
// against sentences that say it otherwise. The rival veto reads it
// against the sentences an extractive answer picks (a false premise is
// the same near miss as a rival name: the corpus states the fact, about
// another end of it), and the verifier against each cited sentence of a
// model's reply (a sentence correcting the premise answers nothing).

// premiseReversed reports whether the sentences give the roles of the
// question's premise the other way round: "Why did North Korea switch
// from a Russian satellite to a Chinese one?" where it switched from a
// Chinese satellite to a Russian one; "Why did Kim bring his son?" where
// he brought his daughter; or give its verb to another subject, say it
// with the opposite word, or send its trip elsewhere.
func premiseReversed(q string, qs []quotedSentence) bool {
	if yesNo.MatchString(q) {
		// "Did Xi visit Pyongyang?" takes nothing as given: "No, he has
		// not" answers it.
		return false
	}
	var paras []string
	for _, x := range qs {
		if !slices.Contains(paras, x.paragraph) {
			paras = append(paras, x.paragraph)
		}
	}
	if len(paras) == 0 {
		return false
	}
	_, reversed := reversedMovement(q, paras)
	_, swapped := swappedKin(q, paras)
	return reversed || swapped || otherActor(q, qs) || deniedActor(q, qs) || deniedName(q, qs) || opposedPremise(q, qs) || otherDestination(q, qs)
}

// minOpposedShare is the share of the premise's words a sentence must hold
// to be read as saying it the opposite way: more than minSubjectMatch, as
// an opposite word anywhere in a sentence about the same people is weak
// evidence ("the warm tone of the message" for "Why has China's
// relationship with Pyongyang cooled?").
const minOpposedShare = 0.6

// opposedPremise reports whether a picked sentence that says what the
// question takes as given (half its words) says it with the opposite word:
// "Why did Russia vote in favor of renewing the Panel's mandate?" against
// "Russia … vetoed a U.N. resolution renewing the bloc's Panel of
// Experts' mandate".
func opposedPremise(q string, qs []quotedSentence) bool {
	premise := premiseOf(q)
	if premise == "" {
		return false
	}
	stems := analysis.StemSet(premise)
	for _, x := range qs {
		own := analysis.StemSet(x.text)
		if shareOf(stems, own) >= minOpposedShare && (antonymous(stems, own) || votedAgainst(premise, stems, own)) {
			return true
		}
	}
	return false
}

// votedAgainst reports whether a premise that someone voted for a thing
// ("vote to renew…") meets a sentence saying they vetoed it. In a claim
// "voted" may be either way, so this pair is not one of antonyms.
func votedAgainst(premise string, stems, sentence map[string]bool) bool {
	against := slices.ContainsFunc(splitWords(strings.ToLower(premise)), func(w word) bool { return w.text == "against" })
	return stems["vote"] && !against && sentence["veto"] && !sentence["vote"]
}

// yesNo opens a question that asks whether, not about: an auxiliary
// first, after a leading clause if any.
var yesNo = lazyregexp.New(`(?i)^\s*(?:[^,?]*,\s*)?(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|might)\b`)

// presupposing opens a question that takes an event as given and asks
// about it: "Why did Russia vote to renew…", "What did Kim and Xi sign…".
// What follows the auxiliary is the premise.
var presupposing = lazyregexp.New(`(?i)^\s*(?:[^,?]*,\s*)?(?:why|how|what|when|where|which|who|whom)\b(?:\s+[\w'’-]+){0,2}?\s+(?:did|does|do|was|were|has|have|had)\s+(.+?)\s*\??\s*$`)

// premiseOf returns the event a question takes as given, "" when it has
// none or denies one ("Why did Kim not go…"): a denial is read against
// the paragraphs' own denials too loosely to be opposed.
func premiseOf(q string) string {
	m := presupposing.FindStringSubmatch(q)
	if m == nil || negates(m[1]) {
		return ""
	}
	return m[1]
}

// negates reports whether text carries a negation of its own: "not",
// "instead of", "stay away", or a verb that negates by meaning ("refuse").
func negates(text string) bool {
	ws := splitWords(strings.ToLower(text))
	return deniedByWord(ws) || slices.ContainsFunc(ws, func(w word) bool { return negationStems[analysis.Stem(w.text)] })
}

// deniedByWord reports whether lower-case ws hold a negation word ("not",
// "never", "n't") or a negating phrase ("stay away"), not counting verbs
// that negate by meaning.
func deniedByWord(ws []word) bool {
	for i, w := range ws {
		if negationWords[w.text] || strings.HasSuffix(w.text, "n't") || i+1 < len(ws) && negationPhrases[w.text+" "+ws[i+1].text] {
			return true
		}
	}
	return false
}

// shareOf is the share of want's stems that have holds.
func shareOf(want, have map[string]bool) float64 {
	if len(want) == 0 {
		return 0
	}
	n := 0
	for st := range want {
		if have[st] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}
