package answer

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// Reporting verbs: "X said …", "… , adds X", "according to X".
const reportingVerb = `(?:said|says|say|wrote|writes|write|told|tells|tell|stated|states|noted|notes|argued|argues|warned|warns|added|adds|explained|explains|claimed|claims|described|describes|called|calls|insisted|insists|observed|observes|commented|comments|remarked|remarks|reported|reports|suggested|suggests|believes|believed|thinks|predicted|predicts|cautioned|cautions|emphasized|emphasised|stressed|stresses|asserted|asserts|quipped|declared|declares|announced|announces|hailed|hails|echoed|echoes|recalled|recalls|praised|praises|referred|replied|replies|responded|responds|answered|acknowledged|acknowledges|admitted|admits|conceded|concedes|vowed|vows|pledged|pledges|promised|promises|urged|urges|put it|puts it)`

// capRun is a run of capitalised words, hyphens and connectors inside.
const capRun = `((?:[A-Z][\p{L}'’.-]*)(?:\s+(?:of\s+|for\s+)?[A-Z][\p{L}'’.-]*)*)`

// roleNoun may stand between a speaker's affiliation and its verb: "a
// Ministry of Unification official said", whose speaker the ministry
// names.
const roleNoun = `(?:\s+(?:official|officials|spokesman|spokeswoman|spokesperson|analyst|analysts|expert|experts|professor|researcher|researchers|aide|aides|diplomat|diplomats|source|sources|minister|ambassador|lawmaker|lawmakers|scholar|scholars|adviser|advisor|advisers|advisors|commentator|commentators))?`

// speakerPatterns are the reporting patterns, compiled on first use (only
// the verifier of a model's reply needs them).
type speakerPatterns struct {
	named   []*regexp.Regexp // "X said", ", said X", "according to X"
	pronoun *regexp.Regexp   // "he told reporters"
}

var speakers = sync.OnceValue(func() speakerPatterns {
	return speakerPatterns{
		named: []*regexp.Regexp{
			regexp.MustCompile(capRun + roleNoun + `(?:,[^,]{1,90},)?(?:\s+(?:himself|herself|themselves|also|later|earlier|then|reportedly|previously|once|first|again|repeatedly|has|had|have|publicly|openly))*\s+` + reportingVerb + `\b`),
			// ", said Putin." — not ", said Kim put his daughter…", where
			// the comma closed an appositive of the speaker before it
			regexp.MustCompile(`[,"”]\s*` + reportingVerb + `\s+` + capRun + roleNoun + `(?:\s*[,.;:!?"”)\[]|\s*$)`),
			regexp.MustCompile(`(?i:according to|per|in the words of)\s+` + capRun),
		},
		pronoun: regexp.MustCompile(`(?i)\b(?:he|she|they|the official|the aide|the analyst|the expert)(?:\s+(?:also|later|earlier|then|again|further|once))*\s+` + reportingVerb + `\b`),
	}
})

// speakersIn returns who text says said something, by the reporting
// patterns above, and whether a pronoun reports something ("he told
// reporters"), in which case the speaker is named elsewhere.
func speakersIn(text string, stats analysis.TermStats) (names []name, pronoun bool) {
	return speakersKnown(text, stats, func(string) bool { return false })
}

// speakersKnown is speakersIn where known reports whether a word is a name
// in the material the text is checked against, so that a speaker opening
// the text ("Putin told reporters …") counts.
func speakersKnown(text string, stats analysis.TermStats, known func(lower string) bool) (names []name, pronoun bool) {
	text = typographic.Replace(text)
	for _, re := range speakers().named {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			// "South Korea's Yonhap called…": the speaker is Yonhap; its
			// owner is a name of its own, checked as any other name is.
			run := m[1]
			if i := strings.LastIndex(run, "'s "); i >= 0 {
				run = run[i+len("'s "):]
			}
			if strings.HasSuffix(run, "'s") {
				// ", said Russia's backing takes…": the name owns what
				// follows, the start of what was said, or the speaker's
				// title ("said Russia's foreign minister"); it is not the
				// speaker.
				continue
			}
			ws := splitWords(run)
			if len(ws) > 0 {
				// the run is cut out of its sentence, so its first word is not
				// a sentence opener unless it opens the text
				ws[0].initial = strings.HasPrefix(strings.TrimSpace(text), run)
			}
			names = append(names, namesIn(ws, known, stats)...)
		}
	}
	return names, speakers().pronoun.MatchString(text)
}

// attributionFails reports whether the claim gives a statement to someone
// its paragraphs (or their articles' bylines) do not: the speaker must be
// named there, and where the paragraph sentence that best matches the
// claim names its own speaker, it must be that one ("Xi wrote …" against
// "… , McCreary wrote").
//
// asked is the question: a word opening the claim that it writes as a
// name is one ("Haggard also warned …", asked of Stephan Haggard), though
// it is a common word too.
func attributionFails(claim, asked string, paragraphs, bylines []string, stats analysis.TermStats) (string, bool) {
	if who, bad := bodyMissing(claim, paragraphs); bad {
		return who, true
	}
	if parts := coordinated.Split(claim, -1); len(parts) > 1 {
		// "Kim told China he would not attend, and Pyongyang put his
		// absence down to a domestic schedule": each clause has its own
		// speaker and its own paragraph sentence.
		for _, part := range parts {
			if who, bad := attributionFails(part, asked, paragraphs, bylines, stats); bad {
				return who, true
			}
		}
		return "", false
	}
	joined := strings.Join(paragraphs, "\n")
	// "According to TIME, …" gives the statement to the article itself:
	// its publisher, author or title speak as much as its paragraphs.
	all := newNameIndex(joined+"\n"+strings.Join(bylines, "\n"), stats)
	// A speaker opening the claim is a name when the paragraphs write it
	// as one or it is no common word: "Putin told reporters …" where the
	// paragraph only quotes Ushakov.
	question := newNameIndex(asked, stats)
	speakers, _ := speakersKnown(claim, stats, func(low string) bool {
		return all.caps[fold(low)] || question.caps[fold(low)] || properOnly(low)
	})
	if len(speakers) == 0 {
		return "", false
	}
	best, before := bestSentence(claim, speakers, paragraphs, stats)
	named, pronoun := speakersIn(best, stats)
	if pronoun && len(named) == 0 {
		// "…," he told reporters: he is the speaker the paragraph named
		// last before it ("Yury Ushakov said …"), not whoever else it
		// mentions.
		if earlier, _ := speakersIn(before, stats); len(earlier) > 0 {
			named, pronoun = earlier[len(earlier)-1:], false
		} else if subj, ok := lastSubject(before, stats); ok {
			// "In his message to Putin, Kim expressed hope… He also
			// recalled…": he is Kim, who acted last, not Putin.
			named, pronoun = []name{subj}, false
		}
	}
	if len(named) == 0 && !pronoun && inQuotation(best, before) {
		// A quotation that names no speaker of its own goes on with the
		// one named last before it: "…,” McCreary wrote Monday. “Last
		// week in Beijing, President Xi met the speaker…”" is McCreary's,
		// not Xi's.
		// One run may name the speaker with an affiliation ("Lee
		// Byung-chul of Kyungnam University"): one of them must be it.
		if earlier, _ := speakersIn(before, stats); len(earlier) > 0 {
			last := earlier[len(earlier)-1:]
			if !slices.ContainsFunc(speakers, func(sp name) bool { return anyHas(last, sp) }) {
				return speakers[0].String(), true
			}
		}
	}
	for _, sp := range speakers {
		if !all.has(sp) {
			return sp.String(), true
		}
		// A speaker the sentence merely mentions may still be the one
		// who spoke, unless the claim quotes words the sentence puts in
		// its speaker's mouth: "Putin hailed Kim as an 'invincible
		// comrade-in-arms'" against "… whom Kim had earlier hailed as an
		// 'invincible comrade-in-arms'".
		mentioned := newNameIndex(outsideQuotes(best), stats).has(sp)
		if len(named) > 0 && !pronoun && !anyHas(named, sp) && !mentioned {
			return sp.String(), true
		}
		if mentioned && sharesQuote(claim, best) {
			// "… according to Russian state media" names an outlet, not
			// the one who said the words.
			if voices := directSpeakers(best, stats); len(voices) > 0 && !anyHas(voices, sp) {
				return sp.String(), true
			}
		}
	}
	return "", false
}

func anyHas(named []name, n name) bool {
	for _, m := range named {
		if (nameIndex{words: setOf(m.tokens...), caps: setOf(m.tokens...)}).has(n) {
			return true
		}
	}
	return false
}

// bestSentence is the paragraph sentence sharing most of the claim's
// words once the speaker's own words are left out, with the sentences of
// its paragraph before it.
func bestSentence(claim string, speakers []name, paragraphs []string, stats analysis.TermStats) (best, before string) {
	drop := map[string]bool{}
	for _, sp := range speakers {
		for _, t := range sp.tokens {
			drop[t] = true
		}
	}
	var kept []string
	for _, w := range splitWords(claim) {
		if !drop[fold(w.lower())] {
			kept = append(kept, w.text)
		}
	}
	q := analysis.NewQuestion(strings.Join(kept, " "), stats)
	bestScore := -1.0
	for _, p := range paragraphs {
		ss := sentencesOf(p)
		for i, s := range ss {
			if sc := q.Coverage(analysis.StemSet(s)); sc > bestScore {
				best, before, bestScore = s, strings.Join(ss[:i], ". "), sc
			}
		}
	}
	return best, before
}

// coordinated splits a claim into clauses joined by ", and" or a
// semicolon.
var coordinated = lazyregexp.New(`,\s+and\s+|;\s+`)

// inQuotation reports whether a sentence is part of a quotation: it
// begins with a quotation mark, or the sentences before it in its
// paragraph open one they do not close ("“In effect, this is a positive
// shock. It can churn out munitions…”").
func inQuotation(sentence, before string) bool {
	s := strings.TrimSpace(sentence)
	return strings.HasPrefix(s, "“") || strings.HasPrefix(s, `"`) || strings.Count(before, "“") > strings.Count(before, "”") ||
		strings.Count(before, `"`)%2 == 1
}

// directSpeakers are the speakers of text by the patterns that name who
// spoke ("X said", ", said X"), leaving out "according to X".
func directSpeakers(text string, stats analysis.TermStats) []name {
	text = typographic.Replace(text)
	var names []name
	for _, re := range speakers().named[:2] {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			ws := splitWords(m[1])
			if len(ws) > 0 {
				ws[0].initial = strings.HasPrefix(strings.TrimSpace(text), m[1])
			}
			names = append(names, namesIn(ws, func(string) bool { return false }, stats)...)
		}
	}
	return names
}

// sharesQuote reports whether a quotation of claim, of two words or more,
// stands in sentence.
func sharesQuote(claim, sentence string) bool {
	in := strings.ToLower(typographic.Replace(sentence))
	for _, q := range quoted.FindAllString(typographic.Replace(claim), -1) {
		q = strings.ToLower(strings.Trim(q, `"“”`))
		if len(strings.Fields(q)) >= 2 && strings.Contains(in, q) {
			return true
		}
	}
	return false
}

// quoted matches a quotation, straight or curly.
var quoted = lazyregexp.New(`"[^"]*"|“[^”]*”`)

// outsideQuotes is text without its quotations: the people a quotation
// mentions are not its speakers.
func outsideQuotes(text string) string { return quoted.ReplaceAllString(text, " ") }

// sentenceStop ends a sentence of a paragraph: a full stop, or the close
// of a quotation followed by a capital.
var sentenceStop = lazyregexp.New(`[.!?]["'”’]?\s+`)

func sentencesOf(p string) []string { return sentenceStop.Split(typographic.Replace(p), -1) }

// acting matches a person's name followed by a verb in the past or the
// present: "Kim expressed", "Xi says", not "to Putin," or "Putin's".
var acting = lazyregexp.New(capRun + `\s+(?:also\s+|later\s+|then\s+)?[a-z]+(?:ed|es|s)\b`)

// lastSubject is the last person who acts by name in text (see acting),
// which a pronoun in the sentence after it stands for.
func lastSubject(text string, stats analysis.TermStats) (name, bool) {
	ms := acting.FindAllStringSubmatch(typographic.Replace(text), -1)
	for i := len(ms) - 1; i >= 0; i-- {
		ws := splitWords(ms[i][1])
		ws[0].initial = false // cut out of its sentence: a name, not an opener
		ns := namesIn(ws, func(string) bool { return false }, stats)
		for j := len(ns) - 1; j >= 0; j-- {
			if !slices.ContainsFunc(ns[j].raw, placeOrTime) {
				return ns[j], true
			}
		}
	}
	return name{}, false
}

// bodySpeaker is a statement given to a body by its common noun: "The
// office also suggested…", "the ministry said".
var bodySpeaker = lazyregexp.New(`(?i)\bthe\s+(office|ministry|embassy|agency|department|committee|council|cabinet|presidency)\s+(?:(?:also|later|then|again|further|itself)\s+)*` + reportingVerb + `\b`)

// bodyMissing returns a body a claim reports speaking ("The office also
// suggested…") that none of its paragraphs names, by its noun: the
// paragraph's "a Ministry of Unification official said" is no office's
// word. A body named by its proper name ("the Kremlin said") is a name,
// and the name checks read it.
func bodyMissing(claim string, paragraphs []string) (string, bool) {
	m := bodySpeaker.FindStringSubmatch(typographic.Replace(claim))
	if m == nil {
		return "", false
	}
	body := analysis.Stem(strings.ToLower(m[1]))
	if slices.ContainsFunc(paragraphs, func(p string) bool { return analysis.StemSet(p)[body] }) {
		return "", false
	}
	return "the " + strings.ToLower(m[1]), true
}
