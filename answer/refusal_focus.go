package answer

import (
	"slices"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// The focus of a question that has no noun focus, for refusedAfterContext:
// a why-question's reason and a question's verb, which a refusal in the
// reply may name as missing.

// reasonStems are the focus of a why-question: its reason, by any of
// the words a refusal gives it ("offer no reason", "nothing explaining",
// "no motive"; refusalStems adds "reason" for "don't say why").
var reasonStems = []string{"reason", "explain", "explan", "motiv", "caus"}

// explains matches the words that give a reason: "because", "citing",
// "due to", "to avoid", "after Xi rejected the request".
var explains = lazyregexp.New(`(?i)\b(?:because|since|due|reasons?|caus\w*|cit(?:e|ed|es|ing)|result\w*|aim\w*|purpose\w*|in order|motiv\w*|owing|thanks|led|lead\w*|prompt\w*|explain\w*|explanation|want\w*|hop(?:e|ed|es|ing)|seek\w*|sought|avoid\w*|fear\w*|concern\w*|so that|so as|sign|signal\w*|intend\w*|intent\w*|after|amid|bid|way to|meant|in exchange|in return|given|as part of|to (?:show|secure|win|gain|get|boost|demonstrate|display|strengthen|deepen|counter|ensure|keep|protect|mark|celebrate|send|shore|underline|underscore|highlight))\b`)

// reasonMissing is the focus of a why-question part (reasonStems) when
// no kept sentence gives a reason: after "The parade was held on May 9
// in Moscow's Red Square [1]", "the articles offer no reason for his
// attendance" refuses "Why did Kim attend the parade?" by the model's own
// account. A kept sentence giving any reason stands, whatever a refusal
// adds.
func reasonMissing(part string, checks []SentenceCheck) []string {
	gives := func(c SentenceCheck) bool {
		return c.Kept && (explains.MatchString(claimOf(c.Sentence)) || purposeInfinitive(claimOf(c.Sentence)))
	}
	if QuestionFocus(part).Wh != "why" || slices.ContainsFunc(checks, gives) {
		return nil
	}
	return reasonStems
}

// purposeInfinitive reports whether text has "to" before a lowercase
// word that no determiner or pronoun is: "went to Beijing to attend the
// parade" gives a purpose, "went to the parade" does not. It errs towards
// a reason: "talked to reporters" counts, and a reply it counts keeps its
// kept text.
func purposeInfinitive(text string) bool {
	ws := splitWords(text)
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].lower() == "to" && !ws[i+1].capitalised() && !hasDigit(ws[i+1].text) && !toObjects[ws[i+1].lower()] {
			return true
		}
	}
	return false
}

// toObjects open the noun phrase a "to" of place or person leads.
var toObjects = setOf("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
	"those", "him", "them", "us", "me", "it", "some", "any", "each", "every", "both", "all", "several", "one")

// askedVerb reads the verb a question without a noun focus asks about:
// "accept" in "Did Park Geun-hye accept the invitation?", "respond" in
// "How did Park respond to Moscow's invitation?", "discuss" in "What did
// Kim and Putin discuss…?".
var askedVerb = lazyregexp.New(`^\W*(?:(?i:how|what)\s+)?(?i:did|does|do|will|would)\s+(?:(?:[A-Z][\p{L}'’.-]*|of|the|and)\s+){1,5}([a-z]+)\b`)

// verbMissing is the stem of the verb a question part asks about, and
// its related stems, when the part has no noun focus and no kept
// sentence holds the verb or a related word: after "Moscow invited Park
// Geun-hye to the celebration [1]", "Her response isn't reported" refuses
// "How did Park respond?" by the model's own account.
func verbMissing(part string, supplied map[string]bool) []string {
	m, focus := askedVerb.FindStringSubmatch(typographic.Replace(part)), QuestionFocus(part)
	if m == nil || len(focus.Words) > 0 || focus.Wh == "why" {
		return nil
	}
	verb := analysis.Stem(m[1])
	if analysis.IsStop(verb) || isNumberWord(m[1]) { // "Did the two leaders…" names no verb
		return nil
	}
	stems := append([]string{verb}, analysis.Related(verb)...)
	// The verb's opposite or a verb of refusing answers it too: "Kim
	// declined the invitation" answers "Did Kim accept it?".
	answers := append(append([]string{}, stems...), antonyms[verb]...)
	if slices.ContainsFunc(answers, func(st string) bool { return supplied[st] }) || anyNegatingStem(supplied) {
		return nil
	}
	return stems
}

// anyNegatingStem reports whether stems hold a verb or noun that negates
// by meaning (see negationStems): "declin", "reject", "refus".
func anyNegatingStem(stems map[string]bool) bool {
	for st := range stems {
		if negationStems[st] && !contrastStems[st] {
			return true
		}
	}
	return false
}

// refusalStems are the stems of an uncited refusal; one asking "why" names
// the reason.
func refusalStems(sentence string) map[string]bool {
	st := analysis.StemSet(sentence)
	if whyWord.MatchString(sentence) {
		st["reason"] = true
	}
	return st
}

var whyWord = lazyregexp.New(`(?i)\bwhy\b`)
