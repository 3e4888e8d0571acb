package answer

import (
	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// keptAway is a phrase for not being there that articles write as one
// word: "Kim stayed away", "a domestic schedule kept him away", "his
// no-show" for "his absence". Coverage reads the phrase as that word, so a
// paraphrase of "absence" is not taken for words the paragraph lacks.
var keptAway = lazyregexp.New(`(?i)\b(?:stay|stays|stayed|staying|kept|keep|keeps|keeping)\s+(?:\w+\s+)?away\b|\bno-shows?\b`)

// inTheCorpusWords rewrites the phrases of claim that stand for one word
// (see keptAway) as that word, for the coverage check only: polarity and
// the other checks read the claim as written.
func inTheCorpusWords(claim string) string {
	return keptAway.ReplaceAllString(claim, "absence")
}

// absenceStems are the question words that ask about someone not being
// there: "Why did Kim skip the parade?", "his absence".
var absenceStems = setOf("skip", "absenc", "absent")

// saysAbsent reports whether text says someone was not there, in a word
// or a phrase: "absence", "skipped", "stayed away", "no-show".
func saysAbsent(text string) bool {
	if keptAway.MatchString(text) {
		return true
	}
	for _, st := range analysis.Tokens(text) {
		if absenceStems[st] {
			return true
		}
	}
	return false
}
