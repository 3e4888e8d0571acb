package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/footnote-dev/footnote/retrieval"
)

// minBridge is the word-vector similarity at which a question word the
// corpus has never seen counts as answered by a word of the sentence or
// its paragraph: "money" by "financial" (0.65), "scholar" by "professor"
// (0.63); not "height" by "elevated" (0.59), "favourite" by "food" (0.13)
// or "tall" by "red" (0.40).
const minBridge = 0.6

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
	// cache, when set, stems the sentences and paragraphs read.
	cache *analysis.StemCache
	// anyType lets a sentence address the question without the kind of
	// answer it asks for: context beside a sentence that gives it.
	anyType bool
	// kind is the answer type QuestionFocus reads, where the verifier
	// uses it: a time of day, a calendar date.
	kind AnswerType
	// retrieved are the texts of all the paragraphs retrieved for the
	// question, where an acronym the corpus never writes ("WWII") may be
	// spelled out ("World War II").
	retrieved []string
	// parts are the foci of a question of several parts ("Who is
	// Pinkston, and what does he say…?"), each addressed on its own.
	parts []focus
}

// addressedByAny reports whether sentence addresses the question or, for
// a question of several parts, one of them: "Daniel Pinkston is an East
// Asia expert at Troy University" answers "Who is Daniel Pinkston, and
// what does he say about China's view…?" in part.
func (f focus) addressedByAny(sentence string, paragraphs []string) bool {
	return f.addressedBy(sentence, paragraphs) ||
		slices.ContainsFunc(f.parts, func(p focus) bool { return p.addressedBy(sentence, paragraphs) })
}

// withParts returns f with a focus for each part of a question of
// several parts, read with what f reads.
func (f focus) withParts(sources []retrieval.Result) focus {
	parts := questionParts(f.question)
	if len(parts) < 2 {
		return f
	}
	for _, q := range parts {
		p := newFocus(q, f.stats).withoutBylines(sources)
		p.retrieved, p.cache = f.retrieved, f.cache
		f.parts = append(f.parts, p)
	}
	return f
}

// withoutBylines drops the question's names that the sources' authors
// and publishers hold ("according to Charlie Campbell's article"): they
// say where to look, not what to answer, and no paragraph names them.
func (f focus) withoutBylines(sources []retrieval.Result) focus {
	bylines := bylineStems(sources)
	if len(bylines) == 0 {
		return f
	}
	var kept []name
	for _, n := range f.names {
		stems := make([]string, len(n.raw))
		for i, t := range n.raw {
			stems[i] = analysis.Stem(t)
		}
		if !allIn(stems, bylines) {
			kept = append(kept, n)
		}
	}
	f.names = kept
	return f
}

func newFocus(question string, stats analysis.TermStats) focus {
	f := focus{question: question, stats: stats, index: newNameIndex(question, stats), kind: QuestionFocus(question).Type}
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
// for "how many", a date for "when", a name for "who"); when it gives the
// thing asked about to another owner ("Putin's birthday" for "Kim's") or to
// none ("a domestic schedule" for "Putin's schedule"); or
// when none of the question's other content words ("tall") is in the
// sentence or its paragraphs, nor bridged in the sentence by a related
// word or a near word vector. The
// test is lenient on purpose: a correct answer may paraphrase its question
// ("money" for "financial aid"), and removing it would be worse than
// keeping a non-answer.
func (f focus) addressedBy(sentence string, paragraphs []string) bool {
	if len(f.names) == 0 && len(f.terms) == 0 {
		return true
	}
	ctx := newNameIndex(sentence+"\n"+joinLines(paragraphs), f.stats)
	for _, n := range f.names {
		if f.unknown(n.raw) && !ctx.has(n) && !f.spelledOut(n) {
			return false
		}
	}
	if !f.typed(sentence) || f.otherOwner(sentence, ctx) || f.swappedName(sentence, ctx) {
		return false
	}
	if len(f.terms) == 0 || f.anchored(sentence) || f.defines(sentence) {
		return true
	}
	// The paragraph may hold a question word itself; a bridge (a related
	// word, a near vector) must be in the sentence: paragraphs are long
	// enough to hold a word of some other sense ("elevated" for "height").
	stems, own := f.cache.StemSet(joinLines(paragraphs)), f.cache.StemSet(sentence)
	if keptAway.MatchString(f.question) && saysAbsent(sentence) {
		return true // "Why did Kim stay away…?" is asked of his absence in any word
	}
	for _, t := range f.terms {
		if stems[t] || own[t] || slices.ContainsFunc(analysis.Related(t), func(r string) bool { return own[r] }) ||
			analysis.Similarity(t, own) >= minBridge || absenceStems[t] && saysAbsent(sentence) {
			return true
		}
	}
	return false
}

// definitional asks what a name means: "What does the word Juche
// mean?", "What is the meaning of Juche?", "What does APEC stand for?".
var definitional = lazyregexp.New(`(?i)^\W*what(?:\s+(?:does|do|did)|['’]?s)\b.*\b(?:mean|stand\s+for)(?:\W+(?:lol|pls|plz|please|thanks|thx|haha|again|exactly|anyway))?\W*$|\bmeaning\s+of\b`)

// chatWords may close a casual question without asking anything: "what
// does juche mean lol".
var chatWords = setOf("lol", "pls", "plz", "please", "thank", "thanks", "thx", "haha", "again", "exactly", "anyway")

// definitionWords frame a definitional question; an answer need not
// repeat them ("Juche is Korean for self-reliance").
var definitionWords = setOf("word", "term", "phrase", "name", "mean", "meaning", "stand", "concept", "slogan")

// defines reports whether a definitional question's other words are all
// its frame and the sentence names every name it asks about: the rest of
// the sentence is the definition, in whatever words.
func (f focus) defines(sentence string) bool {
	if len(f.names) == 0 || !definitional.MatchString(f.question) {
		return false
	}
	own := newNameIndex(sentence, f.stats)
	return !slices.ContainsFunc(f.terms, func(t string) bool { return !definitionWords[t] && !chatWords[t] && !analysis.IsStop(t) }) &&
		!slices.ContainsFunc(f.names, func(n name) bool { return !own.has(n) })
}

// spelledOut reports whether n is an acronym whose words a retrieved
// paragraph spells out: "WWII" is no name the corpus lacks when "World
// War II" is there, though the cited paragraph may not say it.
func (f focus) spelledOut(n name) bool {
	return n.acronym && len(f.retrieved) > 0 && newNameIndex(joinLines(f.retrieved), f.stats).has(n)
}

// unknown reports whether the corpus has never seen any of the stems of
// tokens, nor a word related to them.
func (f focus) unknown(tokens []string) bool {
	for _, t := range tokens {
		st := analysis.Stem(t)
		if f.stats.DocFreq(st) > 0 || f.stats.DocFreq(t) > 0 || knownMonth(t, f.stats) {
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
	asksNumber = lazyregexp.New(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:how\s+(?:many|much|old|tall|long|far|big|large|high|often)|what\s+(?:percentage|share|proportion|number|amount))\b`)
	asksTime   = lazyregexp.New(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:when|what\s+(?:year|date|day|month|time|hour)|which\s+(?:year|date|day|month))\b`)
	asksName   = lazyregexp.New(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:who|whom|where)\b`)
	// asksPerson asks for someone by role: "Which Japanese prime minister…",
	// "What official…".
	asksPerson = lazyregexp.New(`(?i)^\s*(?:(?:and|so|but)\s+)?(?:which|what)\s+(?:[\w-]+\s+){0,3}?(?:president|prime\s+minister|minister|leader|official|aide|analyst|expert|spokes(?:man|woman|person)|professor|ambassador|diplomat|journalist|reporter|envoy|general|chairman|secretary|mayor|governor|senator|person|politician)\b`)
	// quantityWords answer "how many" without a figure: "hundreds of
	// balloons", "most of them". Not "several", "a few", "many" or "some":
	// "several soldiers were killed" says there is a number without giving
	// it, which is no answer to how many were, as the gate reads it too.
	quantityWords = setOf("hundreds", "thousands", "millions", "billions", "dozens", "dozen", "percent", "half",
		"majority", "most", "all", "none", "no", "scores")
	timeWords = setOf("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
		"ago", "year", "years", "month", "months", "week", "weeks", "day", "days", "morning", "evening", "night",
		"afternoon", "later", "earlier", "before", "after", "since", "during", "until", "recently", "hour", "hours", "time")
)

// withholdsRe is a sentence saying the kind of answer asked for was not
// given out: "did not specify the exact date", "has not disclosed how
// many".
var withholdsRe = lazyregexp.New(`(?i)\b(?:not|never|without|declined to|refused to)(?:\s+(?:yet|been|publicly|officially|an?|the|any))*\s+(?:specify|specified|specifying|give|given|giving|announce|announced|set|disclose|disclosed|reveal|revealed|confirm|confirmed|provide|provided|name|named|publish|published)\s+(?:(?:an?|the|any|its|their|his|her|exact|precise|specific|official)\s+)*(?:date|day|time|hour|figure|number|amount|cost|price|name|total|when|how\s+(?:many|much))\b`)

// typed reports whether the sentence holds the kind of answer the question
// asks for: a number for "how many", a time for "when", a name for "who"
// and "where". Other questions ask for no particular kind.
func (f focus) typed(sentence string) bool {
	switch {
	case f.anyType:
		return true
	case withholdsRe.MatchString(sentence):
		// "The ministry announced the summit but did not specify the
		// exact date" answers "On what date…?" as the world stands; a
		// sentence saying the sources do not is a refusal, read before.
		return true
	case asksNumber.MatchString(f.question):
		if hasCount(sentence) {
			return true
		}
		for _, w := range splitWords(strings.ToLower(sentence)) {
			if quantityWords[w.text] {
				return true
			}
		}
		return false
	case f.kind == TypeClock || f.kind == TypeCalendar:
		return hasType(sentence, f.kind, f.question)
	case asksTime.MatchString(f.question):
		if hasDigit(sentence) {
			return true // "2019", "Oct. 10", "3 a.m."; "one article" is no time
		}
		for _, w := range splitWords(strings.ToLower(sentence)) {
			if timeWords[w.text] {
				return true
			}
		}
		return false
	case asksPerson.MatchString(f.question):
		// Someone's name: not a country, a capital or a month, which
		// the sentence may well name ("The United States, China and
		// Japan are expected to attend" names no prime minister).
		for _, w := range splitWords(sentence) {
			if w.capitalised() && !w.initial && !f.index.words[fold(w.lower())] && !placeOrTime(w.lower()) {
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
	case f.kind == TypeName || f.kind == TypeStatement:
		return hasType(sentence, f.kind, f.question)
	}
	return true
}

// placeOrTime reports whether a capitalised word names a country, a
// capital or a time (a month, a weekday) rather than possibly a person.
func placeOrTime(low string) bool {
	f := fold(low)
	return len(seats[f]) > 0 || seatWords[f] || timeWords[low] || timeWords[f] || compass[low]
}

// seatWords are the folded words of the countries and capitals in seats
// ("united" and "states" of "United States").
var seatWords = func() map[string]bool {
	m := map[string]bool{}
	for k, vs := range seats {
		m[k] = true
		for _, v := range vs {
			m[v] = true
		}
	}
	return m
}()

// hasCount reports whether sentence holds a number that can answer "how
// many" or "how much": any but a year standing as a date ("in 2013", "a
// 2013 atomic blast"), which counts nothing.
func hasCount(sentence string) bool {
	ws := splitWords(strings.ToLower(sentence))
	for i, w := range ws {
		if _, ok := digitsValue(w.text); !ok || ordinal(w.text) {
			continue // "its 70th Victory Day parade" counts no countries
		}
		if !yearLike(w.text) || i+1 < len(ws) && strings.HasSuffix(ws[i+1].text, "s") && (i == 0 || !dateLead[ws[i-1].text]) {
			return true // "2,000 troops" reads as a count
		}
	}
	return len(numbersIn(withoutDigits(oneSource.ReplaceAllString(sentence, "")), true)) > 0
}

// oneSource is "one" counting the reply's sources, not the thing asked:
// "One article lists crude oil among…" gives no count of barrels.
var oneSource = lazyregexp.New(`(?i)\bone\s+(?:of\s+the\s+)?(?:articles?|sources?|passages?|reports?|paragraphs?|pieces?|stor(?:y|ies))\b`)

// ordinal reports whether w is a figure with an ordinal suffix: "70th".
func ordinal(w string) bool {
	return len(w) > 2 && w[0] >= '0' && w[0] <= '9' && slices.Contains([]string{"st", "nd", "rd", "th"}, w[len(w)-2:])
}

// yearLike is a four-digit 1500–2099.
func yearLike(w string) bool {
	return len(w) == 4 && (w[:2] == "20" || w[0] == '1' && w[1] >= '5' && w[1] <= '9') && !strings.ContainsFunc(w, func(r rune) bool { return r < '0' || r > '9' })
}

// dateLead are words before a year that make it a date.
var dateLead = setOf("in", "since", "by", "until", "from", "of", "before", "after", "during", "between", "a", "an",
	"the", "early", "late", "mid", "to", "and")

// withoutDigits blanks the figures of s, leaving its number words.
func withoutDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return ' '
		}
		return r
	}, s)
}

// possessive matches "Name's word word": a name owning what follows it.
var possessive = lazyregexp.New(`([A-Z][\p{L}-]*(?:\s+[A-Z][\p{L}-]*)*)['’]s\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)`)

// owned returns, for each possessive of text, the owner and the stems it
// owns.
func owned(text string, stats analysis.TermStats) (owners []name, stems []map[string]bool) {
	if !strings.Contains(text, "'s") && !strings.Contains(text, "’s") {
		return nil, nil // no possessive can match: skip compiling it
	}
	for _, m := range possessive.FindAllStringSubmatch(text, -1) {
		ns := namesIn(splitWords(m[1]), func(string) bool { return true }, stats)
		if len(ns) == 0 {
			continue
		}
		owners = append(owners, ns[len(ns)-1])
		stems = append(stems, analysis.StemSet(lowerWords(m[2])))
	}
	return owners, stems
}

// otherOwner reports whether the sentence gives what the question asks
// about to someone else: "Putin's birthday" for "Kim's birthday", the
// Tampere library's books for the Rotterdam library's. A near miss shares
// every word but the owner.
func (f focus) otherOwner(sentence string, paragraphs nameIndex) bool {
	qOwners, qStems := owned(f.question, f.stats)
	if len(qOwners) == 0 {
		return false
	}
	if f.ownerMissing(sentence, paragraphs, qOwners, qStems) {
		return true
	}
	sOwners, sStems := owned(sentence, f.stats)
	other, same := false, false
	for i, so := range sOwners {
		for j, qo := range qOwners {
			if !overlaps(sStems[i], qStems[j]) {
				continue
			}
			if sameOwner(qo, so, f.stats) {
				same = true
			} else {
				other = true
			}
		}
	}
	return other && !same
}

// swappedName reports whether the sentence puts another country or
// capital where the question puts one that neither the sentence nor its
// paragraphs (ctx) hold: "60% of North Korea's declared exports to China"
// answers no "What share of North Korea's exports to Russia…?". A
// question name merely missing is context the answer need not repeat,
// and only places are compared: a person or a university beside the
// question's words is seldom in its place.
func (f focus) swappedName(sentence string, ctx nameIndex) bool {
	own := newNameIndex(sentence, f.stats)
	qws := splitWords(f.question)
	return slices.ContainsFunc(f.names, func(n name) bool {
		return isSeat(n) && !ctx.has(n) && own.contrastsWith(n, qws, f.index, isSeat)
	})
}

// isSeat reports whether n is a country or a capital (see seats).
func isSeat(n name) bool {
	return !slices.ContainsFunc(n.tokens, func(t string) bool { return len(seats[t]) == 0 })
}

// asksType reports whether the question asks for a kind of answer: a
// number, a time, a name.
func (f focus) asksType() bool {
	return asksNumber.MatchString(f.question) || asksTime.MatchString(f.question) || asksName.MatchString(f.question) || asksPerson.MatchString(f.question) ||
		f.kind == TypeClock || f.kind == TypeCalendar || f.kind == TypeName || f.kind == TypeStatement
}

// asContext is f asking nothing of a sentence but to be a claim: the
// sentence elaborates on an answer kept before it (see
// keepContextOfAnAnswer). The question's names still stand as context.
func (f focus) asContext() focus {
	f = f.untyped()
	f.names, f.terms = nil, nil
	return f
}

// untyped is f without the answer-type requirement (see anyType).
func (f focus) untyped() focus {
	f.anyType = true
	return f
}

// sameOwner reports whether two owners name one party, by name or alias
// ("Kim" for "Kim Jong Un") or as a country and its seat ("Pyongyang's
// ambassador" is North Korea's).
func sameOwner(a, b name, stats analysis.TermStats) bool {
	return ownerIndex(a, stats).has(b) || ownerIndex(b, stats).has(a)
}

func ownerIndex(n name, stats analysis.TermStats) nameIndex {
	words := make([]string, len(n.raw))
	for i, r := range n.raw {
		words[i] = upperFirst(r)
	}
	return newNameIndex(strings.Join(words, " "), stats)
}

func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// anchored reports whether the sentence repeats the question's own
// anchors — a number or date it names ("on March 28"), or all of two or
// more names — which tie it to the event asked about however it words the
// rest ("vetoed" for "block").
func (f focus) anchored(sentence string) bool {
	if qn := numbersIn(f.question, false); len(qn) > 0 {
		if _, missing := missingNumber(f.question, []string{sentence}); !missing {
			return true
		}
	}
	if len(f.names) < 2 {
		return false
	}
	own := newNameIndex(sentence, f.stats)
	for _, n := range f.names {
		if !own.has(n) {
			return false
		}
	}
	return true
}

// pronouns may stand for the owner of what the question asks about.
var pronouns = setOf("he", "his", "him", "she", "her", "hers", "they", "their", "them", "its", "it")

// ownerMissing reports whether the sentence speaks of what the question
// asks about ("schedule" in "Putin's schedule") without its owner, by name
// or pronoun: "a domestic schedule" of North Korea's is not Putin's.
func (f focus) ownerMissing(sentence string, paragraphs nameIndex, owners []name, stems []map[string]bool) bool {
	own := analysis.StemSet(sentence)
	ix := newNameIndex(sentence, f.stats)
	for _, w := range splitWords(strings.ToLower(sentence)) {
		if pronouns[w.text] {
			return false
		}
	}
	for i, o := range owners {
		// "The parade … drew delegations from 27 countries" answers for
		// Russia's parade when its paragraph is about Russia's; "a
		// domestic schedule" is nobody's in particular.
		if overlaps(own, stems[i]) && !ix.has(o) && !(paragraphs.has(o) && definite(sentence, stems[i])) {
			return true
		}
	}
	return false
}

// definite reports whether sentence speaks of one of stems as a thing
// already known: "the parade", not "a schedule".
func definite(sentence string, stems map[string]bool) bool {
	ws := splitWords(strings.ToLower(sentence))
	for i, w := range ws {
		if !stems[analysis.Stem(w.text)] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			switch ws[j].text {
			case "the", "this", "that", "these", "those":
				return true
			case "a", "an", "any", "some":
				return false
			}
		}
	}
	return false
}

// lowerWords keeps the words of text that are not capitalised: what a
// possessive owns is a thing ("colleague", "birthday"), and a name after it
// ("Pinkston's colleague Stephan Haggard") is not.
func lowerWords(text string) string {
	var out []string
	for _, w := range splitWords(text) {
		if !w.capitalised() {
			out = append(out, w.text)
		}
	}
	return strings.Join(out, " ")
}
