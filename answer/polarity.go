package answer

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// Negation: syntactic cues, and verbs and nouns that negate by meaning
// ("declined", "absence"), as stems.
var (
	negationWords = setOf("not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot")
	negationStems = setOf("declin", "refus", "reject", "deni", "deny", "skip", "snub", "absenc", "absent", "fail",
		"avoid", "miss", "ignor", "omit", "lack", "unabl", "abstain", "boycott", "cancel", "rebuf", "spurn", "shun",
		"instead", "halt", "withdrew", "withdraw", "dismiss", "renege", "rather", "away", "refrain", "forgo", "forwent")
	// negationPhrases negate as two words, the stems of a verb and its
	// particle: "held back from an assessment" is "declined to offer" one.
	// The particle may come after the object: "turned the request down".
	negationPhrases = setOf("hold back", "held back", "turn down", "pass up", "stop short", "opt out", "stay away", "play down", "leav out")
	// contrastStems negate only what their "of" or "than" introduces:
	// "instead of Moscow" negates Moscow, while "instead placing the
	// Secretary General beside him" affirms the placing.
	contrastStems = setOf("instead", "rather")
	// determinerNegations negate the noun phrase after them, which ends at
	// a preposition or a conjunction: "had no official schedule upon
	// arriving" does not deny the arrival.
	determinerNegations = setOf("no", "none")
	// phraseEnds end a noun phrase.
	phraseEnds = setOf("upon", "on", "at", "in", "to", "from", "by", "with", "after", "before", "during", "for",
		"and", "or", "but", "as", "when", "while", "because", "since", "though", "although", "that", "which", "who")
	// subordinators open a clause of their own that a negation before
	// them does not reach: "has never visited a foreign country since
	// taking over North Korea" does not deny the taking over. (governs
	// stops at a contrast word too: "turned down the invitation and
	// instead visited the embassy" affirms the visit.)
	subordinators = setOf("since", "because", "after", "before", "when", "while", "until", "following", "although",
		"though", "unless", "whereas")
	// predicateStarts end the scope of a negating noun at its verb: "his
	// absence was due to a domestic schedule" does not deny the schedule.
	predicateStarts = setOf("is", "was", "were", "are", "am", "has", "have", "had", "will", "would", "came", "comes")
	// speculation on the paragraph's side: it says a thing may happen.
	// Not "scheduled" or "expected": a date set for an event may be
	// stated as a fact ("the anniversary falls on Oct. 10").
	speculationWords = setOf("will", "would", "may", "might", "could", "possibility", "possible", "possibly",
		"potential", "potentially", "likely", "speculation", "rumors", "rumours", "if", "whether", "perhaps",
		"probably", "prospect", "seeking", "seeks", "trying", "tries", "attempting", "attempts")
	// demandWords before "for" ask for a thing, which is not to have it:
	// "calling for a sunset clause", "pressing for talks". On the
	// sentence's side they hedge (hedgeWords).
	demandWords = setOf("calling", "calls", "called", "call", "pushing", "pushes", "pushed", "pressing", "presses",
		"pressed", "asking", "asks", "asked", "lobbying", "lobbied")
	// hedges on the sentence's side: it does not claim the thing happened.
	hedgeWords = setOf("will", "would", "may", "might", "could", "can", "possibility", "possible", "possibly",
		"potential", "potentially", "likely", "unlikely", "expected", "expects", "expect", "scheduled", "schedule",
		"plans", "plan", "planned", "planning", "intends", "intend", "intended", "speculation", "speculated",
		"rumors", "rumours", "rumored", "if", "whether", "perhaps", "probably", "prospect", "due", "set", "slated",
		"upcoming", "future", "reportedly", "allegedly", "suggest", "suggests", "suggested", "say", "says", "said",
		"according", "believed", "believe", "claimed", "claims", "predicted", "predict", "hope", "hopes", "hoped",
		"aim", "aims", "aimed", "seek", "seeks", "seeking", "sought", "looking", "look", "trying", "try", "invited", "invitation", "proposed", "raise", "raises")
)

// certaintyWords on the sentence's side settle what a hedge would leave
// open: "have confirmed they will attend" claims more than the
// paragraph's "may attend".
var certaintyWords = setOf("confirmed", "confirms", "confirm", "announced", "announces", "agreed", "agrees",
	"committed", "guaranteed", "definitely", "certainly", "officially", "finalised", "finalized", "already")

// clauseBreak splits text into clauses: sentences, and the parts of a
// sentence that "but", "while", "though" or a semicolon set against each
// other.
var clauseBreak = lazyregexp.New(`[.!?;:]+["'”’)]*\s+|\s+-\s+|,?\s+\b(?:but|while|whereas|although|though|yet|however)\b,?\s+`)

func clausesOf(text string) []string {
	text = typographic.Replace(text)
	var out []string
	add := func(c string) {
		if strings.TrimSpace(c) != "" {
			out = append(out, c)
		}
	}
	last := 0
	for _, m := range clauseBreak.FindAllStringIndex(text, -1) {
		if text[m[0]] == '.' && abbreviationEnds(text[last:m[0]]) {
			continue // "a U.N. resolution" goes on
		}
		add(text[last:m[0]])
		last = m[1]
	}
	add(text[last:])
	return out
}

// abbreviationEnds reports whether text ends with a word a period
// abbreviates rather than ends a sentence after: "U.N", "Mr", "Oct" (see
// abbreviations).
func abbreviationEnds(text string) bool {
	i := strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	w := text[i+1:]
	return strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 || abbreviations[strings.ToLower(w)]
}

// clauseCues reports a clause's negation and speculation as they bear on
// the words it shares with the clause it is compared with.
type clauseCues struct{ negated, speculative, hedged, certain bool }

// modalCues read the future a clause states against the possibility
// another grants: "delegations will attend" claims more than "delegations
// may attend".
type modalCues struct{ future, possible, hedgedOtherwise bool }

// futureWords state a future as settled; possibleWords only grant it.
var (
	futureWords   = setOf("will", "shall", "won't")
	possibleWords = setOf("may", "might", "could", "possible", "possibly", "perhaps", "potential", "potentially",
		"likely", "if", "whether", "speculation", "rumors", "rumours", "prospect", "possibility")
)

func modalsOf(clause string) modalCues {
	var m modalCues
	for _, w := range splitWords(strings.ToLower(clause)) {
		switch {
		case futureWords[w.text]:
			m.future = true
		case possibleWords[w.text]:
			m.possible = true
		case hedgeWords[w.text] && w.text != "would":
			m.hedgedOtherwise = true
		}
	}
	return m
}

var unquoted = strings.NewReplacer(`"`, " ")

// firstTime is a first visit, trip or time: a "never before" in other
// words.
var firstTime = lazyregexp.New(`(?i)\bfirst(?:[\s-]+ever)?\s+(?:time|trip|visit|journey)\b|\bfor\s+the\s+first\s+time\b`)

// cueScope is how many words after a negation or speculation cue it
// governs: "never visited a foreign country" negates the visit, not "the
// death of his father" later in the clause.
const cueScope = 6

// cuesOf reads the cues of clause that govern one of the shared stems.
func cuesOf(clause string, shared map[string]bool) clauseCues {
	var c clauseCues
	// A quotation mark ends no cue's reach: "calling for a “sunset
	// clause”" asks for the clause.
	ws := splitWords(unquoted.Replace(strings.ReplaceAll(typographic.Replace(strings.ToLower(clause)), "n't", " not")))
	stems := make([]string, len(ws))
	for i, w := range ws {
		stems[i] = analysis.Stem(w.text)
	}
	for i, w := range ws {
		low := w.text
		c.hedged = c.hedged || hedgeWords[low] || demandWords[low] && i+1 < len(ws) && ws[i+1].text == "for"
		c.certain = c.certain || certaintyWords[low]
		if verb := phrasalNegation(ws, stems, i); verb >= 0 {
			// "turned the request down" negates from its verb on.
			c.negated = c.negated || governs(ws, stems, verb, true, shared)
		}
		lexical := negationStems[stems[i]] && !contrastStems[stems[i]]
		// "instead of Moscow" negates Moscow, not the "instead" a
		// paragraph's "Instead, Kim visited…" shares with it.
		contrast := contrastStems[stems[i]] && i+1 < len(ws) && (ws[i+1].text == "of" || ws[i+1].text == "than")
		if negationWords[low] || lexical || contrast {
			c.negated = c.negated || governs(ws, stems, i, lexical, shared)
		}
		if speculationWords[low] || demandWords[low] && i+1 < len(ws) && ws[i+1].text == "for" {
			c.speculative = c.speculative || governs(ws, stems, i, false, shared)
		}
	}
	return c
}

// particleReach is how many words a phrasal verb's particle may follow
// its verb: "turned the request down".
const particleReach = 3

// phrasalNegation returns the position of the verb when ws[i] is the
// particle of a negating phrasal verb (see negationPhrases) standing at
// most particleReach words after it, within the clause; else -1.
func phrasalNegation(ws []word, stems []string, i int) int {
	for k := i - 1; k >= 0 && k >= i-particleReach && !ws[k+1].broken; k-- {
		if negationPhrases[stems[k]+" "+stems[i]] {
			return k
		}
	}
	return -1
}

// governs reports whether the cue at ws[i] reaches a shared stem within
// cueScope words, stopping at punctuation; a negating verb or noun
// ("declined", "absence") governs itself too.
func governs(ws []word, stems []string, i int, self bool, shared map[string]bool) bool {
	if self && shared[stems[i]] {
		return true
	}
	for j := i + 1; j < len(ws) && j <= i+cueScope && !ws[j].broken; j++ {
		if j > i+1 && determinerNegations[ws[i].text] && phraseEnds[ws[j].text] || self && predicateStarts[ws[j].text] || subordinators[ws[j].text] || j > i+1 && contrastStems[stems[j]] {
			return false
		}
		if shared[stems[j]] {
			return true
		}
	}
	return false
}

// minClauseMatch is the share of a sentence clause's content words its
// best paragraph clause must hold for their polarity to be compared: below
// it the two are not about the same thing.
const minClauseMatch = 0.6

// polarityConflict checks each clause of a claim against the paragraph
// clause that matches it best. It returns ReasonPolarity when one affirms
// what the other negates ("Kim accepted the invitation" against "rejecting
// the invitation"), ReasonSpeculative when the claim states in the past
// what the paragraph says only may happen ("Kim visited Moscow" against
// "Kim will visit Moscow for the first time"), or as settled ("have
// confirmed they will attend" against "may attend"), and "" otherwise. A tie with a
// clause that agrees is agreement.
func polarityConflict(claim string, paragraphs []string, stats analysis.TermStats) Reason {
	if orderReversed(claim, paragraphs) {
		return ReasonPolarity
	}
	var paraClauses []clause
	for _, p := range paragraphs {
		for _, c := range clausesOf(p) {
			// "Xi, however, rejected the request" splits off a bare
			// "Xi", which would agree with any claim about Xi.
			if len(analysis.Tokens(c)) < 2 {
				continue
			}
			paraClauses = append(paraClauses, clause{c, analysis.StemSet(c)})
		}
	}
	inParas := analysis.StemSet(joinLines(paragraphs))
	frame := reportingFrame(claim, stats)
	for _, cc := range clausesOf(claim) {
		// Words the paragraphs lack ("Yes", an added adjective) cannot
		// locate the matching clause; leave them out of the match.
		q := analysis.NewQuestion(strings.Join(presentWords(cc, inParas, frame), " "), stats)
		if len(analysis.Tokens(cc)) < 2 || q.IsEmpty() {
			continue
		}
		if r := conflictWith(cc, q, paraClauses); r != "" && !agreesInParts(cc, paraClauses, inParas, frame, stats) {
			return r
		}
		// What the clause sets aside is a claim too, and a short one: "…
		// rather than on his own achievements" is about the achievements.
		if tail := setAside(cc); tail != "" {
			tq := analysis.NewQuestion(strings.Join(presentWords(tail, inParas, frame), " "), stats)
			if r := conflictWith(tail, tq, paraClauses); !tq.IsEmpty() && r == ReasonPolarity {
				return r
			}
		}
	}
	return ""
}

// orderWord puts one event before or after another: "after Kim assumed
// command".
var orderWord = lazyregexp.New(`(?i)\b(before|after|prior to)\s+`)

// orderReversed reports whether the claim puts an event before what a
// paragraph puts it after, or the reverse: "The blast took place before
// Kim had assumed command" against "a 2013 atomic blast after Kim assumed
// command". The event is the first content words after the order word,
// at least two of them shared; a paragraph that also has the claim's own
// order for it agrees.
func orderReversed(claim string, paragraphs []string) bool {
	for _, m := range orderWord.FindAllStringSubmatchIndex(claim, -1) {
		word, event := strings.ToLower(claim[m[2]:m[3]]), setOf(leadStems(claim[m[1]:])...)
		if len(event) < 2 {
			continue
		}
		same, opposite := false, false
		for _, p := range paragraphs {
			for _, pm := range orderWord.FindAllStringSubmatchIndex(p, -1) {
				if shareOf(event, setOf(leadStems(p[pm[1]:])...)) < 2.0/3 {
					continue
				}
				if pw := strings.ToLower(p[pm[2]:pm[3]]); (pw == "after") == (word == "after") {
					same = true
				} else {
					opposite = true
				}
			}
		}
		if opposite && !same {
			return true
		}
	}
	return false
}

// leadStems are the first three content stems of text.
func leadStems(text string) []string {
	toks := analysis.Tokens(text)
	return toks[:min(3, len(toks))]
}

// agreesInParts reports whether a claim clause that conflicts as a whole
// agrees once split where its negation starts, each part with the
// paragraph clause it matches best: "a separate letter Kim sent to Xi
// Jinping on Sunday left out any personal praise for Xi" matches "…a
// separate letter Kim sent to … Xi Jinping on Sunday, which commemorated
// …" as a whole, but what it negates is "omitted any personal praise for
// Xi", a clause of its own after the paragraph's "but". Both parts must
// match a clause and agree with it.
func agreesInParts(cc string, paraClauses []clause, inParas, frame map[string]bool, stats analysis.TermStats) bool {
	head, tail := splitAtNegation(cc)
	if len(analysis.Tokens(head)) < 2 || len(analysis.Tokens(tail)) < 2 {
		return false
	}
	for _, part := range []string{head, tail} {
		q := analysis.NewQuestion(strings.Join(presentWords(part, inParas, frame), " "), stats)
		if q.IsEmpty() || !matchesAClause(q, paraClauses) || conflictWith(part, q, paraClauses) != "" {
			return false
		}
	}
	return true
}

// splitAtNegation splits a clause before its first negation cue (see
// cuesOf): "a letter … on Sunday" and "left out any personal praise for
// Xi". tail is "" when the clause negates nothing.
func splitAtNegation(clause string) (head, tail string) {
	// A quotation mark ends no cue's reach: "calling for a “sunset
	// clause”" asks for the clause.
	ws := splitWords(unquoted.Replace(strings.ReplaceAll(typographic.Replace(strings.ToLower(clause)), "n't", " not")))
	stems := make([]string, len(ws))
	for i, w := range ws {
		stems[i] = analysis.Stem(w.text)
	}
	for i, w := range ws {
		at := i
		if verb := phrasalNegation(ws, stems, i); verb >= 0 {
			at = verb
		} else if !negationWords[w.text] && !(negationStems[stems[i]] && !contrastStems[stems[i]]) {
			continue
		}
		return joinWords(ws[:at]), joinWords(ws[at:])
	}
	return clause, ""
}

func joinWords(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// matchesAClause reports whether some paragraph clause holds
// minClauseMatch of q.
func matchesAClause(q analysis.Question, paraClauses []clause) bool {
	return slices.ContainsFunc(paraClauses, func(pc clause) bool { return q.Coverage(pc.stems) >= minClauseMatch })
}

// setAgainst is where a claim sets one thing against another: "A rather
// than B", "A instead of B".
var setAgainst = lazyregexp.New(`(?i)\s+(?:rather than|instead of)\s+`)

// setAside is what a claim clause sets against its claim, as a negated
// clause of its own: "not on his own achievements" for "kept the focus on
// Russia's victory rather than on his own achievements", which says the
// opposite of "the remarks were largely centered around his own
// achievements", whatever it shares with "seemed to praise Russia's
// victory"; "" when it sets nothing aside.
func setAside(clause string) string {
	if parts := setAgainst.Split(clause, 2); len(parts) == 2 {
		return "not " + parts[1]
	}
	return ""
}

// clause is a paragraph clause with its stems, computed once per sentence.
type clause struct {
	text  string
	stems map[string]bool
}

func conflictWith(claimClause string, q analysis.Question, paraClauses []clause) Reason {
	best := 0.0
	var top []clause
	for _, pc := range paraClauses {
		s := q.Coverage(pc.stems)
		switch {
		case s > best+0.05:
			best, top = s, []clause{pc}
		case s >= best-0.05:
			top = append(top, pc)
			best = max(best, s)
		}
	}
	if best < minClauseMatch {
		return ""
	}
	claimStems := analysis.StemSet(claimClause)
	var reason Reason
	agreed := map[string]bool{} // stems shared with the clauses that agree
	var conflicts []map[string]bool
	for _, pc := range top {
		shared := map[string]bool{}
		for st := range pc.stems {
			if claimStems[st] {
				shared[st] = true
			}
		}
		cc, pcc := cuesOf(claimClause, shared), cuesOf(pc.text, shared)
		// A first visit says there was none before: "It would be Kim's
		// first trip to the Russian capital" agrees with "has never been
		// to the capital".
		if pcc.negated && !cc.negated && firstTime.MatchString(claimClause) {
			cc.negated = true
		}
		if antonymous(claimStems, pc.stems) {
			// "increased" where the paragraph has "reduced": the claim says
			// the opposite however its negations line up.
			cc.negated = !cc.negated
		}
		switch {
		case pcc.negated != cc.negated:
			reason = cmp.Or(reason, ReasonPolarity)
		case pcc.speculative && !pcc.certain && (cc.certain || !cc.hedged && pastTense(claimClause)):
			reason = cmp.Or(reason, ReasonSpeculative)
		case settlesAPossibility(claimClause, pc.text):
			reason = cmp.Or(reason, ReasonSpeculative)
		default:
			for st := range shared {
				agreed[st] = true
			}
			continue
		}
		conflicts = append(conflicts, shared)
	}
	// A tie with a clause that agrees is agreement, unless the clause in
	// conflict is about something the agreeing one does not share: "The
	// two Korean leaders went on to meet for the first time at the
	// celebration" agrees with "invited … to the anniversary celebration"
	// and still states as done what "it could lead to the first meeting
	// between the two Korean leaders" grants only may happen.
	for _, shared := range conflicts {
		for st := range shared {
			if !agreed[st] && !analysis.IsStop(st) {
				return reason
			}
		}
	}
	if len(agreed) > 0 {
		return ""
	}
	return reason
}

// settlesAPossibility reports whether the claim states as what will
// happen ("will attend") what the paragraph clause grants only may
// ("may attend"), with no hedge of its own.
func settlesAPossibility(claimClause, paraClause string) bool {
	c, p := modalsOf(claimClause), modalsOf(paraClause)
	return c.future && !c.possible && !c.hedgedOtherwise && p.possible && !p.future
}

// reportingWords frame a statement rather than make it.
var reportingWords = setOf("said", "says", "say", "wrote", "writes", "write", "told", "tells", "added", "adds",
	"noted", "notes", "argued", "argues", "according", "stated", "states", "reported", "reports", "explained")

// reportingFrame returns the folded words of a claim that only say who
// speaks ("McCreary wrote that …"): they locate the speaker, not the
// statement, in the paragraph.
func reportingFrame(claim string, stats analysis.TermStats) map[string]bool {
	frame := map[string]bool{}
	speakers, _ := speakersIn(claim, stats)
	for _, sp := range speakers {
		for _, t := range sp.tokens {
			frame[t] = true
		}
	}
	// The speaker's title is the frame too: "Former Defense Intelligence
	// Agency analyst John McCreary wrote that …" would otherwise match the
	// paragraph clause holding "…,” former Defense Intelligence Agency
	// analyst John McCreary wrote Monday" rather than the one holding what
	// he wrote.
	if m := leadIn.FindStringSubmatch(typographic.Replace(claim)); m != nil && len(speakers) > 0 {
		lead := map[string]bool{}
		for _, w := range splitWords(m[1]) {
			lead[fold(w.lower())] = true
		}
		if slices.ContainsFunc(speakers, func(sp name) bool { return slices.ContainsFunc(sp.tokens, func(t string) bool { return lead[t] }) }) {
			frame = merge(frame, lead)
		}
	}
	return frame
}

// leadIn is the opening of a claim up to its reporting verb: "Former
// Defense Intelligence Agency analyst John McCreary wrote that".
var leadIn = lazyregexp.New(`^\W*([^,;:"]{1,100}?)\s+(?:said|says|wrote|writes|told|tells|added|adds|noted|notes|argued|argues|stated|states|explained|explains)\b`)

// presentWords are the words of text whose stems occur in stems, leaving
// out the reporting frame and numbers.
func presentWords(text string, stems, frame map[string]bool) []string {
	var out []string
	for _, w := range splitWords(text) {
		// numbers are checked on their own, and a rare year would decide
		// the match by itself
		if frame[fold(w.lower())] || reportingWords[w.lower()] || hasDigit(w.text) || isNumberWord(w.lower()) {
			continue
		}
		if toks := analysis.Tokens(w.text); len(toks) == 1 && stems[toks[0]] {
			out = append(out, w.text)
		}
	}
	return out
}

// pastWords mark a clause as saying something happened.
var pastWords = setOf("has", "have", "had", "did", "was", "were", "already", "ago", "went", "met", "made", "gave",
	"took", "came", "saw", "became", "held", "began", "won", "sent", "got", "left", "flew", "brought", "told",
	"said", "wrote", "spent", "led", "paid", "sat", "stood", "kept", "met", "signed", "been")

// pastTense reports whether a clause states something as done: "Kim
// visited Moscow", "has agreed". A present-tense paraphrase that drops a
// hedge ("China is the natural place") is not held against it.
func pastTense(clause string) bool {
	for _, w := range splitWords(strings.ToLower(clause)) {
		if pastWords[w.text] || len(w.text) > 4 && strings.HasSuffix(w.text, "ed") {
			return true
		}
	}
	return false
}

// antonyms are stems that say opposite things of the same event, both
// ways: "increased shipments" against "reduced shipments".
var antonyms = func() map[string][]string {
	m := map[string][]string{}
	for _, p := range [][2]string{
		{"increas", "reduc"}, {"increas", "decreas"}, {"increas", "cut"}, {"rais", "lower"}, {"rise", "fall"},
		{"grow", "shrink"}, {"accept", "reject"}, {"accept", "declin"}, {"accept", "refus"}, {"approv", "reject"},
		{"approv", "veto"}, {"support", "oppos"}, {"allow", "ban"}, {"allow", "forbid"}, {"strengthen", "weaken"},
		{"improv", "worsen"}, {"improv", "deterior"}, {"win", "lose"}, {"won", "lost"}, {"warm", "chilli"},
		{"warm", "cold"}, {"warm", "cool"}, {"friend", "enemi"}, {"pleas", "displeas"}, {"happi", "unhappi"},
		{"agre", "disagre"}, {"trust", "distrust"}, {"includ", "exclud"}, {"attend", "skip"}, {"attend", "miss"},
		{"success", "fail"}, {"resum", "suspend"}, {"lift", "impos"}, {"prais", "critic"}, {"prais", "condemn"},
		{"strong", "weak"}, {"close", "estrang"}, {"welcom", "reject"}, {"favor", "veto"}, {"support", "veto"}, {"success", "struggl"},
	} {
		m[p[0]] = append(m[p[0]], p[1])
		m[p[1]] = append(m[p[1]], p[0])
	}
	return m
}()

// antonymous reports whether the claim has a word whose opposite the
// paragraph clause has, without the word itself. A pair one of whose
// words negates by itself ("accepted" against "rejected") is left to the
// negation cues, which already read that word as a negation; counted
// twice, the contradiction would cancel out.
func antonymous(claim, para map[string]bool) bool {
	for st := range claim {
		if para[st] || negationStems[st] {
			continue
		}
		for _, opp := range antonyms[st] {
			if para[opp] && !claim[opp] && !negationStems[opp] {
				return true
			}
		}
	}
	return false
}
