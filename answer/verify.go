package answer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"

	"github.com/footnote-dev/footnote/retrieval"
)

// Verification thresholds, tuned on testdata/eval.jsonl with the simulated
// model in llm_sim_test.go and on testdata/replies.jsonl (never on
// testdata/replies_holdout.jsonl).
const (
	// minSupport is the IDF-weighted share of a sentence's content words
	// that its cited paragraph must contain for the citation to stand.
	minSupport = 0.5
	// minPartSupport is the share a paragraph must cover when a sentence
	// cites several: each may support part of it, provided together they
	// cover minSupport.
	minPartSupport = 0.25
	// minMarginal is what a partly supporting citation must add to the
	// others' coverage of its sentence to stand.
	minMarginal = 0.1
	// maxCitedNumber bounds a range such as [1-9999] so parsing stays cheap.
	maxCitedNumber = 99
)

// Reason says why the verifier kept or removed a sentence. Its string
// form is part of the JSON of `ask --json` ("verification").
type Reason string

// Reasons, in the order the checks run: the first that fails is given.
const (
	// ReasonSupported: kept.
	ReasonSupported Reason = "supported"
	// ReasonRefusal: the sentence says the sources do not answer (a
	// refusal, or an absence claim such as "the sources do not say when").
	ReasonRefusal Reason = "refusal"
	// ReasonNoCitation: the sentence cites nothing.
	ReasonNoCitation Reason = "no_citation"
	// ReasonUnknownSource: every number it cites names no source given.
	ReasonUnknownSource Reason = "unknown_source"
	// ReasonNoClaim: nothing to check once the markers are gone.
	ReasonNoClaim Reason = "no_claim"
	// ReasonLowCoverage: no cited paragraph holds enough of its words.
	ReasonLowCoverage Reason = "low_coverage"
	// ReasonAttribution: it gives a statement to someone the paragraph
	// does not ("Xi wrote …" where McCreary wrote it).
	ReasonAttribution Reason = "attribution"
	// ReasonName: it names someone or somewhere the paragraph does not, or
	// puts another name where the paragraph has one ("Chinese embassy"
	// against "Russian embassy").
	ReasonName Reason = "name_missing"
	// ReasonSwapped: the paragraph sentence that says what it says gives
	// it to someone else ("Beijing pushed for…" where Moscow did).
	ReasonSwapped Reason = "name_swapped"
	// ReasonNumber: it states a number the paragraph does not ("twenty"
	// against 15).
	ReasonNumber Reason = "number_missing"
	// ReasonPolarity: it affirms what the paragraph negates, or the reverse.
	ReasonPolarity Reason = "polarity"
	// ReasonSpeculative: it states as done what the paragraph says only
	// may happen.
	ReasonSpeculative Reason = "speculative"
	// ReasonOffQuestion: supported, but it does not address the question:
	// a cited non-answer.
	ReasonOffQuestion Reason = "off_question"
	// ReasonJudge: the LLM judge found it unsupported (FOOTNOTE_VERIFY=llm).
	ReasonJudge Reason = "judge_unsupported"
)

// SentenceCheck is the verifier's decision on one sentence of an LLM
// reply. Its JSON form is one entry of "verification" in `ask --json`.
type SentenceCheck struct {
	// Sentence is the sentence as the model wrote it, markers normalised.
	Sentence string `json:"sentence"`
	Kept     bool   `json:"kept"`
	Reason   Reason `json:"reason"`
	// Detail names what failed: the missing name or number, the speaker.
	Detail string `json:"detail,omitempty"`
	// Cited are the source numbers the model wrote: ranks in "retrieved".
	Cited []int `json:"cited"`
	// Citations are the sentence's markers in the final answer; empty when
	// it was removed.
	Citations []int `json:"citations"`
	// Judge is the LLM judge's verdict, "supported" or "unsupported", when
	// it gave one.
	Judge string `json:"judge,omitempty"`

	// kept are the supported source numbers; gap the whitespace before.
	kept []int
	gap  string
}

// Verified is an LLM reply after the verifier has checked it.
type Verified struct {
	// Text keeps the sentences with at least one supported citation, their
	// markers renumbered 1..n in order of first use.
	Text string
	// Citations lists exactly the sources Text cites, by new number.
	Citations []Citation
	// Dropped counts the citation markers removed: those naming no
	// provided source and those whose source does not support the sentence.
	Dropped int
	// Removed are the sentences taken out.
	Removed []string
	// Sentences holds the decision on every sentence, in reply order.
	Sentences []SentenceCheck
	// provisional is set when a refusal still to come could take the kept
	// text back (see refusedAfterContext): a stream shows none of it yet.
	provisional bool
}

// Verify checks every sentence of an LLM reply to question against the
// paragraphs it was given (sources[n-1] is [n]), using stats' IDF weights,
// and assembles what survives. Each sentence is decided on its own words,
// its cited paragraphs, the question and the corpus statistics — never on
// the sentences after it, but for one that only lacked the kind of answer
// asked, which a later answering sentence brings back as its context — so
// verifying a growing prefix of a reply gives a growing prefix of the
// verified text. The one exception takes text back: a later uncited
// refusal saying that what was asked is missing makes the reply an
// abstention (refusedAfterContext); a stream shows no text that could
// still be taken back so. The checks, in order:
//
//   - a sentence saying the sources do not answer is a refusal, never a
//     claim (see isRefusal);
//   - markers are read in any common style ([1], [1, 3], [1][3], [1-3],
//     [Source 2], (Source 2), [^2], 【2】) and numbers naming no source
//     dropped;
//   - a citation stands when its paragraph holds at least minSupport of
//     the sentence's content words (IDF-weighted), or, when the sentence
//     cites several, minPartSupport with the kept ones covering minSupport
//     together;
//   - a speaker ("X said") must be named in the kept paragraphs, and be the
//     one the matching paragraph sentence quotes;
//   - every name must be there too (or in the question), unless it is
//     context the corpus knows and no other name stands in its place;
//     every number must be there (digits or words, "fifteen" = 15);
//   - the sentence must not affirm what its matching paragraph clause
//     negates, or the reverse, nor state as done what it says may happen;
//   - before these, it must address the question (see focus.addressedBy):
//     a sentence its paragraphs cover that does not is a cited non-answer,
//     whatever else is wrong with it;
//   - after a reply opens with a refusal, nothing it says is kept (see
//     contextAfterRefusal), nor before one that says what was asked is
//     missing (refusedAfterContext);
//   - the kept citations are renumbered 1..n in order of first use.
func Verify(question, text string, sources []retrieval.Result, stats analysis.TermStats) Verified {
	f := newFocus(question, stats).withoutBylines(sources)
	for _, r := range sources {
		f.retrieved = append(f.retrieved, r.Text)
	}
	f = f.withParts(sources)
	var checks []SentenceCheck
	for _, s := range splitAnswer(normalizeMarkers(text)) {
		c := decide(f, s.text, sources, stats)
		c.gap = s.gap
		checks = append(checks, c)
	}
	contextAfterRefusal(checks)
	keepContextOfAnAnswer(f, checks, sources, stats)
	provisional := refusedAfterContext(f, checks)
	v := assemble(checks, sources)
	v.provisional = provisional
	return v
}

// refusedAfterContext takes back what a reply kept when an uncited
// refusal in it names the thing the question asks about and no kept
// sentence supplies it: "Kim marked Putin's birthday with a message [1].
// There's no mention of any gift, though." answers no "What gift did Kim
// send?" by the model's own account. A question of several parts ("…,
// and what is his salary?") is refused only when each part is: a reply
// that answers one part and says the articles lack the other keeps its
// answer. A cited absence claim is about one paragraph, not the reply,
// and does not count. It reports whether a refusal still to come could
// take the kept text back — no part of the question answered yet, nor a
// typed question answered with its type — so that a stream holds such
// text back instead of showing what may end as an abstention.
func refusedAfterContext(f focus, checks []SentenceCheck) (provisional bool) {
	var refusals []map[string]bool
	supplied := map[string]bool{}
	for _, c := range checks {
		switch {
		case c.Reason == ReasonRefusal && len(c.Cited) == 0:
			refusals = append(refusals, refusalStems(c.Sentence))
		case c.Kept:
			for st := range analysis.StemSet(c.Sentence) {
				supplied[st] = true
			}
		}
	}
	if len(supplied) == 0 {
		return false
	}
	switch missing := f.anchorsMissing(checks); {
	case len(missing) > 0 && slices.ContainsFunc(refusals, func(r map[string]bool) bool { return namesAny(r, missing) && f.sharesATerm(r) }):
		for i, c := range checks {
			if c.Kept {
				checks[i] = c.remove(ReasonOffQuestion, "the reply says what was asked is missing")
			}
		}
		return false
	case len(missing) > 0:
		// A refusal naming what the kept text lacks could take it back,
		// and so could one refusing the focus, read below.
		provisional = true
	}
	if f.asksType() && slices.ContainsFunc(checks, func(c SentenceCheck) bool { return c.Kept && f.typed(claimOf(c.Sentence)) }) {
		return provisional // "Who sat next to Kim?" answered with a name stands, whatever else is missing
	}
	parts := questionParts(f.question)
	if len(parts) == 0 {
		return provisional
	}
	refusedStems := map[string]bool{}
	for _, r := range refusals {
		refusedStems = merge(refusedStems, r)
	}
	refused := len(refusals) > 0
	for _, part := range parts {
		missing := append(missingAsked(part, supplied, refusedStems), reasonMissing(part, checks)...)
		missing = append(missing, verbMissing(part, supplied)...)
		if len(missing) == 0 {
			return provisional // a part's focus is there: no refusal of it can take the reply back
		}
		refused = refused && slices.ContainsFunc(missing, func(st string) bool {
			return slices.ContainsFunc(refusals, func(r map[string]bool) bool { return r[st] })
		})
	}
	if !refused {
		return true // a refusal still to come could take it back
	}
	for i, c := range checks {
		if c.Kept {
			checks[i] = c.remove(ReasonOffQuestion, "the reply says what was asked is missing")
		}
	}
	return false
}

// anchorsMissing are the stems of the question's owners and numbers
// ("China" of "China's parade", "the Beijing parade", "2015") that no
// kept sentence holds, by name, alias or seat ("Beijing" holds China). A
// refusal naming one of them takes the kept text back: after "For Moscow's Victory Day parade this year, delegations
// from 27 countries attended [1]", "I therefore can't say how many
// countries were represented in Beijing." says, by the model's own
// account, that its count is for another parade than China's in 2015.
func (f focus) anchorsMissing(checks []SentenceCheck) [][]string {
	var kept []nameIndex
	keptStems := map[string]bool{}
	for _, c := range checks {
		if c.Kept {
			kept = append(kept, newNameIndex(claimOf(c.Sentence), f.stats))
			keptStems = merge(keptStems, analysis.StemSet(claimOf(c.Sentence)))
		}
	}
	var out [][]string
	q := strings.ToLower(typographic.Replace(f.question))
	for _, n := range f.names {
		// Only an owner ("China's parade") anchors the thing asked; a
		// name elsewhere in the question ("Who did Kim sit next to?") an
		// answer need not repeat, and holding back every answer that
		// does not would stop most streams.
		if (strings.Contains(q, n.raw[len(n.raw)-1]+"'s ") || attributive(q, n) || f.isAskedActor(n)) && !slices.ContainsFunc(kept, func(ix nameIndex) bool { return ix.has(n) }) {
			out = append(out, anchorStems(n))
		}
	}
	for _, t := range analysis.Tokens(f.question) {
		if hasDigit(t) && !keptStems[t] {
			out = append(out, []string{t})
		}
	}
	return out
}

// attributive reports whether the question, in lower case, puts n
// between "the" and a noun, as owners do: "the Beijing military parade"
// is Beijing's parade, "the Russian embassy" Russia's.
func attributive(q string, n name) bool {
	ws := splitWords(q)
	for i := 1; i+len(n.raw) < len(ws); i++ {
		next := ws[i+len(n.raw)]
		if ws[i-1].text == "the" && wordsAt(ws, i, n.tokens) && !next.broken && !analysis.IsStop(next.text) {
			return true
		}
	}
	return false
}

// isAskedActor reports whether n is the subject of the question's verb
// ("Xi" in "What did Xi Jinping write…?"): an answer that never names
// whom it is about, beside a refusal that does, is about someone else.
func (f focus) isAskedActor(n name) bool {
	m := askedActor.FindStringSubmatch(typographic.Replace(f.question))
	if m == nil {
		return false
	}
	for _, w := range splitWords(m[2]) {
		if slices.Contains(n.tokens, fold(w.lower())) {
			return true
		}
	}
	return false
}

// anchorStems are the stems a sentence naming n holds: its own, and its
// seats' ("Beijing" for China).
func anchorStems(n name) []string {
	var out []string
	for _, t := range n.tokens {
		out = append(out, analysis.Stem(t))
		for _, s := range seats[t] {
			out = append(out, analysis.Stem(s))
		}
	}
	return out
}

// sharesATerm reports whether stems, a refusal's, hold one of the
// question's own content words besides its names: a refusal of the
// thing asked ("how many countries were represented in Beijing"), not of
// something else the reply adds ("The article does not explain why China
// tolerates North Korea's existence" after an answer to how far the threat
// is from Beijing).
func (f focus) sharesATerm(stems map[string]bool) bool {
	return slices.ContainsFunc(f.terms, func(t string) bool { return !analysis.IsStop(t) && stems[t] })
}

// namesAny reports whether stems, a sentence's, hold a word of one of
// the anchors.
func namesAny(stems map[string]bool, anchors [][]string) bool {
	return slices.ContainsFunc(anchors, func(a []string) bool {
		return slices.ContainsFunc(a, func(st string) bool { return stems[st] })
	})
}

// missingAsked are the words of a question part's focus — the thing it
// asks about: "gift" in "What gift…", "date" in "On what date…" — that no
// kept sentence supplies, directly, by a related word or a near vector
// ("luncheon" supplies "lunch"). A refusal in the reply naming one takes
// the kept text back, whether or not the paragraphs the model read use
// the word: after "China was looking into North Korea's possible role in
// the Sony hack [1]", "The sources say nothing about China imposing
// sanctions" refuses "What sanctions did Beijing impose…?" by the model's
// own account, though the paragraphs speak of sanctions elsewhere. Until
// the reply ends, a kept text lacking the focus is held, as such a
// refusal may still come. A near vector is an association, not a synonym
// ("barrel" is near "oil"): it does not supply a focus word a refusal in
// the reply names outright (refused, the refusals' stems), as in "it
// gives no volumes, so the annual number of barrels isn't stated". A
// question with no noun focus ("Did Park accept?", "Why …") has none, and
// is never taken back.
func missingAsked(part string, supplied, refused map[string]bool) []string {
	var out []string
	for _, st := range analysis.Tokens(strings.Join(QuestionFocus(part).Words, " ")) {
		if supplied[st] || !refused[st] && analysis.Similarity(st, supplied) >= minBridge ||
			slices.ContainsFunc(analysis.Related(st), func(r string) bool { return supplied[r] }) {
			continue
		}
		out = append(out, st)
	}
	return out
}

// questionPart splits a question of several parts at ", and what…" or a
// second question mark.
var questionPart = lazyregexp.New(`(?i)\?\s+|,?\s+and\s+(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|has|have)\b`)

func questionParts(q string) []string {
	var out []string
	for _, p := range questionPart.Split(q, -1) {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// detailUntyped marks a sentence removed as off the question only for
// lacking the kind of answer asked for (a date for "when").
const detailUntyped = "holds no answer of the kind asked"

// detailPremise marks a sentence removed as off the question because it
// says what the question takes as given the other way round.
const detailPremise = "denies what the question takes as given"

// detailOnlyOfAnother marks a sentence removed as off the question because
// it says what the sources hold only of something else.
const detailOnlyOfAnother = "says the sources hold it only of something else"

// onlyOfAnother matches a sentence that says what the sources hold of the
// thing asked only for something else: "The only export figure in the
// sources concerns China…", "The sources give a delegation count only for
// Russia's Victory Day parade…". True and cited, and by its own words no
// answer to what was asked of Russia, or of Beijing's parade.
var onlyOfAnother = lazyregexp.New(`(?i)\bthe\s+only\b[^.;]{0,60}?\b(?:in|from|across)\s+(?:the|these|those|any\s+of\s+the)\s+` + sourceNoun + `\b|\b` + sourceNoun + `\s+(?:give|gives|provide|provides|offer|offers|have|has|contain|contains)\b[^.;]{0,60}?\bonly\s+(?:for|about|of|on)\b`)

// keepContextOfAnAnswer keeps, in a reply that answers, the sentences
// removed only for lacking the kind of answer asked: "Kim and Putin signed
// the treaty in June [1]. It restored Soviet-era commitments [1]." The
// second gives no date, but beside the one that does it is context, not a
// non-answer; every other check still applies to it. A reply none of
// whose sentences answers keeps none of them, so a cited non-answer to an
// unanswerable question still ends in an abstention.
//
// A sentence that refers back to the one kept just before it ("Her
// presence was read as…" after "Kim's daughter accompanied him [1].")
// elaborates on that answer, and is context too, whatever words it shares
// with the question.
func keepContextOfAnAnswer(f focus, checks []SentenceCheck, sources []retrieval.Result, stats analysis.TermStats) {
	if !slices.ContainsFunc(checks, func(c SentenceCheck) bool { return c.Kept }) {
		return
	}
	for i, c := range checks {
		if c.Reason != ReasonOffQuestion {
			continue
		}
		switch {
		case c.Detail == detailUntyped:
			checks[i] = decideAgain(f.untyped(), c, sources, stats)
		case c.Detail == "" && i > 0 && checks[i-1].Kept && opensByReferring(c.Sentence),
			c.Detail == "" && f.opensWithAskedName(c.Sentence) && slices.ContainsFunc(checks[:i], func(c SentenceCheck) bool { return c.Kept }):
			checks[i] = decideAgain(f.asContext(), c, sources, stats)
		}
	}
}

func decideAgain(f focus, c SentenceCheck, sources []retrieval.Result, stats analysis.TermStats) SentenceCheck {
	again := decide(f, c.Sentence, sources, stats)
	again.gap = c.gap
	return again
}

// demonstratives open a sentence that speaks of what the one before it
// said, as a pronoun opens one that speaks of whom it named.
var demonstratives = setOf("this", "that", "these", "those", "such")

// opensWithAskedName reports whether a sentence opens with a name the
// question asks about, by name or alias: "Pinkston also cautioned that
// …" after a kept answer to "What did Daniel Pinkston say…?", "Kim Jong
// Il is also remembered for Juche" after "Kim Jong Il died in 2011".
// What follows an answer about the same party elaborates on it.
func (f focus) opensWithAskedName(sentence string) bool {
	ws := splitWords(sentence)
	ns := namesIn(ws, func(string) bool { return true }, f.stats)
	return len(ns) > 0 && ns[0].start == 0 && f.index.has(ns[0])
}

// opensByReferring reports whether a sentence opens with a word that
// refers to the sentence before it: "Her presence…", "This reflects…".
func opensByReferring(sentence string) bool {
	ws := splitWords(sentence)
	return len(ws) > 0 && (pronouns[ws[0].lower()] || demonstratives[ws[0].lower()])
}

// contextAfterRefusal removes what a reply says after opening with an
// uncited refusal: "I couldn't find the fake name in the sources. They mention
// only that Kim lived under one at a Swiss school [1]." By its own
// account the model has not answered, and the related facts it offers
// are cited non-answers, however well supported. A refusal after a kept
// claim is a caveat ("…; the sources say nothing more") and leaves the
// claim alone.
func contextAfterRefusal(checks []SentenceCheck) {
	for i, c := range checks {
		if c.Kept {
			return
		}
		if c.Reason != ReasonRefusal || len(c.Cited) > 0 {
			// A cited absence claim ("The sources do not say at what hour
			// [1]") speaks of one paragraph, and is wrong about it when a
			// claim after it states the hour: it does not end the reply.
			continue
		}
		for j := i + 1; j < len(checks); j++ {
			if checks[j].Kept {
				checks[j] = checks[j].remove(ReasonOffQuestion, "after a refusal")
			}
		}
		return
	}
}

// assemble builds the verified text and citations from the decisions.
func assemble(checks []SentenceCheck, sources []retrieval.Result) Verified {
	v := Verified{Sentences: checks, Citations: []Citation{}}
	renumber := map[int]int{}
	var out strings.Builder
	for i := range v.Sentences {
		c := &v.Sentences[i]
		c.Citations = []int{}
		v.Dropped += len(c.Cited) - len(c.kept)
		if !c.Kept {
			v.Removed = append(v.Removed, c.Sentence)
			continue
		}
		for _, n := range c.kept {
			if _, ok := renumber[n]; !ok {
				renumber[n] = len(renumber) + 1
				v.Citations = append(v.Citations, citationOf(renumber[n], sources[n-1]))
			}
			c.Citations = append(c.Citations, renumber[n])
		}
		if out.Len() > 0 {
			out.WriteString(c.gap)
		}
		out.WriteString(rewriteMarkers(c.Sentence, c.kept, renumber))
	}
	v.Text = out.String()
	return v
}

// decide checks one sentence.
func decide(f focus, sentence string, sources []retrieval.Result, stats analysis.TermStats) SentenceCheck {
	c := SentenceCheck{Sentence: strings.TrimSpace(sentence), Cited: citedNumbers(sentence)}
	if c.Cited == nil {
		c.Cited = []int{}
	}
	claim := strings.TrimSpace(claimOf(sentence))
	var valid []int
	for _, n := range c.Cited {
		if n >= 1 && n <= len(sources) {
			valid = append(valid, n)
		}
	}
	switch {
	case isRefusal(sentence):
		return c.remove(ReasonRefusal, "")
	case len(c.Cited) == 0:
		return c.remove(ReasonNoCitation, "")
	case len(valid) == 0:
		return c.remove(ReasonUnknownSource, "")
	}
	framed := withoutFraming(inTheCorpusWords(numberWordsAsDigits(claim)))
	words := analysis.NewQuestion(framed, stats)
	if words.IsEmpty() {
		return c.remove(ReasonNoClaim, "")
	}
	kept := coverageSupport(words, claim, valid, sources)
	if bare := withoutCues(framed); len(kept) == 0 && bare != framed {
		// the paragraph need not hold the cue words, though it may
		kept = coverageSupport(analysis.NewQuestion(bare, stats), claim, valid, sources)
	}
	if len(kept) == 0 {
		return c.remove(ReasonLowCoverage, "")
	}
	paras := make([]string, len(kept))
	for i, n := range kept {
		paras[i] = sources[n-1].Text
	}
	if addedActUncovered(framed, claim, paras, stats) {
		return c.remove(ReasonLowCoverage, "")
	}
	if onlyOfAnother.MatchString(claim) {
		return c.remove(ReasonOffQuestion, detailOnlyOfAnother)
	}
	if !f.addressedByAny(claim, paras) {
		// Drawn from its paragraphs but not about the question: a cited
		// non-answer, whatever else may be wrong with it; a reply of them
		// is an abstention.
		detail := ""
		if !f.anyType && f.untyped().addressedBy(claim, paras) {
			detail = detailUntyped
		}
		return c.remove(ReasonOffQuestion, detail)
	}
	if premiseReversed(f.question, []quotedSentence{{text: claim, paragraph: claim}}) {
		// "Xi's July trip was to South Korea" for "Why did Xi visit
		// Pyongyang in July?": true, cited, and no answer to a question
		// whose premise it denies.
		return c.remove(ReasonOffQuestion, detailPremise)
	}
	var bylines, writers []string
	for _, n := range kept {
		r := sources[n-1]
		bylines = append(bylines, strings.Join([]string{r.Publisher, r.Author, r.Title}, "\n"))
		writers = append(writers, r.Publisher+"\n"+r.Author)
	}
	cited := make([]string, len(valid))
	for i, n := range valid {
		cited[i] = sources[n-1].Text
	}
	if reason, detail := checkClaim(f, claim, paras, cited, claimSources{bylines, writers}, stats); reason != "" {
		return c.remove(reason, detail)
	}
	if y, bad := redatedYear(claim, kept, sources); bad {
		return c.remove(ReasonNumber, strconv.Itoa(y))
	}
	c.Kept, c.Reason, c.kept = true, ReasonSupported, kept
	return c
}

// cueWords negate or set clauses against each other, which the polarity
// check reads, or refer back ("the two" for the pair just named): a
// paragraph covers a claim without them. "Xi has neither been to
// Pyongyang nor asked Kim to visit Beijing" is as covered by "Xi has not
// visited Pyongyang" as its "not" would be, where a rare "neither" would
// weigh as much as "Pyongyang". A paragraph that holds them ("the two
// Koreas") still gets their credit: coverage is read without them only
// when it fails with them.
var cueWords = lazyregexp.New(`(?i)\b(?:neither|never|none|nothing|without|cannot|either|however|although|whereas|yet)\b|\bthe two\b`)

func withoutCues(claim string) string { return cueWords.ReplaceAllString(claim, " ") }

// framing matches the words a sentence opens with, or sets off by
// commas, that frame its claim rather than make it: "By contrast, he
// noted, …", "Officially, …", "In the author's view, the real story is
// that …". A paragraph has no reason to repeat them, so they do not count
// against its support.
var framing = lazyregexp.New(`(?i)^\W*(?:(?:by|in) contrast|officially|notably|meanwhile|in short|in other words|overall|in fact|indeed|apparently|it (?:seems|appears)(?: that)?|in (?:the|this) (?:author|writer|article|piece|report)['’]s view|in (?:the|this) (?:author|writer)['’]s (?:words|telling)|according to the (?:article|author|piece|report|sources?|writer)|the (?:articles?|sources?|piece|report|author|writer) (?:says?|notes?|adds?|explains?|argues?|suggests?|contends?|writes?|points? out|uses (?:this|that|it) to (?:argue|suggest|show)) that)\b|,\s*(?:he|she|they|it|the (?:author|writer|article))\s+(?:noted|notes|added|adds|said|says|wrote|writes|argued|argues|explained|explains),|\bthe real (?:story|reason|point|issue) (?:is|was) that\b` +
	// an answer to a yes/no question before its claim: "Yes — …", "No, …"
	`|^\W*(?:yes|no)\b\s*[—–,:-]` +
	// a point of view, or the article's way of putting it: "Seen from
	// Putin's side, …", "The article presents this as …"
	`|^\W*(?:(?:seen|viewed|looked at)\s+)?from\s+[\w'’ -]{1,30}?\s(?:side|perspective|point of view|standpoint|vantage point),` +
	`|^\W*based on the (?:articles?|sources?|passages?|text),` +
	`|\bthe (?:articles?|author|piece|report|writer|coverage) (?:presents?|frames?|portrays?|casts?|characteri[sz]es|depicts?|treats?|sees|views?|reads?|interprets?) (?:this|it|that|these|them)(?: [a-z]+)? as\b` +
	// an inference the sentence draws from what follows: "This is a
	// reversal, since …"
	`|^\W*(?:this|that|it) (?:is|was|marks|marked|represents|represented) an? [\w-]+(?: [\w-]+)?,? (?:since|because|as|given that)\b` +
	// which source says it: "Another article likewise describes …",
	// "Both reports note that …"
	`|^\W*(?:the|an?other|one|both|all|a second|the (?:other|same|first|second|third|latest))\s+(?:articles?|sources?|pieces?|reports?|stor(?:y|ies)|accounts?)\s+(?:(?:also|likewise|similarly|too|further)\s+)?(?:describes?|calls?|says?|notes?|reports?|characteri[sz]es|portrays?|paints?|depicts?|mentions?|states?|confirms?|adds?)(?:\s+that)?\b` +
	// a reporting verb of the author's: "…, arguing that …"
	`|,?\s*\b(?:arguing|noting|contending|insisting|suggesting|explaining|adding)\s+that\b` +
	`|^\W*(?:the (?:author|writer)|he|she)\s+(?:does not|doesn't)\s+(?:buy|accept|believe)\s+(?:this|that|it)(?:\s+\w+)?\b`)

// withoutFraming is claim without its framing words (see framing), and
// with "n't" as "not", so that "hasn't" adds no word "hasn" the paragraph's
// "has not" lacks.
func withoutFraming(claim string) string {
	claim = strings.NewReplacer("n't", " not", "n’t", " not").Replace(claim)
	return framing.ReplaceAllString(claim, " ")
}

func (c SentenceCheck) remove(r Reason, detail string) SentenceCheck {
	c.Kept, c.Reason, c.Detail, c.kept = false, r, detail, nil
	return c
}

// claimSources are what a claim's covering paragraphs' articles say of
// themselves: bylines (publisher, author and title) and writers (publisher
// and author).
type claimSources struct{ bylines, writers []string }

// checkClaim runs the checks beyond coverage on a claim and the paragraphs
// that cover it, whose articles are described by src; it returns the
// first failure. Polarity reads every paragraph the claim cites (cited),
// not only those that cover it: a clause may
// draw on one that shares too little of the whole sentence to count as
// its support ("…, even though Putin has since invited him to the Russian
// capital [1][2]"), and so may a clause that contradicts it.
func checkClaim(f focus, claim string, paras, cited []string, src claimSources, stats analysis.TermStats) (Reason, string) {
	if who, bad := attributionFails(claim, f.question, paras, src.bylines, stats); bad {
		return ReasonAttribution, who
	}
	if n, bad := missingName(f, claim, paras, src.writers, stats); bad {
		return ReasonName, n
	}
	if n, bad := swappedSubject(claim, paras, stats); bad {
		return ReasonSwapped, n
	}
	if k, bad := swappedKin(claim, paras); bad {
		return ReasonSwapped, k
	}
	if w, bad := reversedMovement(claim, paras); bad {
		return ReasonSwapped, w
	}
	if v, bad := missingNumber(claim, append(paras, f.question)); bad {
		return ReasonNumber, formatNumber(v)
	}
	if r := polarityConflict(claim, cited, stats); r != "" {
		return r, ""
	}
	return "", ""
}

// missingName returns the first name of claim its paragraphs do not
// support (see Verify). A name the cited articles' writers hold — their
// publisher or author — is theirs: "which TIME cited as a sign of warming
// ties" names the article's own publisher, which no paragraph repeats.
func missingName(f focus, claim string, paras, writers []string, stats analysis.TermStats) (string, bool) {
	ix := newNameIndex(joinLines(paras), stats)
	claim = withoutFraming(claim) // "Officially North Korea blamed…" names North Korea
	ws := splitWords(claim)
	sentence := newNameIndex(claim, stats)
	var plain *nameIndex // the paragraphs' names without the seats of their countries
	var byline *nameIndex
	for _, n := range namesIn(ws, func(low string) bool { return ix.caps[fold(low)] }, stats) {
		if !ix.has(n) && len(writers) > 0 {
			if byline == nil {
				built := newNameIndex(joinLines(writers), stats)
				byline = &built
			}
			if byline.has(n) {
				continue
			}
		}
		if ix.has(n) {
			if plain == nil {
				built := buildNameIndex(joinLines(paras), stats, false)
				plain = &built
			}
			if !plain.has(n) && ix.rivals(n, ws, sentence) {
				// Supported only as a country's capital ("Moscow" for the
				// "Russia" of "Carnegie Russia Eurasia Center"), where the
				// paragraph names another in its place ("… in Berlin").
				return n.String(), true
			}
			if ix.relativeAt(n, ws, sentence) {
				// "a mantra of Kim Jong Un" against "a mantra of Kim Jong
				// Il, the father of the current North Korean leader": the
				// paragraph's "Kim" elsewhere is no support for the son.
				return n.String(), true
			}
			if isSeat(n) && ix.rivalSubject(n, ws, buildNameIndex(claim, stats, false)) {
				// Named, but elsewhere: "It was the Chinese who confirmed"
				// against "the Russians confirmed …, before … the leadership
				// of China". The sentence's own names are read without
				// seats here, so its "Moscow" does not excuse the Russians.
				return n.String(), true
			}
			continue
		}
		if f.index.has(n) {
			// A name the question asks about may stand as context the
			// paragraph leaves implicit, but not where the paragraph puts
			// another in its place: "talks with Xi" against "talks with
			// Putin", asked of Xi.
			if ix.contrasts(n, ws, sentence) {
				return n.String(), true
			}
			continue
		}
		if f.unknown(n.raw) || !asContext(ws, n) || ix.rivals(n, ws, sentence) {
			return n.String(), true
		}
	}
	return "", false
}

// contextWords introduce a name as a setting rather than an actor: "at
// the Victory Day parade", "in Beijing", "to the Russian capital".
var contextWords = setOf("the", "a", "an", "in", "at", "to", "from", "of", "during", "after", "before", "for", "on",
	"into", "near", "across", "around", "outside", "inside", "toward", "towards", "via", "through", "with", "by")

// asContext reports whether a name the paragraph lacks may still stand as
// context the model added: only after a preposition or article. A missing
// name as the subject ("China joined Russia in vetoing …") is a claim.
func asContext(ws []word, n name) bool {
	return n.start > 0 && !ws[n.start].broken && contextWords[ws[n.start-1].lower()]
}

// coverageSupport returns the cited numbers whose paragraphs cover the
// claim's words, in citing order (see Verify).
func coverageSupport(words analysis.Question, claim string, valid []int, sources []retrieval.Result) []int {
	para := make(map[int]map[string]bool, len(valid))
	for _, n := range valid {
		text := sources[n-1].Text
		para[n] = withNameForms(withDigits(analysis.StemSet(text), text), claim, text)
		// its byline is the source's too: "Charlie Campbell writes that …"
		para[n] = merge(para[n], bylineStems(sources[n-1:n]))
	}
	var kept []int
	for _, n := range valid {
		s := words.Coverage(para[n])
		if s >= minSupport || (len(valid) > 1 && s >= minPartSupport) {
			kept = append(kept, n)
		}
	}
	kept = withoutPassengers(words, kept, para)
	if len(kept) > 0 && words.Coverage(unionOf(kept, para)) < minSupport {
		return nil
	}
	return kept
}

// withoutPassengers drops a partly supporting citation that adds nothing
// the sentence needs beyond the other kept ones: in "Kim went to the
// embassy [1][4]", [4] sharing "Kim" with the sentence is no support when
// [1] already covers it all.
func withoutPassengers(words analysis.Question, kept []int, para map[int]map[string]bool) []int {
	var out []int
	for i, n := range kept {
		if words.Coverage(para[n]) >= minSupport {
			out = append(out, n)
			continue
		}
		others := unionOf(append(append([]int(nil), kept[:i]...), kept[i+1:]...), para)
		if words.Coverage(merge(merge(nil, others), para[n]))-words.Coverage(others) >= minMarginal {
			out = append(out, n)
		}
	}
	return out
}

func unionOf(ns []int, para map[int]map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, n := range ns {
		u = merge(u, para[n])
	}
	return u
}

func merge(into, from map[string]bool) map[string]bool {
	if into == nil {
		into = map[string]bool{}
	}
	for k := range from {
		into[k] = true
	}
	return into
}
