package answer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/kljensen/snowball/english"
)

// AnswerType is the kind of thing a question's wh-word asks for.
type AnswerType string

// Answer types. TypeNone is a question that expects no particular kind of
// answer ("Why…", "What did X say…").
const (
	TypeNone   AnswerType = ""
	TypePerson AnswerType = "person"
	TypeNumber AnswerType = "number"
	TypeDate   AnswerType = "date"
	TypePlace  AnswerType = "place"
	// TypeShare is a number asked for as a share: "What percentage…".
	TypeShare AnswerType = "share"
	// TypeDuration is a length of time: "How long does the ride take?".
	TypeDuration AnswerType = "duration"
	// TypeMoney is a sum of money: "How much did the stadium cost?".
	TypeMoney AnswerType = "money"
	// TypeLength is a distance or a size along one line: "How far…",
	// "How tall…", "How long is the line?".
	TypeLength AnswerType = "length"
	// TypeWeight is a mass: "How heavy…", "How much does it weigh?".
	TypeWeight AnswerType = "weight"
	// TypeClock is a time of day: "At what hour did the train arrive?",
	// which "on Tuesday" does not answer.
	TypeClock AnswerType = "clock"
	// TypeCalendar is the date a birthday or an anniversary falls on, or
	// a birth: "When is Putin's birthday?", which "a message on a Monday
	// marked his birthday" does not answer.
	TypeCalendar AnswerType = "calendar"
)

// Focus is what a question asks about: its wh-word, the type of answer
// that wh-word expects, and its head noun or attribute — "tall" in "How
// tall is Putin?", "population" in "What is the population of Pyongyang?",
// "food" in "Kim's favourite food". A verb question ("What did Kim sign?")
// has no attribute focus: its names and verb carry it.
type Focus struct {
	// Wh is the wh-phrase, lower case: "what", "how many", "how tall" …;
	// empty for a question without one.
	Wh   string
	Type AnswerType
	// Words are the focus words as written, lower case.
	Words []string
	// Stems are the stems a sentence may use for the head of the focus:
	// the last focus word's, and the noun an attribute adjective stands
	// for ("tall" → "height", "old" → "age").
	Stems []string
}

// HasFocus reports whether the question names an attribute or head noun.
func (f Focus) HasFocus() bool { return len(f.Stems) > 0 }

// questionWordsOf returns q's words, case kept, "'s" a word of its own:
// what the regular expression '\”s\b|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*
// finds, which TestQuestionWordsAreTheRegexpsMatches holds it to. Compiling
// that expression's Unicode classes took a quarter of a millisecond of
// every `footnote ask`.
func questionWordsOf(q string) []string {
	q = apostrophes.Replace(q)
	var out []string
	for i := 0; i < len(q); {
		if end := wordEnd(q, i); end > i {
			out = append(out, q[i:end])
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(q[i:])
		i += size
	}
	return out
}

// wordEnd is where a word starting at i ends, or i when none starts
// there: "'s" not followed by an ASCII word character, or a run of
// letters and digits, continued by each hyphen that another run follows.
func wordEnd(q string, i int) int {
	if strings.HasPrefix(q[i:], "'s") {
		if j := i + 2; j == len(q) || !isASCIIWordByte(q[j]) {
			return j
		}
		return i
	}
	end := alnumRun(q, i)
	if end == i {
		return i
	}
	for end < len(q) && q[end] == '-' {
		next := alnumRun(q, end+1)
		if next == end+1 {
			break
		}
		end = next
	}
	return end
}

// alnumRun is where the run of letters and digits (\p{L}, \p{N}) that
// starts at i ends.
func alnumRun(q string, i int) int {
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			break
		}
		i += size
	}
	return i
}

// isASCIIWordByte is \w, the word characters \b tells from others.
func isASCIIWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// apostrophes folds typographic apostrophes, so "Kim’s" splits as "Kim's".
var apostrophes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'")

var whWords = map[string]bool{"what": true, "which": true, "who": true, "whom": true, "whose": true,
	"when": true, "where": true, "why": true, "how": true}

// glue are the words skipped between a wh-word and its focus.
var glue = map[string]bool{"is": true, "are": true, "was": true, "were": true, "'s": true, "the": true,
	"a": true, "an": true, "be": true, "been": true}

// auxiliaries start the rest of a verb question: "What did…", "Which…does".
var auxiliaries = map[string]bool{"do": true, "does": true, "did": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "is": true, "are": true, "was": true,
	"were": true, "'s": true, "may": true, "might": true, "must": true}

// weakHeads name an attribute only through their "of" phrase: "the name
// of Putin's dog" asks about the dog.
var weakHeads = map[string]bool{"name": true, "names": true, "kind": true, "type": true, "sort": true, "part": true}

// attributes are the adjectives of "How ADJ…", each with the noun it asks
// for.
var attributes = map[string]string{"tall": "height", "old": "age", "far": "distance", "long": "length",
	"big": "size", "large": "size", "high": "level", "low": "level", "heavy": "weight", "rich": "wealth", "often": "frequency",
	"wide": "width", "deep": "depth", "fast": "speed", "young": "age"}

// timeVerbs and nouns make "how long" ask for a duration.
var timeVerbs = map[string]bool{"take": true, "takes": true, "took": true, "taken": true, "last": true, "lasts": true,
	"lasted": true, "wait": true, "ride": true, "journey": true, "trip": true, "drive": true, "flight": true,
	"travel": true, "commute": true, "stay": true, "stayed": true, "serve": true, "served": true, "been": true,
	"ago": true, "run": true, "runs": true, "ran": true}

// attributeTypes give the answer type of what an attribute adjective asks
// for; the others ("how old", "how big", "how often") stay numbers, as
// their answers come in too many shapes ("half-century", "a third larger").
// "How high" is a level, not a height: a count, a price or a rate ("How
// high was the legionella count?") far more often than a tower.
var attributeTypes = map[string]AnswerType{"height": TypeLength, "distance": TypeLength, "length": TypeLength,
	"width": TypeLength, "depth": TypeLength, "weight": TypeWeight}

// moneyVerbs make "how much" ask for a sum of money, and weighVerbs for a
// mass: "How much did Antwerp put into the stadium?", "How much does the
// helmet weigh?". Without one, "how much" is any quantity ("how much
// ammonia can the terminal handle").
var (
	moneyVerbs = map[string]bool{"cost": true, "costs": true, "costing": true, "spend": true, "spent": true,
		"spending": true, "pay": true, "paid": true, "paying": true, "pays": true, "worth": true, "charge": true,
		"charged": true, "charges": true, "invest": true, "invested": true, "investing": true, "put": true,
		"putting": true, "chip": true, "chipped": true, "contribute": true, "contributed": true, "contributing": true,
		"raise": true, "raised": true, "fund": true, "funded": true, "earn": true, "earned": true, "earns": true,
		"price": true, "priced": true, "budget": true, "budgeted": true, "fine": true, "fined": true, "owe": true,
		"owed": true, "borrow": true, "borrowed": true, "lend": true, "lent": true, "sell": true, "sold": true,
		"buy": true, "bought": true, "donate": true, "donated": true, "give": true, "gave": true, "given": true}
	weighVerbs = map[string]bool{"weigh": true, "weighs": true, "weighed": true, "weighing": true}
)

// muchType is the answer type of "how much/many" followed by ws.
func muchType(much string, ws []string) AnswerType {
	if much != "much" {
		return TypeNumber
	}
	for _, w := range ws {
		switch {
		case moneyVerbs[w]:
			return TypeMoney
		case weighVerbs[w]:
			return TypeWeight
		}
	}
	return TypeNumber
}

// typeHeads give a focus noun's answer type: "What year…" wants a date.
var typeHeads = map[string]AnswerType{"year": TypeDate, "month": TypeDate, "date": TypeCalendar, "day": TypeDate,
	"time": TypeClock, "hour": TypeClock, "percentage": TypeShare, "percent": TypeShare, "share": TypeShare, "proportion": TypeShare, "fraction": TypeShare, "number": TypeNumber, "amount": TypeNumber,
	"population": TypeNumber, "age": TypeNumber, "country": TypePlace, "city": TypePlace, "place": TypePlace,
	"cost": TypeMoney, "price": TypeMoney, "budget": TypeMoney, "fee": TypeMoney, "fare": TypeMoney,
	"salary": TypeMoney, "distance": TypeLength, "height": TypeLength, "length": TypeLength, "weight": TypeWeight}

// typeOnly are heads that say what type the answer is but that an
// answering sentence does not repeat: "what year" is answered by "2011".
var typeOnly = map[string]bool{"year": true, "month": true, "date": true, "day": true, "time": true, "hour": true,
	"percentage": true, "percent": true, "share": true, "proportion": true, "fraction": true, "number": true, "amount": true, "country": true, "city": true, "place": true}

// leadingClause is a subordinate clause opening a question before its
// comma, with the question proper, which has a wh-word of its own, after.
var leadingClause = lazyregexp.New(`^(?i:\s*(?:when|while|if|after|before|once|since|now that|given that|as)\b[^,?]*,\s*)(.*\b(?i:what|which|who|whom|whose|when|where|why|how)\b.*)$`)

// QuestionFocus finds what q asks about. It reads the words right after the
// first wh-word; it needs no parser and errs toward no focus.
func QuestionFocus(q string) Focus {
	if m := leadingClause.FindStringSubmatch(q); m != nil {
		// "When the kids first got the menu, how much of their food
		// was thrown away?" asks how much, not when.
		q = m[1]
	}
	words := questionWordsOf(q)
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	i := 0
	for i < len(lower) && !whWords[lower[i]] {
		i++
	}
	if i == len(lower) {
		return Focus{}
	}
	wh, rest := lower[i], lower[i+1:]
	var f Focus
	switch wh {
	case "how":
		f = howFocus(rest)
	case "who", "whom", "whose":
		f = Focus{Wh: wh, Type: TypePerson, Words: nounFocus(rest, true)}
	case "when":
		f = Focus{Wh: wh, Type: TypeDate, Words: nounFocus(rest, true)}
		if asksCalendarDate.MatchString(q) {
			f.Type = TypeCalendar
		}
	case "where":
		f = Focus{Wh: wh, Type: TypePlace, Words: nounFocus(rest, true)}
	case "why":
		f = Focus{Wh: wh}
	default: // what, which
		f = Focus{Wh: wh, Words: nounFocus(rest, false)}
	}
	f = f.withStems()
	switch {
	case f.Type != TypeNone:
	case asksStatement(q):
		f.Type = TypeStatement
	case nameAsked(wh, q):
		f.Type = TypeName
	}
	return f
}

// howFocus reads "how many X", "how much X" and "how ADJ".
func howFocus(rest []string) Focus {
	if len(rest) == 0 {
		return Focus{Wh: "how"}
	}
	switch next := rest[0]; {
	case next == "many" || next == "much":
		// "How many countries sent…", "How much does a ticket cost?"
		ws := rest[1:]
		for len(ws) > 0 && (auxiliaries[ws[0]] || glue[ws[0]]) {
			ws = ws[1:]
		}
		return Focus{Wh: "how " + next, Type: muchType(next, ws), Words: dropVerb(headRun(ws))}
	case next == "long" && slices.ContainsFunc(rest[1:], func(w string) bool { return timeVerbs[w] }):
		// "How long does the ride take?" asks for a time, not a length.
		return Focus{Wh: "how long", Type: TypeDuration}
	case attributes[next] != "":
		t, ok := attributeTypes[attributes[next]]
		if !ok {
			t = TypeNumber
		}
		return Focus{Wh: "how " + next, Type: t, Words: []string{next}}
	}
	return Focus{Wh: "how"}
}

// nounFocus reads the head noun after a wh-word: "what car did…" → car;
// "what is the population of…" → population; "what is Putin's net
// worth" → net worth. Only after "is/was" (copula) may the focus follow a
// possessive or an "of"; a question going on with an auxiliary ("what did
// Kim sign") is a verb question with no noun focus. copulaOnly is for
// who/when/where, whose bare next word is a verb ("who greeted").
func nounFocus(rest []string, copulaOnly bool) []string {
	if len(rest) == 0 {
		return nil
	}
	copula := rest[0] == "is" || rest[0] == "was" || rest[0] == "are" || rest[0] == "were" || rest[0] == "'s"
	if !copula {
		if copulaOnly || auxiliaries[rest[0]] || isVerb(rest[0]) {
			return nil // "What went wrong…": what is the subject, no noun follows
		}
		// "Which news service characterized…": the noun phrase ends
		// where the clause's verb begins.
		return dropVerb(headRun(rest))
	}
	tail := skipGlue(rest)
	if k := indexOf(tail, "'s"); k >= 0 && (indexOf(tail, "of") < 0 || k < indexOf(tail, "of")) {
		// "Kim Jong Un's wife": the words after the possessive.
		return headRun(tail[k+1:])
	}
	if copulaOnly && (len(rest) < 2 || (rest[1] != "the" && rest[1] != "a")) {
		return nil // "Who was Kim seated beside…": a verb, not a noun
	}
	head := dropVerb(headRun(tail)) // "Where is the Kestrel machine located?"
	if k := len(head); k > 0 && k < len(tail) && tail[k] == "of" && weakHeads[head[k-1]] {
		return nounFocus(append([]string{"is"}, tail[k+1:]...), copulaOnly)
	}
	return head
}

// headRun returns the first run of up to three content words: the noun
// phrase the focus is. It stops at a function word, a preposition or an
// auxiliary.
func headRun(ws []string) []string {
	var out []string
	for _, w := range ws {
		// "per" starts a rate: the head of "dividend per share" is dividend.
		if len(out) == 3 || auxiliaries[w] || w == "of" || w == "per" || w == "'s" || english.IsStopWord(w) {
			break
		}
		out = append(out, w)
	}
	return out
}

// pastVerbs are common irregular past forms that end a noun phrase
// ("countries sent delegations").
var pastVerbs = map[string]bool{"sent": true, "went": true, "came": true, "made": true, "held": true, "took": true,
	"gave": true, "got": true, "met": true, "told": true, "left": true, "won": true, "lost": true, "fought": true,
	"saw": true, "paid": true, "spent": true, "live": true, "go": true, "come": true, "attend": true}

// dropVerb cuts a head run at its first word that reads as a verb: the
// noun phrase of "how many X" ends where the clause's verb begins.
func dropVerb(ws []string) []string {
	for i, w := range ws {
		if i > 0 && isVerb(w) {
			return ws[:i]
		}
	}
	return ws
}

// isVerb reports whether w reads as a past verb or participle.
func isVerb(w string) bool { return pastVerbs[w] || len(w) > 3 && strings.HasSuffix(w, "ed") }

func skipGlue(ws []string) []string {
	for len(ws) > 0 && glue[ws[0]] {
		ws = ws[1:]
	}
	return ws
}

func indexOf(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

// withStems gives the stems a covering sentence may use for the head —
// the last focus word, as English noun phrases end in their head ("net
// worth", "musical instrument"), and the noun an attribute adjective
// stands for ("tall" → "height") — and takes the answer type the head
// implies ("what year" wants a date).
func (f Focus) withStems() Focus {
	if len(f.Words) == 0 {
		return f
	}
	head := f.Words[len(f.Words)-1]
	if t, ok := typeHeads[head]; ok && f.Type == TypeNone {
		f.Type = t
	}
	if typeOnly[head] {
		return f // "which month": the answer is a month, never the word
	}
	if n, ok := attributes[head]; ok && strings.HasPrefix(f.Wh, "how ") {
		f.Stems = append(f.Stems, analysis.Stem(n))
	}
	f.Stems = append(f.Stems, analysis.Tokens(head)...)
	return f
}
