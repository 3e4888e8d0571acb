package answer

import (
	"regexp"
	"strings"
	"sync"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// What a refusal refers to: the material the model was given.
const sourceNoun = `(?:sources?|articles?|passages?|paragraphs?|context|documents?|texts?|excerpts?|materials?|information|corpus|reports?|snippets?|extracts?|coverage|reporting|stories|provided (?:content|data)|given (?:content|data)|data (?:provided|given))`

// The source nouns that name the material and nothing else: "neither of
// the articles" is the model's sources, while "none of the reports" or
// "none of the documents were signed" could be claims about the world.
const sourceNounStrict = `(?:sources?|articles?|passages?|paragraphs?|excerpts?|snippets?|extracts?)`

// Verbs of stating, mentioning, containing and providing, as a refusal
// negates them: "the articles don't mention…", "none of the sources say…".
const statingVerb = `(?:say|says|state|states|mention|mentions|contain|contains|provide|provides|include|includes|specify|specifies|indicate|indicates|give|gives|offer|offers|address|addresses|cover|covers|discuss|discusses|reveal|reveals|describe|describes|answer|answers|tell|tells|detail|details|report|reports|list|lists|identify|identifies|note|notes|explain|explains|clarify|clarifies|disclose|discloses|touch on|touches on|refer to|refers to|shed light on|sheds light on|make clear|makes clear|go into|goes into|name|names|confirm|confirms|show|shows|establish|establishes|quote|quotes|cite|cites|record|records|document|documents|spell out|spells out|pin down|pins down|quantify|quantifies|estimate|estimates|speak to|speaks to|deal with|deals with|get into|gets into|elaborate on|elaborates on|put (?:a|any) (?:number|figure|date|name|time) on|puts (?:a|any) (?:number|figure|date|name|time) on)`

// An aside between an auxiliary and its verb: "does not, however, give".
const aside = `(?:\s*,\s*[\w ]{1,20}?,\s*|\s+)`

// refusalPatterns are meaning-bearing forms of "the sources do not
// answer this", matched on the normalised, lower-case claim anywhere in
// it. Each pairs a negation with a reference to the sources or to the
// speaker's own knowledge, so that "Kim did not mention Putin" (a claim
// about Kim) is not one. They are compiled on first use: only a model's
// reply is checked for refusals, and compiling them at start-up was a
// tenth of an extractive `footnote ask`'s CPU.
var refusalPatterns = sync.OnceValue(func() []*regexp.Regexp {
	return compileAll(
		// "the (provided) articles do not mention", "the context I was given doesn't say"
		`\b`+sourceNoun+`(?:\s+[\w,'-]+){0,5}?\s+(?:do|does|did)\s*(?:not|n't)`+aside+`(?:\w+\s+){0,2}?`+statingVerb+`\b`,
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:never|fail to|fails to|failed to|cannot|can't|can not)\s+`+statingVerb+`\b`,
		// "the articles focus on Kim's diplomacy and don't mention Kursk"
		`\b`+sourceNoun+`\s+(?:\w+\s+)?(?:focus(?:es)?|concentrate|concentrates|centre|centres|center|centers|dwell|dwells)\s+on\b[^.;]{0,100}?\b(?:and|but)\s+(?:do|does|did)\s*(?:not|n't)\s+(?:\w+\s+)?`+statingVerb+`\b`,
		// "It does not say which country…": a sentence opening with "it"
		// and a verb of stating speaks of the article
		`^\W*it\s+(?:does|did)\s*(?:not|n't)`+aside+`(?:\w+\s+)?`+statingVerb+`\b`,
		// "Nothing … is reported in these sources"
		`^\W*nothing\b[^.;]{0,80}?\b(?:is|was|are|were)\s+(?:reported|mentioned|stated|said|recorded|given)\s+(?:in|by)\s+(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?`+sourceNoun+`\b`,
		// "none of the sources say", "neither article mentions", "no source states"
		`\b(?:none of|neither of|neither|no)\s+(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?`+sourceNoun+`\s+(?:\w+\s+)?`+statingVerb+`\b`,
		// "…, and neither do the other sources", "nor does any other article"
		`\b(?:neither|nor)\s+(?:do|does|did)\s+(?:the\s+|any\s+)?(?:other\s+)?(?:\w+\s+)?`+sourceNoun+`\b`,
		// "none of the provided articles puts a number on…"
		`\b(?:none of|neither of)\s+(?:the\s+|these\s+|those\s+)?(?:[\w-]+\s+){0,2}?(?:`+sourceNounStrict+`|reporting|coverage|texts?)\b`,
		// "that isn't something the provided sources cover"
		`\bnot\s+(?:something|anything|a\s+(?:question|topic|detail|point|matter))\s+(?:that\s+)?(?:the\s+|these\s+|those\s+)?(?:[\w-]+\s+){0,2}?`+sourceNoun+`\s+(?:\w+\s+)?`+statingVerb+`\b`,
		// "the sources were written before the meeting, so they can't tell us…"
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:predates?|(?:were|was|are|is)\s+(?:all\s+)?(?:written|published|filed|dated)\s+(?:before|ahead of|prior to))\b`,
		`\b`+sourceNoun+`\b[^.;]{0,100}?(?:,|:|\bso|\band|\bbut)\s+(?:they|it)\s+(?:cannot|can not|could not|do not|does not|never)\s+(?:\w+\s+)?`+statingVerb+`\b`,
		// "that premise isn't supported by the sources"
		`\b(?:premise|assumption|claim|suggestion|idea)\s+(?:is|was)\s+not\s+(?:supported|borne out|backed up|confirmed)\s+by\s+(?:the\s+|these\s+|any\s+of\s+the\s+)?(?:\w+\s+)?`+sourceNoun+`\b`,
		// "the articles mention Juche only in a title and never explain it":
		// the source, the subject of a present-tense verb of stating, then
		// failing to state in the same clause
		`\b`+sourceNoun+`\s+(?:\w+\s+)?\w+\b[^.;]{0,100}?\b(?:and|but)\s+(?:never|do not|does not|fail to|fails to)\s+(?:\w+\s+)?`+statingVerb+`\b`,
		// "the coverage describes Kim's welcome rather than Putin's"
		`^\W*(?:the\s+|these\s+)?(?:\w+\s+)?`+sourceNoun+`\s+(?:only\s+)?(?:describes?|covers?|discuss(?:es)?|deals? with|(?:is|are) about|focus(?:es)? on)\s+(?:(?:[\w-]+'s|the|a|an)\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:rather than|instead of|not)\b`,
		// "the articles only mention …": what they say instead of the answer
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:only|merely|just)\s+`+statingVerb+`\b`,
		`\b(?:all|the most)\s+(?:that\s+)?(?:the\s+)?`+sourceNoun+`\s+(?:say|says|mention|mentions|state|states|tell|tells)\s+is\b`,
		`\bthe\s+closest\s+(?:thing|information|the\s+`+sourceNoun+`\s+come)\b`,
		// "the sources are silent on", "say nothing about", "make no mention of"
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:are|is|were|was|remain|remains)\s+silent\b`,
		`\b(?:say|says|said|mention|mentions|contain|contains|tell|tells|reveal|reveals)\s+nothing\s+(?:about|on|of|regarding|concerning)\b`,
		// "It makes no mention of…": the material, or a sentence opening
		// with "it" or "they"; "Kim's message made no mention of personal
		// ties" is a claim about the message.
		`(?:^\W*(?:it|they)|\b`+sourceNoun+`)\s+(?:[\w'-]+\s+){0,3}?(?:makes?|made)\s+no\s+(?:mention|reference)\b`,
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:gives?|provides?|offers?|includes?|contains?|states?|mentions?|lists?|specif(?:y|ies))\s+no\s+(?:exact\s+|specific\s+|precise\s+|clear\s+|particular\s+)?(?:time|date|hour|day|figure|number|name|reason|answer|indication|details?|information|data|reference|mention)\b`,
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:provides?|gives?|offers?|contains?|includes?|has|have|had|holds?)\s+no\s+(?:information|details?|data|mention|indication|evidence|record|answer|reference)\b`,
		// "there is no information about", "there's no mention of"
		`\bthere(?:\s+is|'s|\s+are|\s+was|\s+were)?\s+no\s+(?:\w+\s+)?(?:information|mention|details?|data|indication|record|reference|evidence|answer|word|statement)\b`,
		`\b(?:no|not enough|insufficient|little)\s+(?:\w+\s+)?(?:information|details?|data)\s+(?:about|on|regarding|concerning|as to|is|are|was|were|to)\b`,
		// "No mention of Kim's wife appears…", "…, with no mention of"; not
		// "Kim's message made no mention of…" (see above)
		`(?:^\W*|\b(?:with|and|but|find|found|see|saw|is|was|there's)\s+)no\s+(?:mention|indication|record)\s+(?:of|that|about)\b`,
		`\bnothing\s+(?:in|from)\s+(?:the\s+|these\s+)?(?:[\w-]+\s+){0,3}?`+sourceNoun+`\b`,
		// "There is no dollar figure for the damage … in the provided
		// texts", "there appears to be no coverage of this in the documents"
		`\bthere(?:\s+is|'s|\s+are|\s+was|\s+were|\s+appears\s+to\s+be|\s+seems\s+to\s+be)?\s+no\b[^.;]{0,80}?\b(?:in|from)\s+(?:the|these|those|any\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?`+sourceNoun+`\b`,
		// "that question is left unanswered"
		`\b(?:question|that|this|it)\s+(?:is|remains|was|stays)\s+(?:left\s+)?(?:unanswered|unaddressed|open)\b`,
		// "is not mentioned", "are not stated": verbs that only texts do,
		// unless a world's text is named ("was not mentioned in Kim's
		// letter"); in the sources it is the pattern after this one
		`\b(?:(?:is|are|was|were)\s+not|isn't|aren't|wasn't|weren't)\s+(?:explicitly\s+|specifically\s+|directly\s+)?(?:mentioned|stated|discussed|covered|addressed)(?:\W*$|\s*[,;:]|\s+(?:anywhere|at\s+all|either|here|there)\b)`,
		// "Duration of the visit is unspecified in the provided text",
		// "Outcome of the summit? Not in here."
		`\b(?:unspecified|unmentioned|unaddressed|unstated|unreported|undisclosed)\s+(?:in|by|within)\s+(?:the\s+|these\s+|those\s+|any\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?`+sourceNoun+`\b`,
		`\bnot\s+in\s+here\b`,
		`\b(?:not|never)\s+(?:explicitly\s+|specifically\s+|directly\s+|clearly\s+)?(?:mentioned|stated|specified|given|provided|included|covered|addressed|discussed|found|available|reported|disclosed|answered|described|listed|laid\s+out|resolved|explained|detailed|named|present|broached|touched\s+on|identified|quantified|recorded)\s+(?:anywhere\s+)?(?:in|by|within|among|across|from)\s+(?:the\s+|these\s+|those\s+|any\s+of\s+the\s+|all\s+|either\s+of\s+the\s+)?(?:[\w-]+\s+){0,3}?`+sourceNoun+`\b`,
		// "is absent from all five texts", "goes unreported in the sources"
		`\b(?:absent|missing|omitted|left\s+out)\s+(?:from|in)\s+(?:the\s+|these\s+|those\s+|all\s+|any\s+of\s+the\s+)?(?:[\w-]+\s+){0,3}?`+sourceNoun+`\b`,
		`\bgoes\s+un(?:reported|mentioned|stated|addressed|answered|explained|specified)\b`,
		// "nowhere in the provided text", "nothing here about…", "nothing
		// in what you've shared", "nothing I was given mentions…"
		`\bnowhere\s+(?:in|among|across)\s+(?:the\s+|these\s+|those\s+|any\s+of\s+the\s+)?(?:[\w-]+\s+){0,3}?`+sourceNoun+`\b`,
		`\bnothing\s+(?:here|in\s+here)\b`,
		`\b(?:anything|nothing)\b[^.;]{0,80}?\bin\s+here\b`,
		`\bnothing\s+(?:in\s+)?(?:what\s+)?(?:you|i)(?:'ve|\s+have|\s+was|\s+were)?\s+(?:been\s+)?(?:given|shared|provided|supplied|handed)\b`,
		// "no source among those provided mentions it"
		`\bno\s+(?:single\s+|other\s+)?(?:source|article|passage|excerpt|snippet|extract)\b`,
		`\b(?:none|neither)\s+of\s+(?:them|the\s+(?:[\w-]+\s+){0,2}?(?:reporting|coverage|texts?|pieces|materials?|documents))\s+(?:\w+\s+)?(?:`+statingVerb+`|brings?\s+(?:it\s+|this\s+|that\s+)?up|says?\s+anything)\b`,
		`\bnor\s+(?:the\s+|any\s+)?(?:[\w-]+\s+){0,2}?`+sourceNoun+`\s+(?:\w+\s+)?`+statingVerb+`\b`,
		// the speaker's means: "I have nothing to go on", "gives me nothing
		// to work with", "there's no way to know", "not enough in these
		// articles", "isn't answerable from the texts", "no answer … can be
		// drawn from these passages"
		`\bnothing\s+to\s+(?:go\s+on|work\s+with|base)\b`,
		`\bno\s+way\s+(?:to|of)\s+(?:know|knowing|tell|telling|say|saying|determine|determining|answer|answering)\b`,
		`\b(?:not|n't|isn't)\s+(?:\w+\s+)?answerable\b`,
		`\b(?:not\s+enough|insufficient)\s+(?:information\s+|detail\s+|data\s+)?(?:in|from)\s+(?:the\s+|these\s+|those\s+|my\s+|what\s+)`,
		`\b(?:no|nothing)\b[^.;]{0,60}?\b(?:can|could)\s+be\s+(?:drawn|inferred|answered|determined|gleaned|worked\s+out|concluded|deduced)\s+(?:from|on\s+the\s+basis\s+of)\b`,
		`\bi(?:'m|\s+am)\s+not\s+(?:finding|seeing|able\s+to\s+find)\b`,
		`\bi\s+(?:do\s+not|don't|did\s+not|didn't)\s+(?:have\s+enough|see\s+(?:any|anything))\b`,
		`\bi\s+(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+(?:\w+\s+)?point\s+to\b`,
		`\b(?:does\s+not|doesn't|do\s+not|don't)\s+appear\s+(?:in|anywhere in)\s+(?:(?:any|either|all|both|each)\s+of\s+)?(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?`+sourceNoun+`\b`,
		// "No comparable figure is provided for Beijing's parade", "An
		// exact death toll is not provided": a missing figure, with a verb
		// only a text does to it. Not "given" or "specified": "no reason
		// was given", "the exact date was not specified" are what an
		// article may say of the world.
		`\b(?:an?|the|any|no)\s+(?:[\w-]+\s+){0,2}?(?:figure|toll|count|number|total|tally|breakdown|estimate|date|time|timing|name|reason|explanation|amount|sum|price|cost|details?|specifics|answer)\s+(?:is|was|are|were)\s+(?:not\s+)?(?:\w+\s+)?(?:provided|mentioned|stated|offered|supplied)\b`,
		`\bnot\s+(?:in|part of|among|covered by|found in|included in)\s+(?:the\s+|these\s+|any\s+of\s+the\s+)?(?:\w+\s+)?`+sourceNoun+`\b`,
		// a negated claim placed in the sources: "He doesn't make any
		// prediction about South Korea's economy in these articles"
		`\b(?:(?:do|does|did)\s+not|never)\b[^.;,]{0,100}?\b(?:in|from)\s+(?:the\s+|these\s+|those\s+|(?:either|any|all|both)\s+of\s+the\s+)?(?:provided\s+|given\s+|retrieved\s+|\w+\s+)?`+sourceNounStrict+`\W*$`,
		// "No statement by Japan's prime minister appears in these articles"
		`\bno\s+[^.;,]{1,60}?\b(?:appears?|(?:is|are|was|were)\s+(?:given|mentioned|reported|quoted|found|recorded|provided|stated|offered|supplied|listed))\s+(?:in|anywhere\s+in)\s+(?:the\s+|these\s+|those\s+|any\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?`+sourceNoun+`\b`,
		// the speaker's own knowledge: "I couldn't find", "I don't know"
		`\bi(?:\s+|')(?:(?:therefore|thus|also|really|simply|still|unfortunately|honestly|genuinely|just|sadly|regrettably)\s+)?(?:could\s*not|couldn't|cannot|can't|can\s+not|am\s+(?:\w+\s+)?unable\s+to|'m\s+(?:\w+\s+)?unable\s+to|m\s+(?:\w+\s+)?unable\s+to|was\s+unable\s+to|do\s+not|don't|did\s+not|didn't|am\s+not\s+able\s+to|'m\s+not\s+able\s+to)\s+(?:\w+\s+)?(?:find|see|locate|determine|answer|tell|say|identify|confirm|know|provide|give|verify|spot|extract|work out|help|name|point|recommend|list)\b`,
		`\bi\s+(?:have|had)\s+no\s+(?:information|data|details|way|basis|grounds|knowledge|evidence|record|source|means)\b`,
		`\bi(?:'m| am)\s+(?:not\s+sure|afraid|sorry)\b`,
		`\b(?:unable|not\s+able|impossible|not\s+possible)\s+to\s+(?:answer|determine|tell|say|find|confirm|identify|know|provide|establish)\b`,
		`\b(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+be\s+(?:answered|determined|found|confirmed|established|identified|inferred|deduced)\b`,
		`\b(?:is|remains)\s+(?:unclear|unknown|not\s+clear|not\s+known)\s+(?:from|in|based\s+on)\s+(?:the\s+|these\s+)?(?:\w+\s+)?`+sourceNoun+`\b`,
		`\b(?:beyond|outside)\s+(?:the\s+scope|what\s+(?:the|these|those|my)\b)`,
		// "no quantity is given anywhere in the provided material"
		`\b(?:is|are|was|were)\s+(?:given|mentioned|stated|provided|reported|specified|named)\s+anywhere\s+in\b`,
		`\bthe\s+answer(?:\s+\w+){0,3}?\s+(?:is\s+not|isn't)\s+(?:in|found|available|contained|given)\b`,
		`\b(?:this|that|such|the|any)\s+(?:information|detail|details|answer|figure|data|fact)\s+(?:is|was|are|were)\s+(?:not|n't)\s+(?:\w+\s+)?(?:provided|given|available|included|mentioned|stated|specified|present|there|found)\b`,
		`\bno\s+(?:answer|information|mention|details?)\s+(?:can|could)\s+be\s+found\b`,
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:are|is|were|was|remain|remains)\s+(?:unclear|inconclusive|vague)\s+(?:on|about|regarding|as to)\b`,
		`\b`+sourceNoun+`(?:\s+[\w'-]+){0,3}?\s+(?:lacks?|omits?|leaves?\s+out)\s+(?:that|this|any|such|the)\b`,
		`\bthe\s+corpus\s+(?:does\s+not|doesn't)\s+say\b`,
		// "nothing in them describes Kim skipping the parade"
		`\bnothing\s+in\s+(?:them|it)\s+(?:\w+\s+)?`+statingVerb+`\b`,
		// "The premise doesn't match the sources"
		`\b(?:premise|assumption)\b[^.;]{0,40}?\b(?:does\s+not|doesn't|do\s+not|don't)\s+(?:match|fit|square\s+with|agree\s+with|line\s+up\s+with)\b`,
		// "there is no speech of his … for me to report"
		`\b(?:no|nothing)\b[^.;]{0,80}?\bfor\s+me\s+to\s+(?:report|cite|quote|share|point\s+to|go\s+on)\b`,
	)
})

// uncitedRefusalPatterns read as refusals only in a sentence that cites
// nothing: "The school itself is never named.", "No specific date for it
// is given, though." Cited, the same words are what an article may say of
// the world ("No reason was given for the delay [1]").
var uncitedRefusalPatterns = sync.OnceValue(func() []*regexp.Regexp {
	return compileAll(
		`\b(?:is|are|was|were)\s+never\s+(?:named|mentioned|identified|specified|stated|given|disclosed|explained)\b`,
		// "The exact day … is not given.", "… isn't reported."
		`\b(?:is|are|was|were)\s+not\s+(?:\w+ly\s+)?(?:given|reported|named|listed|specified|provided|described|disclosed|included|laid\s+out|identified)\W*$`,
		`\b(?:is|are)\s+(?:absent|missing|unreported|unspecified|unstated)\W*$`,
		`\bno\s+(?:[\w-]+\s+){0,2}?(?:figure|toll|count|number|total|tally|breakdown|estimate|date|time|timing|name|reason|explanation|amount|quantity|sum|price|cost|details?|specifics|answer)\b[^.;]{0,30}?\b(?:is|was|are|were)\s+(?:given|specified|reported|disclosed|named)\b`,
	)
})

// uncitedAbsence is what an uncited sentence that speaks of something
// missing holds: a negation ("Not stated.", "Kim's age? Can't say from
// these."), or a word for an unsaid, unknown or left-out thing ("Duration
// of the visit is unspecified", "overall GDP is left out"). A reply's
// uncited sentences are framing ("Here is what the sources say:"),
// refusals, or claims footnote removes anyway for citing nothing; read as
// refusals, the last only turn a reply of nothing but uncited claims into
// an abstention instead of the extractive fallback.
var uncitedAbsence = lazyregexp.New(`\b(?:not|no|never|nothing|none|neither|nor|nowhere|zero|without|cannot|nope)\b|n't\b|\bun(?:specified|named|stated|addressed|answered|known|clear|reported|disclosed|mentioned|identified|quantified|recorded|documented|available|confirmed|explained)\b|\b(?:absent|missing|omitted|left\s+out|beyond|outside|silent|mum)\b`)

func compileAll(patterns ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		out[i] = regexp.MustCompile(p)
	}
	return out
}

// isRefusal reports whether a sentence says the sources do not contain
// the answer — "I'm sorry, the provided articles don't mention Kim's
// favourite food.", "The sources do not say at what hour…" — in whatever
// words and wherever in the reply it stands. Such a sentence is never a
// claim to keep: at best it is wrong (the fact is there), at worst it is
// a cited non-answer.
func isRefusal(sentence string) bool {
	s := strings.NewReplacer("n’t", "n't", "’", "'").Replace(corpus.Normalize(claimOf(sentence)))
	// Contractions spelled out too: "isn't covered" is "is not covered".
	expanded := strings.NewReplacer("can't", "cannot", "won't", "will not", "n't", " not").Replace(s)
	patterns := refusalPatterns()
	if len(citedNumbers(sentence)) == 0 {
		if uncitedAbsence.MatchString(s) {
			return true
		}
		patterns = append(patterns[:len(patterns):len(patterns)], uncitedRefusalPatterns()...)
	}
	for _, re := range patterns {
		if re.MatchString(s) || re.MatchString(expanded) {
			return true
		}
	}
	return materialFailsToSay(s)
}
