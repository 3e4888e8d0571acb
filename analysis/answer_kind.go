package analysis

import (
	"strings"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

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
	// KindQuote is the words someone used: "What term did Kim use for
	// Putin?", "How did Kim describe the war?". Articles quote them.
	KindQuote
)

// The openings that ask for a date, a number or a cause. The first two are
// the answerer's (answer/focus.go) less "how old/tall/long…", whose answer
// an article may give in words ("in his forties").
var (
	asksDate   = lazyregexp.New(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:when|what\s+(?:year|date|day|month|time|hour)|which\s+(?:year|date|day|month)|in\s+what\s+(?:year|month))\b`)
	asksNumber = lazyregexp.New(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:how\s+(?:many|much)|what\s+(?:percentage|share|proportion|number|amount))\b`)
	asksQuote  = lazyregexp.New(`(?i)^\s*(?:[^,?]{1,60},\s*)?(?:(?:and|so|but)\s+)?(?:(?:what|which)\s+(?:[a-z]+\s+)?(?:terms?|phrases?|words?|expressions?|labels?|nicknames?|slogans?)\s+(?:did|does|do|has|have|had)\b|how\s+(?:did|does|do|has|have)\s+.{1,60}?\s(?:describe|characteri[sz]e|call|label|refer\s+to)\b)`)
	asksReason = lazyregexp.New(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:why|how\s+come|(?:for\s+)?what\s+(?:[a-z]+\s+)?(?:reasons?|excuses?|explanations?|motives?)|what\s+(?:motivated|drove|prompted|caused))\b`)
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
	case asksQuote.MatchString(question):
		return KindQuote
	}
	return KindAny
}

// A date is a year, a month or a weekday as articles write them; a number
// is a figure or a number word; a cause is said with a causal or purpose
// connective ("because", "due to", "in order to", "sought to"). Month and
// day names must be capitalised, so that the verb "may" and the noun
// "march" do not count. "One" is left out: it is more often a pronoun than
// a count. The test finds month names with strings.Index and number words
// and connectives in one pass over the words, not with regular
// expressions: it runs on every paragraph the rerank reads, and Go's
// regexp took 0.2–0.3 ms a paragraph for these alternations.
var (
	dateNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	numberWords = byFirstWord([]string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
		"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand",
		"thousands", "million", "millions", "billion", "billions", "dozen", "dozens", "percent", "half"})
	causes = byFirstWord([]string{"because", "reason", "reasons", "due to", "owing to", "thanks to", "so that", "in order to",
		"sought to", "aim to", "aims to", "aimed to", "aiming to", "in an effort to", "as a result",
		"the result of", "driven by", "out of fear", "for fear", "in protest", "in retaliation", "to avoid",
		"to prevent",
		// a purpose infinitive: "invited Kim to highlight the strong ties"
		"to highlight", "to show", "to demonstrate", "to signal", "to underline", "to underscore", "to display",
		"to strengthen", "to deepen", "to boost", "to secure", "to counter", "to ensure", "to emphasize",
		"to emphasise"})
)

// byFirstWord maps each phrase's first word to the phrases it opens.
func byFirstWord(phrases []string) map[string][]string {
	m := map[string][]string{}
	for _, p := range phrases {
		first, _, _ := strings.Cut(p, " ")
		m[first] = append(m[first], p)
	}
	return m
}

// Holds reports whether text contains an answer of kind k; for KindAny,
// whether it contains anything at all.
func (k AnswerKind) Holds(text string) bool {
	switch k {
	case KindDate:
		return hasYear(text) || containsWord(text, dateNames)
	case KindNumber:
		return strings.ContainsAny(text, "0123456789") || hasPhrase(strings.ToLower(text), numberWords)
	case KindReason:
		return hasPhrase(strings.ToLower(text), causes)
	case KindQuote:
		return strings.ContainsAny(text, "\"“”")
	}
	return text != ""
}

// containsWord reports whether text contains one of words (or phrases) as
// a whole: not inside a longer word.
func containsWord(text string, words []string) bool {
	for _, w := range words {
		for off := 0; ; {
			i := strings.Index(text[off:], w)
			if i < 0 {
				break
			}
			i += off
			if !letterAt(text, i-1) && !letterAt(text, i+len(w)) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

// hasPhrase reports whether lower-case text holds one of phrases, given
// by their first word: one pass over its words, each looked up as the
// opening of a phrase.
func hasPhrase(text string, phrases map[string][]string) bool {
	for i := 0; i < len(text); {
		for i < len(text) && !letterAt(text, i) {
			i++
		}
		start := i
		for i < len(text) && letterAt(text, i) {
			i++
		}
		for _, p := range phrases[text[start:i]] {
			if strings.HasPrefix(text[start:], p) && !letterAt(text, start+len(p)) {
				return true
			}
		}
	}
	return false
}

// letterAt reports whether text has a letter or digit at byte i; outside
// text it has none.
func letterAt(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	c := text[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// hasYear reports whether text has a year from 1000 to 2099 ("2011") or
// a decade ("1990s") standing alone.
func hasYear(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if letterAt(text, i-1) || !(text[i] == '1' || text[i] == '2' && text[i+1] == '0') {
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j-i == 4 && (j == len(text) || text[j] == 's' && !letterAt(text, j+1) || !letterAt(text, j)) {
			return true
		}
	}
	return false
}
