package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/footnote-dev/footnote/retrieval"
)

// Signals are what the answerability gate reads, each a number the gate
// model weighs (see GateModel). Their JSON form is the per-signal
// breakdown `ask --json` shows under "gate".
type Signals struct {
	// Coverage is the best sentence's IDF-weighted share of the question's
	// terms (0.6 sentence, 0.4 paragraph), in [0, 1].
	Coverage float64 `json:"coverage"`
	// UnknownNames counts the question's names (capitalised words, numbers)
	// the corpus never contains, each less the credit of its nearest word
	// in the retrieved paragraphs by word-vector similarity.
	UnknownNames float64 `json:"unknown_names"`
	// UnknownTerms is the same for the question's other words, as a share
	// of its content words: one paraphrase among six words ("bankroll")
	// matters less than two of three ("kimchi recipe").
	UnknownTerms float64 `json:"unknown_terms"`
	// FocusMissing is 1 less the credit the answer gives the question's
	// focus (its head noun or attribute): 0 when it states it, 0.5 with
	// only a WordNet-related word, 1 when it never touches it; 0 for a
	// question without a noun focus.
	FocusMissing float64 `json:"focus_missing"`
	// Apart is 1 less the largest share of the question's known names and
	// its focus that one retrieved paragraph holds together: Rotterdam's
	// library, not Tampere's.
	Apart float64 `json:"apart"`
	// TypeMissing is 1 when the question expects a person, number, date or
	// place and the answer holds none.
	TypeMissing float64 `json:"type_missing"`
	// Margin is how far the best retrieved paragraph's fused score stands
	// above the second's.
	Margin float64 `json:"margin"`
	// TopVector is the best paragraph's cosine similarity to the question
	// in the vector ranking: a query-performance predictor.
	TopVector float64 `json:"top_vector"`
	// OffQuestion is the LLM-mode verifier's judgement of the extractive
	// answer: 1 when none of its sentences, read with its paragraph,
	// addresses the question (see focus.addressedBy) — the verifier would
	// remove them all as cited non-answers and abstain. In LLM mode it
	// reads every sentence of the paragraphs the model is given instead:
	// the model need not quote the sentences extraction picked.
	OffQuestion float64 `json:"off_question"`
	// Unanchored is the share of the question's anchors — the names the
	// corpus knows, its numbers — the best sentence's paragraph does not
	// hold (see unanchored).
	Unanchored float64 `json:"unanchored"`
	// UnanchoredAnswer is the same for the picked sentence that holds the
	// kind of answer the question wants (a number for "how many"), the one
	// that anchors best: "27 countries attended this year's parade" is no
	// answer to how many came to Beijing's, whatever its paragraph says.
	UnanchoredAnswer float64 `json:"unanchored_answer"`
	// Nameless is UnknownTerms for a question that names nothing the
	// corpus knows, else 0: with no name to tie it to the corpus, a word it
	// has never seen is likelier another subject ("sourdough", "cricket")
	// than a paraphrase.
	Nameless float64 `json:"nameless"`
	// Rival is 1 when every sentence that could answer puts another name
	// where the question puts one of its own, or when the picked
	// paragraphs give the question's premise the other way round: a
	// movement reversed, another family member (see rivalled) — or when
	// no retrieved article states the event a why-question takes as given
	// (see premiseUnstated).
	Rival float64 `json:"rival"`
}

// signalNames are the signals in the order GateModel weighs them.
var signalNames = []string{"coverage", "unknown_names", "unknown_terms", "focus_missing", "apart", "type_missing",
	"margin", "top_vector", "off_question", "unanchored", "unanchored_answer", "nameless", "rival"}

// values lists the signals in signalNames order.
func (s Signals) values() []float64 {
	return []float64{s.Coverage, s.UnknownNames, s.UnknownTerms, s.FocusMissing, s.Apart, s.TypeMissing, s.Margin, s.TopVector, s.OffQuestion, s.Unanchored, s.UnanchoredAnswer, s.Nameless, s.Rival}
}

// measure computes the gate's signals for an extraction from results.
func measure(q string, results []retrieval.Result, ex extraction, terms analysis.TermStats, floor float64) Signals {
	s := Signals{Coverage: ex.score}
	if len(results) == 0 || ex.best < 0 {
		return s
	}
	context := union(ex.paraStems)
	names := QuestionNames(q)
	bylines := bylineStems(results)
	nameStems := map[string]bool{}
	for _, n := range names {
		for _, st := range n.Stems {
			nameStems[st] = true
		}
		if !allIn(n.Stems, bylines) {
			s.UnknownNames += 1 - nameCredit(n, terms, context, floor)
		}
	}
	tokens := analysis.Tokens(q)
	for _, t := range tokens {
		if !nameStems[t] && !known(t, terms) {
			s.UnknownTerms += (1 - bridge(t, context, floor)) / float64(len(tokens))
		}
	}
	focus := QuestionFocus(q)
	if focus.HasFocus() {
		s.FocusMissing = 1 - focusCredit(focus, ex.stems, terms, floor)
	}
	// The anchors an answer must hold together leave out what the
	// question sets aside ("instead of Red Square").
	anchorQ := withoutBylines(withoutContrasts(q), names, bylines)
	anchorNames := names
	if anchorQ != q {
		anchorNames = QuestionNames(anchorQ)
	}
	s.Apart = 1 - together(anchorNames, focus, ex.paraStems, terms, floor)
	paragraphs, titles := make([]string, len(ex.sentences)), make([]string, len(ex.sentences))
	articles := make([]string, len(ex.sentences))
	for i, r := range ex.from {
		paragraphs[i], titles[i], articles[i] = results[r].Text, results[r].Title, articleOf(results, r)
	}
	qs := quotedSentences(q, focus, ex.sentences, paragraphs, articles, titles)
	if focus.Type != TypeNone && !slices.ContainsFunc(qs, func(x quotedSentence) bool { return x.typed }) {
		s.TypeMissing = 1
	}
	s.TopVector = topVector(results)
	if len(results) > 1 {
		s.Margin = results[0].Score - results[1].Score
	}
	s.OffQuestion = offQuestion(q, results, ex, terms)
	f := newFocus(anchorQ, terms)
	s.Unanchored = unanchored(f, paragraphOf(results[ex.best].Title, results[ex.best].Text), "", "")
	s.UnanchoredAnswer = unanchoredAnswer(f, focus, qs)
	s.Rival = rivalled(f, focus, qs)
	if s.Rival == 0 && premiseUnstated(q, qs) {
		s.Rival = 1
	}
	if anchorQ != q {
		f = newFocus(q, terms)
	}
	if len(knownNames(f)) == 0 {
		s.Nameless = s.UnknownTerms
	}
	return s
}

// offSources is offQuestion for an LLM answer: 1 when no sentence of the
// paragraphs the model reads addresses the question, so whatever it quotes
// or paraphrases from them the verifier would remove as a non-answer. The
// extractive answer's own choice of sentences does not bind the model.
func offSources(q string, results []retrieval.Result, terms analysis.TermStats) float64 {
	f := newFocus(q, terms).withoutBylines(results)
	for _, r := range results[:min(readParagraphs, len(results))] {
		for _, s := range corpus.Sentences(r.Text) {
			if f.addressedBy(s.Text, []string{r.Text}) {
				return 0
			}
		}
	}
	return 1
}

// offQuestion is 1 when the verifier would remove every sentence of the
// extraction as a cited non-answer (see focus.addressedBy), as it turns a
// model reply of nothing but non-answers into an abstention; else 0. Its
// other checks (coverage, names, numbers, speakers, polarity) hold
// trivially for a sentence quoted from its own paragraph, so only whether
// it addresses the question is read. All, not any: an extractive answer
// quotes the sentences around its best one for context, and those need
// not address the question themselves.
func offQuestion(q string, results []retrieval.Result, ex extraction, terms analysis.TermStats) float64 {
	if len(ex.sentences) == 0 {
		return 0
	}
	f := newFocus(q, terms).withoutBylines(results)
	f.cache = ex.cache
	for i, s := range ex.sentences {
		if f.addressedBy(s, []string{results[ex.from[i]].Text}) {
			return 0
		}
	}
	return 1
}

// known reports whether the corpus has stem or a word related to it.
func known(stem string, terms analysis.TermStats) bool {
	return terms.DocFreq(stem) > 0 || slices.ContainsFunc(analysis.Related(stem), func(r string) bool { return terms.DocFreq(r) > 0 })
}

// nameCredit is 1 for a name whose every word the corpus has ("Kim", an
// alias of "Kim Jong Un", is one), else the weakest bridge of its unknown
// words.
func nameCredit(n Name, terms analysis.TermStats, context map[string]bool, floor float64) float64 {
	credit := 1.0
	for _, st := range n.Stems {
		if terms.DocFreq(st) == 0 && !knownMonth(st, terms) {
			credit = min(credit, bridge(st, context, floor))
		}
	}
	return credit
}

// knownMonth reports whether the corpus spells the month st names another
// way (see monthForms).
func knownMonth(st string, terms analysis.TermStats) bool {
	return slices.ContainsFunc(monthForms(st), func(f string) bool { return terms.DocFreq(analysis.Stem(f)) > 0 })
}

// articleOf is what was retrieved of results[r]'s article: its
// paragraphs among the results, in rank order, the one itself first.
func articleOf(results []retrieval.Result, r int) string {
	parts := []string{results[r].Text}
	for i, o := range results {
		if i != r && o.Doc == results[r].Doc {
			parts = append(parts, o.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// bridge is the credit stem earns from its nearest word in stems by
// word-vector similarity: 0 at or below floor, rising linearly to 1 at a
// cosine of 1. A word without a vector ("Jinping") has no bridge.
func bridge(stem string, stems map[string]bool, floor float64) float64 {
	best := analysis.Similarity(stem, stems)
	if best <= floor {
		return 0
	}
	return (best - floor) / (1 - floor)
}

// focusCredit is how well stems state the focus: 1 for the word itself,
// 0.5 for a WordNet-related word, else its word-vector bridge.
func focusCredit(f Focus, stems map[string]bool, terms analysis.TermStats, floor float64) float64 {
	credit := 0.0
	for _, st := range f.Stems {
		switch {
		case stems[st]:
			return 1
		case slices.ContainsFunc(analysis.Related(st), func(r string) bool { return stems[r] }):
			credit = max(credit, 0.5)
		case terms.DocFreq(st) > 0:
			// The corpus has the word itself: an answer about it would
			// use it, so a near vector ("greetings" for "birthday") is
			// another subject, not a paraphrase.
		default:
			credit = max(credit, bridge(st, stems, floor))
		}
	}
	return credit
}

// together is the largest share of the question's anchors — each name the
// corpus knows, and the focus — that one retrieved paragraph holds. A
// question with no anchors is trivially together.
func together(names []Name, f Focus, paras []map[string]bool, terms analysis.TermStats, floor float64) float64 {
	var anchors []Name
	for _, n := range names {
		if nameCredit(n, terms, nil, floor) == 1 && len(n.Stems) > 0 {
			anchors = append(anchors, n)
		}
	}
	if f.HasFocus() && (!strings.HasPrefix(f.Wh, "how ") || f.Wh == "how many" || f.Wh == "how much") {
		// An attribute ("how often", "how tall") is answered by a value,
		// which seldom repeats the word: it anchors nothing.
		anchors = append(anchors, Name{Text: strings.Join(f.Words, " "), Stems: f.Stems})
	}
	if len(anchors) == 0 {
		return 1
	}
	best := 0
	for _, stems := range paras {
		held := 0
		for _, a := range anchors {
			if slices.ContainsFunc(a.Stems, func(s string) bool { return stems[s] }) {
				held++
			}
		}
		best = max(best, held)
	}
	return float64(best) / float64(len(anchors))
}

// union is the stems of the paragraphs an answer draws on: the words a
// question's unknown word may bridge to.
func union(paras []map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, p := range paras {
		for s := range p {
			out[s] = true
		}
	}
	return out
}

func topVector(results []retrieval.Result) float64 {
	best := 0.0
	for _, r := range results {
		best = max(best, r.Vector)
	}
	return best
}

var (
	numberRe = lazyregexp.New(`(?i)\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|` +
		`fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|percent)\b`)
	dateRe = lazyregexp.New(`\b(1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|` +
		`October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|` +
		`Saturday|Sunday|yesterday|today|tomorrow)\b|(?i:\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d+(?:st|nd|rd|th))\s+year\b)`)
	// clockRe is a time of day: "3 a.m.", "15:30", "at noon", "that
	// morning".
	clockRe = lazyregexp.New(`(?i)\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|hours\b)|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight|midday|dawn|dusk|daybreak|sunrise|sunset|morning|afternoon|evening|night|overnight)\b`)
	// calendarRe is a date on the calendar, a month or a figure: not a
	// weekday.
	calendarRe = lazyregexp.New(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b|\d`)
	// asksCalendarDate asks when a birthday or an anniversary falls, or
	// when someone was born (TypeCalendar). "When did Kim send the
	// birthday message?" asks something else.
	asksCalendarDate = lazyregexp.New(`(?i)^\s*when(?:'s|’s|\s+is|\s+was|\s+will\s+be)\s+(?:[\w'’.-]+\s+){0,6}?(?:birthday|anniversary)\b|^\s*when\s+(?:was|were|is)\s+(?:[\w'’.-]+\s+){1,6}?(?:born|founded|established)\b`)
	capitalRe        = lazyregexp.New(`\b\p{Lu}[\p{L}-]+`)
	// durationRe is a length of time: "14 minutes", "two hours", "half
	// an hour", "for decades".
	durationRe = lazyregexp.New(`(?i)\b(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|several|few|many|half an?)[\s-]+(?:\w+[\s-]+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centuries|century)\b|\bdecades\b`)
	// shareRe is a share stated as one: "60%", "60 percent", "half",
	// "a third", "most".
	shareRe = lazyregexp.New(`(?i)%|\b(?:per ?cent|percentage|half|third|quarter|fifth|tenth|majority|fraction)\b|\b(?:most|bulk)\s+of\b`)
	// moneyRe is a sum of money: a currency sign or a currency's name or
	// code ("€38 million", "649 złoty", "SEK 2.6 billion", "free").
	moneyRe = lazyregexp.New(`(?i)[€$£¥₩₽]|\b(?:euros?|dollars?|pounds? sterling|pounds|pence|cents?|kronor|kronas?|krona|kroner|krone|zlotys?|złoty|zł|yuan|renminbi|won|roubles?|rubles?|francs?|crowns?|korunas?|koruna|forints?|rupees?|yen|usd|eur|gbp|sek|pln|czk|nok|dkk|chf|jpy|cny|krw|rub)\b|\bfree\b`)
	// untilRe bounds a stretch of time by a date: "until", "since".
	untilRe = lazyregexp.New(`(?i)\b(?:until|till|through|since)\b`)
	// lengthRe is a distance or size: a number with a unit of length.
	lengthRe = lazyregexp.New(`(?i)\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|several|a few)[\s-]*(?:square\s+|cubic\s+)?(?:km|kilomet(?:re|er)s?|mi|miles?|m|met(?:re|er)s?|cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|ft|feet|foot|inch(?:es)?|yards?|nautical miles?|storeys?|stories|floors)\b|\d\s*(?:km|m|cm)²`)
	// weightRe is a mass: a number with a unit of weight.
	weightRe = lazyregexp.New(`(?i)\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|several|a few)[\s-]*(?:kg|kilos?|kilograms?|g|grams?|grammes?|t|tonnes?|tons?|lbs?|pounds|ounces?|oz)\b`)
)

// hasType reports whether sentence holds an answer of type t: a number, a
// date, or — for a person or place — a capitalised word past its first
// that the question q does not already name.
func hasType(sentence string, t AnswerType, q string) bool {
	switch t {
	case TypeNumber:
		return numberRe.MatchString(sentence)
	case TypeDate:
		return dateRe.MatchString(sentence)
	case TypeClock:
		return clockRe.MatchString(sentence)
	case TypeCalendar:
		return calendarRe.MatchString(sentence)
	case TypeShare:
		return shareRe.MatchString(sentence)
	case TypeDuration:
		// "until the end of 2027" says how long as well as "two years".
		return durationRe.MatchString(sentence) || untilRe.MatchString(sentence) && dateRe.MatchString(sentence)
	case TypeMoney:
		return moneyRe.MatchString(sentence) && numberRe.MatchString(sentence)
	case TypeLength:
		return lengthRe.MatchString(sentence)
	case TypeWeight:
		return weightRe.MatchString(sentence)
	case TypeName:
		return namesFocus(sentence, QuestionFocus(q), q)
	case TypeStatement:
		return reportsSpeech(sentence)
	case TypePerson, TypePlace:
		asked := strings.ToLower(q)
		for _, loc := range capitalRe.FindAllStringIndex(sentence, -1) {
			if w := sentence[loc[0]:loc[1]]; loc[0] > 0 && !strings.Contains(asked, strings.ToLower(w)) {
				return true
			}
		}
		return false
	}
	return true
}

// bylineStems are the stems of the retrieved articles' authors and
// publishers: "according to Charlie Campbell's article" names the author
// of a retrieved article, whom its paragraphs never name. Such a name is
// no name the corpus lacks, and no anchor its answer must hold.
func bylineStems(results []retrieval.Result) map[string]bool {
	out := map[string]bool{}
	for _, r := range results {
		for _, st := range analysis.Tokens(r.Author + " " + r.Publisher) {
			out[st] = true
		}
	}
	return out
}

// allIn reports whether every stem is in set; false for none.
func allIn(stems []string, set map[string]bool) bool {
	for _, st := range stems {
		if !set[st] {
			return false
		}
	}
	return len(stems) > 0
}

// withoutBylines is q without the names among names that bylines hold.
func withoutBylines(q string, names []Name, bylines map[string]bool) string {
	for _, n := range names {
		if allIn(n.Stems, bylines) {
			q = strings.Replace(q, n.Text, " ", 1)
		}
	}
	return q
}
