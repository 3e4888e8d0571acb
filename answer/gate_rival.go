package answer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// rivalled is 1 when every picked sentence that could answer — each that
// holds the kind of answer asked for, or each picked sentence when the
// question wants no particular kind — puts another name where the
// question puts one of its own: "60% of declared exports to China" for
// "What share of North Korea's exports go to Russia?", "Kim was seated
// next to" for "Who was Putin seated next to?". The question's name
// missing and a rival in its place is the near miss, the same kind of
// fact about someone else. A sentence that names the question's name, or
// refers back to a paragraph that does, is not rivalled.
func rivalled(f focus, qf Focus, qs []quotedSentence) float64 {
	if premiseReversed(f.question, qs) {
		return 1
	}
	known := knownNames(f)
	if len(known) == 0 {
		return 0
	}
	qws := splitWords(f.question)
	candidates := 0
	for _, x := range qs {
		if qf.Type != TypeNone && !x.typed {
			continue
		}
		candidates++
		if !rivals(f, known, qws, x.text, x.paragraph) {
			return 0
		}
	}
	if candidates == 0 {
		return 0
	}
	return 1
}

// rivals reports whether sentence puts another name in the place of one
// of the question's known names that neither it nor (when it refers back)
// its paragraph holds.
func rivals(f focus, known []name, qws []word, sentence, paragraph string) bool {
	ix := newNameIndex(sentence, f.stats)
	var around nameIndex
	if refersBack(sentence) {
		around = newNameIndex(paragraph, f.stats)
	}
	for _, n := range known {
		if ix.has(n) || around.words != nil && around.has(n) {
			continue
		}
		if ix.contrasts(n, qws, f.index) {
			return true
		}
	}
	return false
}

// premiseReversed reports whether the picked paragraphs give the roles of
// the question's premise the other way round: "Why did North Korea switch
// from a Russian satellite to a Chinese one?" where it switched from a
// Chinese satellite to a Russian one; "Why did Kim bring his son?" where
// he brought his daughter. It is the same near miss as a rival name: the
// corpus states the fact, about another end of it.
func premiseReversed(q string, qs []quotedSentence) bool {
	if yesNo.MatchString(q) {
		// "Did Xi visit Pyongyang?" takes nothing as given: "No, he has
		// not" answers it.
		return false
	}
	var paras []string
	for _, x := range qs {
		if !slices.Contains(paras, x.paragraph) {
			paras = append(paras, x.paragraph)
		}
	}
	if len(paras) == 0 {
		return false
	}
	_, reversed := reversedMovement(q, paras)
	_, swapped := swappedKin(q, paras)
	return reversed || swapped || otherActor(q, qs) || opposedPremise(q, qs) || otherDestination(q, qs)
}

// goingStems are verbs and nouns of going somewhere: "visited Seoul",
// "his visit to Pyongyang", "flew to Beijing".
var goingStems = setOf("visit", "travel", "trip", "fli", "flew", "go", "went", "arriv", "came", "come", "head", "journey")

// destinationSkips may stand between a word of going and where it goes:
// "his July visit to Pyongyang", "arrived in Beijing".
var destinationSkips = setOf("to", "the", "a", "an", "in", "at", "into", "his", "her", "its", "their", "first", "ever", "briefly", "back")

// destination returns the folded words of the place the word of going at
// ws[i] goes to, nil when no name follows it.
func destination(ws []word, i int) []string {
	j := i + 1
	for j < len(ws) && j <= i+3 && destinationSkips[ws[j].lower()] && !ws[j].broken {
		j++
	}
	var out []string
	for ; j < len(ws) && ws[j].capitalised() && !ws[j].initial && (len(out) == 0 || !ws[j].broken); j++ {
		out = append(out, fold(ws[j].lower()))
	}
	return out
}

// samePlace reports whether two places are one, a capital standing for
// its country: "Pyongyang" and "North Korea", not "South Korea".
func samePlace(a, b []string) bool {
	within := func(x, y []string) bool {
		in := map[string]bool{}
		for _, w := range y {
			in[w] = true
			for _, s := range seats[w] {
				in[s] = true
			}
		}
		return !slices.ContainsFunc(x, func(w string) bool { return !in[w] })
	}
	return within(a, b) || within(b, a)
}

// otherDestination reports whether the picked sentences that say what the
// question asks (half its other words) send its traveller somewhere else,
// or deny the trip, and none sends them where it says: "Xi Jinping visited
// South Korea in July, the first time that a Chinese leader visited Seoul
// before Pyongyang" for "What did Xi tell Kim during his July visit to
// Pyongyang?".
func otherDestination(q string, qs []quotedSentence) bool {
	qws := splitWords(typographic.Replace(q))
	var asked []string
	for i, w := range qws {
		if goingStems[analysis.Stem(w.lower())] {
			if asked = destination(qws, i); asked != nil {
				break
			}
		}
	}
	if asked == nil || negates(q) {
		return false
	}
	rest := analysis.StemSet(q)
	for _, w := range asked {
		delete(rest, analysis.Stem(w))
	}
	other := false
	for _, x := range qs {
		ws := splitWords(typographic.Replace(x.text))
		says := shareOf(rest, analysis.StemSet(x.text)) >= minSubjectMatch
		elsewhere := false
		for i, w := range ws {
			if !goingStems[analysis.Stem(w.lower())] {
				continue
			}
			to := destination(ws, i)
			switch {
			case to == nil:
			case samePlace(to, asked) && !deniedAt(ws, i):
				return false
			default:
				elsewhere = true
			}
		}
		if !elsewhere && mentionsPlace(ws, asked) {
			// "met Putin in Vladivostok" may say the trip in other words
			return false
		}
		other = other || elsewhere && says
	}
	return other
}

// mentionsPlace reports whether ws name the place.
func mentionsPlace(ws []word, place []string) bool {
	for i := range ws {
		if i+len(place) <= len(ws) {
			var at []string
			for _, w := range ws[i : i+len(place)] {
				at = append(at, fold(w.lower()))
			}
			if slices.Equal(at, place) {
				return true
			}
		}
	}
	return false
}

// deniedAt reports whether a negation stands just before ws[i]: "has not
// visited Pyongyang".
func deniedAt(ws []word, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if negationWords[ws[j].lower()] || strings.HasSuffix(ws[j].lower(), "n't") {
			return true
		}
	}
	return false
}

// minOpposedShare is the share of the premise's words a sentence must hold
// to be read as saying it the opposite way: more than minSubjectMatch, as
// an opposite word anywhere in a sentence about the same people is weak
// evidence ("the warm tone of the message" for "Why has China's
// relationship with Pyongyang cooled?").
const minOpposedShare = 0.6

// opposedPremise reports whether a picked sentence that says what the
// question takes as given (half its words) says it with the opposite word:
// "Why did Russia vote in favor of renewing the Panel's mandate?" against
// "Russia … vetoed a U.N. resolution renewing the bloc's Panel of
// Experts' mandate".
func opposedPremise(q string, qs []quotedSentence) bool {
	premise := premiseOf(q)
	if premise == "" {
		return false
	}
	stems := analysis.StemSet(premise)
	for _, x := range qs {
		own := analysis.StemSet(x.text)
		if shareOf(stems, own) >= minOpposedShare && (antonymous(stems, own) || votedAgainst(premise, stems, own)) {
			return true
		}
	}
	return false
}

// votedAgainst reports whether a premise that someone voted for a thing
// ("vote to renew…") meets a sentence saying they vetoed it. In a claim
// "voted" may be either way, so this pair is not one of antonyms.
func votedAgainst(premise string, stems, sentence map[string]bool) bool {
	against := slices.ContainsFunc(splitWords(strings.ToLower(premise)), func(w word) bool { return w.text == "against" })
	return stems["vote"] && !against && sentence["veto"] && !sentence["vote"]
}

// yesNo opens a question that asks whether, not about: an auxiliary
// first, after a leading clause if any.
var yesNo = lazyregexp.New(`(?i)^\s*(?:[^,?]*,\s*)?(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|might)\b`)

// presupposing opens a question that takes an event as given and asks
// about it: "Why did Russia vote to renew…", "What did Kim and Xi sign…".
// What follows the auxiliary is the premise.
var presupposing = lazyregexp.New(`(?i)^\s*(?:[^,?]*,\s*)?(?:why|how|what|when|where|which|who|whom)\b(?:\s+[\w'’-]+){0,2}?\s+(?:did|does|do|was|were|has|have|had)\s+(.+?)\s*\??\s*$`)

// premiseOf returns the event a question takes as given, "" when it has
// none or denies one ("Why did Kim not go…"): a denial is read against
// the paragraphs' own denials too loosely to be opposed.
func premiseOf(q string) string {
	m := presupposing.FindStringSubmatch(q)
	if m == nil || negates(m[1]) {
		return ""
	}
	return m[1]
}

// negates reports whether text carries a negation of its own: "not",
// "instead of", "stay away".
func negates(text string) bool {
	ws := splitWords(strings.ToLower(text))
	for i, w := range ws {
		if negationWords[w.text] || negationStems[analysis.Stem(w.text)] || strings.HasSuffix(w.text, "n't") {
			return true
		}
		if i+1 < len(ws) && negationPhrases[w.text+" "+ws[i+1].text] {
			return true
		}
	}
	return false
}

// askedActor reads "Who was Putin seated next to…", "Why did Russia
// veto…", after a leading clause ("At the luncheon, who was Putin seated
// next to?"): the name the question makes the subject of its verb, and
// the verb.
var askedActor = lazyregexp.New(`^\s*(?:[^,?]*,\s*)?(?i:who|whom|what|which|where|when|why|how)\b(?:\s+[\w'-]+){0,2}?\s+((?i:did|does|do|was|were|is|are|has|have|had))\s+((?:[A-Z][\p{L}'-]*\s+){1,3}?)([a-z]+)\b`)

// passiveAux make the verb after them passive when it is a participle:
// "was seated".
var passiveAux = setOf("was", "were", "is", "are", "been")

// actorFillers stand between a subject and its verb: "Kim was also
// seated".
var actorFillers = setOf("was", "were", "is", "are", "has", "had", "have", "been", "also", "then", "later", "reportedly", "himself", "herself")

// otherActor reports whether the picked sentences that name the
// question's subject give its verb another subject, and none gives it its
// own: "Kim was seated next to Chinese first lady Peng Liyuan, … after
// Putin" for "Who was Putin seated next to?". The question's name stands
// in the sentence, which is why rivals lets it pass; it stands there as
// someone else.
func otherActor(q string, qs []quotedSentence) bool {
	m := askedActor.FindStringSubmatch(typographic.Replace(q))
	// "What was Kim's letter…" has no subject name: Kim owns the letter.
	if m == nil || analysis.IsStop(m[3]) || strings.Contains(m[2], "'") {
		return false
	}
	aux, name, verb := strings.ToLower(m[1]), m[2], analysis.Stem(m[3])
	subject := map[string]bool{}
	for _, w := range splitWords(name) {
		subject[fold(w.lower())] = true
		for _, s := range seats[fold(w.lower())] {
			subject[s] = true // "Beijing sent" is China's act
		}
	}
	rest := analysis.StemSet(strings.Replace(q, name, " ", 1))
	other := false
	for _, x := range qs {
		ws := splitWords(x.text)
		if !slices.ContainsFunc(ws, func(w word) bool { return subject[fold(w.lower())] }) {
			continue // a sentence without the name is rivals' to judge
		}
		// Only the sentence that says what the question asks can give it to
		// another; any may give it to its own subject.
		says := shareOf(rest, analysis.StemSet(x.text)) >= minSubjectMatch
		for i, w := range ws {
			if analysis.Stem(w.lower()) != verb {
				continue
			}
			j, passive := actorOf(ws, i)
			switch {
			case passive != passiveAux[aux]:
				// "Kim was seated" names who was seated, not who seated
				// him: no answer to "Why did Beijing seat Kim…".
			case j < 0, subject[fold(ws[j].lower())]:
				// its own subject, or one it may be: "China paid its
				// respects by sending Cai Qi"
				return false
			default:
				other = other || says
			}
		}
	}
	return other
}

// actorOf returns the index of the name standing as the subject of the
// verb at ws[i] ("Kim was also seated"), -1 when no name stands there, and
// whether the verb is passive.
func actorOf(ws []word, i int) (int, bool) {
	j, passive := i-1, false
	for j >= 0 && actorFillers[ws[j].lower()] {
		passive = passive || passiveAux[ws[j].lower()]
		j--
	}
	if j < 0 || !actorName(ws[j]) || slices.ContainsFunc(ws[j+1:i+1], func(w word) bool { return w.broken }) {
		return -1, passive
	}
	return j, passive
}

// actorName reports whether w is written as a name: capitalised past the
// start of its sentence, or a country, capital or word no dictionary has
// wherever it stands ("Kim was seated…").
func actorName(w word) bool {
	low := w.lower()
	if utf8.RuneCountInString(low) < 2 {
		return false // "which I expect to rebound": a pronoun
	}
	return w.capitalised() && (!w.initial || seatWords[fold(low)] || properOnly(low))
}

// shareOf is the share of want's stems that have holds.
func shareOf(want, have map[string]bool) float64 {
	if len(want) == 0 {
		return 0
	}
	n := 0
	for st := range want {
		if have[st] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}
