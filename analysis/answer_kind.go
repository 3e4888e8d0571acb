package analysis

import "regexp"

// AnswerKind is the kind of answer a question's opening words ask for,
// when that kind can be told from the words of a passage: "When…" and
// "What year…" want a date, "How many…" a number, "Why…" a cause.
// Ranking prefers passages that hold one; a reader of "What year did Kim
// Jong Il die?" expects the paragraph that gives the year, not the one
// that only names him, and a reader of "Why…" the one that says "because".
type AnswerKind int

// Answer kinds. KindAny is every other question: "What did X say…",
// "Who…" (a name is in nearly every news paragraph, so it tells passages
// apart too little to rank by).
const (
	KindAny AnswerKind = iota
	KindDate
	KindNumber
	KindReason
)

// The openings that ask for a date or a number. They are the answerer's
// (answer/focus.go) less "how old/tall/long…", whose answer an article
// may give in words ("in his forties").
var (
	asksDate   = regexp.MustCompile(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:when|what\s+(?:year|date|day|month|time|hour)|which\s+(?:year|date|day|month)|in\s+what\s+(?:year|month))\b`)
	asksNumber = regexp.MustCompile(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:how\s+(?:many|much)|what\s+(?:percentage|share|proportion|number|amount))\b`)
	asksReason = regexp.MustCompile(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:why|how\s+come|what\s+(?:reasons?|excuses?|explanation|motive|motivated|drove|prompted|caused))\b`)
)

// QuestionKind is the kind of answer question asks for.
func QuestionKind(question string) AnswerKind {
	switch {
	case asksDate.MatchString(question):
		return KindDate
	case asksNumber.MatchString(question):
		return KindNumber
	case asksReason.MatchString(question):
		return KindReason
	}
	return KindAny
}

// A date is a year, a month or a weekday as articles write them; a number
// is a figure or a number word; a cause is said with a causal or purpose
// connective ("because", "due to", "in order to", "sought to"). Month and day names must be capitalised,
// so that the verb "may" and the noun "march" do not count. "One" is left
// out: it is more often a pronoun than a count.
var (
	dateRe   = regexp.MustCompile(`\b(?:1[0-9]|20)[0-9]{2}s?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reasonRe = regexp.MustCompile(`(?i)\b(?:because|due to|owing to|thanks to|so that|in order to|sought to|aim(?:ed|ing|s)? to|in an effort to|reasons?|as a result|the result of|driven by|out of fear|for fear|in protest|in retaliation|to avoid|to prevent)\b`)
	numberRe = regexp.MustCompile(`[0-9]|(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|percent|half)\b`)
)

// Holds reports whether text contains an answer of kind k; for KindAny,
// whether it contains anything at all.
func (k AnswerKind) Holds(text string) bool {
	switch k {
	case KindDate:
		return dateRe.MatchString(text)
	case KindNumber:
		return numberRe.MatchString(text)
	case KindReason:
		return reasonRe.MatchString(text)
	}
	return text != ""
}
