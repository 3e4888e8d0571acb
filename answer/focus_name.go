package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// TypeName is a proper name asked for a thing the question describes:
// "What was the name of the Swiss boarding school Kim attended?", "Which
// think tank does Gabuev lead?". "Kim studied at a Swiss boarding school"
// mentions the school without naming it, and answers nothing.
const TypeName AnswerType = "name"

// asksNameRe asks for what something is called: "the name of", "Putin's
// dog's name", "what was the idea called".
var asksNameRe = lazyregexp.New(`(?i)\bnames?\s+of\b|(?:'s|’s)\s+(?:\w+\s+)?names?\b|\bcalled\b|\bnamed\b`)

// nameAsked reports whether a what/which question with no other answer
// type asks for a name (see TypeName).
func nameAsked(wh, q string) bool {
	return wh == "which" || wh == "what" && asksNameRe.MatchString(q)
}

// nameWindow is how many words either side of the focus noun a name must
// stand to be its name: "the Carnegie Russia Eurasia Center think tank",
// "Beijing Railway Station".
const nameWindow = 4

// namesFocus reports whether sentence gives a name for the focus of q: a
// capitalised word the question does not already say, past the
// sentence's first word, or a quoted phrase, near where the sentence
// mentions the focus noun as a new one ("a Swiss boarding school"), or
// anywhere when the mention may refer back to a name ("Sony's computers …
// the company's workings"). A sentence that never
// mentions the focus noun may answer a "which" question in other words
// ("his daughter" for "which family member"); it names nothing a "what is
// the name of" question asks about.
func namesFocus(sentence string, f Focus, q string) bool {
	if quotedRe.MatchString(sentence) {
		return true
	}
	ws := splitWords(sentence)
	at := slices.IndexFunc(ws, func(w word) bool {
		return slices.ContainsFunc(analysis.Tokens(w.text), func(t string) bool { return slices.Contains(f.Stems, t) })
	})
	lo, hi := 0, len(ws)
	switch {
	case at >= 0 && indefinite(ws, at):
		lo, hi = max(0, at-nameWindow), min(len(ws), at+nameWindow+1)
	case at >= 0:
		// "the company's internal workings" refers back to a name
		// elsewhere in the sentence ("Sony's computers").
	case f.Wh == "which" || !f.HasFocus():
		return true
	default:
		return false
	}
	asked := strings.ToLower(q)
	for i := lo; i < hi; i++ {
		w := ws[i]
		if !w.capitalised() || w.initial || strings.Contains(asked, w.lower()) || titles[w.lower()] {
			continue
		}
		if describes(w, ws, i) || owns(sentence, ws, i, at) {
			continue
		}
		return true
	}
	return false
}

// owns reports whether ws[i] owns the focus noun at ws[at]: "Pyongyang's
// ambassador" names whose ambassador, not who.
func owns(sentence string, ws []word, i, at int) bool {
	return i+1 == at && strings.Contains(typographic.Replace(sentence), ws[i].text+"'s "+ws[at].text)
}

// indefinite reports whether the noun at ws[at] is introduced as a new
// one ("a Swiss boarding school", "a Russian one"), which no earlier name
// in the sentence names, unlike "the company".
func indefinite(ws []word, at int) bool {
	for i := at - 1; i >= max(0, at-3); i-- {
		switch ws[i].lower() {
		case "a", "an", "another", "one", "some":
			return true
		case "the", "its", "his", "her", "their", "this", "that", "these", "those":
			return false
		}
	}
	return false
}

// quotedRe is a short quoted phrase: "“pacemaking diplomacy”" names an idea.
var quotedRe = lazyregexp.New(`["“][^"”]{2,60}["”]`)

// describes reports whether ws[i] is a nationality describing the noun
// after it ("a Russian one", "a Chinese satellite"): the kind of thing,
// not its name.
func describes(w word, ws []word, i int) bool {
	if i+1 >= len(ws) || ws[i+1].capitalised() {
		return false
	}
	return isDemonym(w.lower())
}

// isDemonym reports whether a lower-case word reads as a nationality:
// "chinese", "russian", "korean", "swiss".
func isDemonym(low string) bool {
	if demonyms[low] {
		return true
	}
	for _, suf := range []string{"ese", "ian", "ean", "ish"} {
		if strings.HasSuffix(low, suf) && len(low) > len(suf)+2 {
			return true
		}
	}
	return strings.HasSuffix(low, "an") && len(low) >= 6
}

// demonyms are nationalities that the suffixes describes reads miss.
var demonyms = setOf("swiss", "dutch", "french", "greek", "thai", "soviet", "welsh", "irish", "scots", "czech", "lao",
	"basque", "catalan", "flemish", "danish", "finnish", "polish", "turkish")
