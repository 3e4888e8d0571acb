package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
)

// minBridge is the word-vector similarity at which a question word the
// corpus has never seen counts as answered by a word of the sentence or
// its paragraph: "money" by "financial" (0.65), "scholar" by "professor"
// (0.63); not "favourite" by "food" (0.13) or "tall" by "red" (0.40).
const minBridge = 0.5

// focus is what a question asks about, for judging whether a sentence
// addresses it: its names, and its other content words (the attribute or
// head noun: "tall", "favourite food", "capital").
type focus struct {
	question string
	names    []name
	terms    []string
	stats    analysis.TermStats
	// index of the question itself: a name it mentions may be repeated
	// by an answer as context.
	index nameIndex
}

func newFocus(question string, stats analysis.TermStats) focus {
	f := focus{question: question, stats: stats, index: newNameIndex(question, stats)}
	ws := splitWords(question)
	f.names = namesIn(ws, func(string) bool { return false }, stats)
	inName := map[string]bool{}
	for _, n := range f.names {
		for _, t := range n.tokens {
			inName[t] = true
		}
	}
	for _, w := range ws {
		if inName[fold(w.lower())] {
			continue
		}
		for _, t := range analysis.Tokens(w.text) {
			if !slices.Contains(f.terms, t) && !isNumberWord(w.lower()) && !hasDigit(t) {
				f.terms = append(f.terms, t)
			}
		}
	}
	return f
}

// addressedBy reports whether a sentence, read with its cited paragraphs,
// addresses the question. It does not when the question names something
// the corpus has never heard of and the sentence does not name it
// ("France"); when the sentence lacks what the question asks for (a number
// for "how many", a date for "when", a name for "who"); or when none of
// the question's other content words ("tall") is in the sentence or its
// paragraphs, directly, as a related word or as a near word vector. The
// test is lenient on purpose: a correct answer may paraphrase its question
// ("money" for "financial aid"), and removing it would be worse than
// keeping a non-answer.
func (f focus) addressedBy(sentence string, paragraphs []string) bool {
	if len(f.names) == 0 && len(f.terms) == 0 {
		return true
	}
	ctx := newNameIndex(sentence+"\n"+joinLines(paragraphs), f.stats)
	for _, n := range f.names {
		if f.unknown(n.raw) && !ctx.has(n) {
			return false
		}
	}
	if !f.typed(sentence) {
		return false
	}
	if len(f.terms) == 0 {
		return true
	}
	stems := analysis.StemSet(sentence + "\n" + joinLines(paragraphs))
	for _, t := range f.terms {
		if stems[t] || slices.ContainsFunc(analysis.Related(t), func(r string) bool { return stems[r] }) ||
			analysis.Similarity(t, stems) >= minBridge {
			return true
		}
	}
	return false
}

// unknown reports whether the corpus has never seen any of the stems of
// tokens, nor a word related to them.
func (f focus) unknown(tokens []string) bool {
	for _, t := range tokens {
		st := analysis.Stem(t)
		if f.stats.DocFreq(st) > 0 || f.stats.DocFreq(t) > 0 {
			return false
		}
		if slices.ContainsFunc(analysis.Related(st), func(r string) bool { return f.stats.DocFreq(r) > 0 }) {
			return false
		}
	}
	return true
}

func joinLines(ps []string) string {
	out := ""
	for _, p := range ps {
		out += p + "\n"
	}
	return out
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// Answer types a question asks for, by its opening words.
var (
	asksNumber = regexp.MustCompile(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:how\s+(?:many|much|old|tall|long|far|big|large|high|often)|what\s+(?:percentage|share|proportion|number|amount))\b`)
	asksTime   = regexp.MustCompile(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:when|what\s+(?:year|date|day|month|time|hour)|which\s+(?:year|date|day|month))\b`)
	asksName   = regexp.MustCompile(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:who|whom|where)\b`)
	timeWords  = setOf("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
		"ago", "year", "years", "month", "months", "week", "weeks", "day", "days", "morning", "evening", "night",
		"afternoon", "later", "earlier", "before", "after", "since", "during", "until", "recently", "hour", "hours", "time")
)

// typed reports whether the sentence holds the kind of answer the question
// asks for: a number for "how many", a time for "when", a name for "who"
// and "where". Other questions ask for no particular kind.
func (f focus) typed(sentence string) bool {
	switch {
	case asksNumber.MatchString(f.question):
		return len(numbersIn(sentence, true)) > 0
	case asksTime.MatchString(f.question):
		if len(numbersIn(sentence, true)) > 0 {
			return true
		}
		for _, w := range splitWords(strings.ToLower(sentence)) {
			if timeWords[w.text] {
				return true
			}
		}
		return false
	case asksName.MatchString(f.question):
		for _, w := range splitWords(sentence) {
			if w.capitalised() && !w.initial {
				return true
			}
		}
		return len(splitWords(sentence)) > 0 && splitWords(sentence)[0].capitalised() && f.stats.DocFreq(analysis.Stem(splitWords(sentence)[0].lower())) > 0 && !openers[splitWords(sentence)[0].lower()]
	}
	return true
}
