package answer

import (
	"strings"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// materialRef is a reference to the material the model was given, with
// its determiner: "the provided articles", "these five texts", "my
// sources", "the news pieces", "what you've shared". A determiner is
// required, so that "reports" or "documents" in the world ("leaked
// documents") are not read as the model's sources.
var materialRef = lazyregexp.New(`\b(?:(?:the|these|those|my|your|all|both|all\s+five|all\s+the|any\s+of\s+the|each\s+of\s+the|either\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?(?:sources?|articles?|passages?|paragraphs?|excerpts?|snippets?|extracts?|texts?|materials?|documents?|pieces|context|coverage|reporting|corpus|news\s+(?:articles|pieces|reports|stories))|what\s+(?:you've|you\s+have|you|i've\s+been|i\s+have\s+been|i\s+was|i've|i\s+have)\s+(?:given|shared|provided|supplied|handed)(?:\s+me)?)\b`)

// materialNegators negate what the material does when they follow it:
// "the articles don't go as far as…", "the coverage never gets around
// to…", "the passages stop short of…", "my sources are quiet on that".
var materialNegators = setOf("not", "never", "no", "nothing", "none", "neither", "nor", "nowhere",
	"quiet", "silent", "mum", "unclear", "vague", "inconclusive", "uninformative", "unanswered", "unaddressed",
	"unresolved", "lack", "lacks", "omit", "omits", "stop", "stops", "fail", "fails", "failed")

// complementOpeners end the material's own predicate: what follows is
// what the material says, not what it fails to say ("the article says
// Kim did not attend", "the piece notes that Xi has not visited").
var complementOpeners = setOf("that", "which", "who", "whom", "how", "why", "because", "say", "says", "said",
	"note", "notes", "noted", "report", "reports", "reported", "write", "writes", "wrote", "argue", "argues",
	"argued", "suggest", "suggests", "suggested", "claim", "claims", "claimed", "describe", "describes",
	"described", "explain", "explains", "explained", "add", "adds", "added", "quote", "quotes", "quoted",
	"show", "shows", "showed", "state", "states", "stated", "mention", "mentions", "mentioned", "tell",
	"tells", "told", "indicate", "indicates", "indicated", "confirm", "confirms", "confirmed", "cite",
	"cites", "cited", "call", "calls", "called", "contend", "contends", "insist", "insists", "believe",
	"believes", "portray", "portrays", "paint", "paints", "depict", "depicts", "if", "when", "since", "as")

// materialReach is how many words after the reference to the material a
// negation may stand and still be the material's: "the reporting I was
// handed doesn't reach that far".
const materialReach = 6

// materialFailsToSay reports whether the sentence makes the material the
// subject of a negated predicate, whatever the verb: "the provided
// context doesn't go as far as explaining…", "the coverage doesn't extend
// to…", "the articles leave that question unanswered", "my search of the
// supplied articles turned up nothing". A verb of saying ends the scan
// unless a negation follows it at once ("the article says nothing
// about…"), since what comes after it is the material's content.
func materialFailsToSay(s string) bool {
	for _, m := range materialRef.FindAllStringIndex(s, -1) {
		if !adverbial(s[:m[0]]) && negatedAfter(splitWords(s[m[1]:])) {
			return true
		}
	}
	return false
}

// adverbial reports whether the text before a reference to the material
// makes it no subject: "according to the sources, Kim has never been…",
// "in the articles…".
func adverbial(before string) bool {
	switch lastWord(before) {
	case "to", "in", "from", "by", "on", "with", "per", "across", "within", "among":
		return true
	}
	return false
}

func negatedAfter(ws []word) bool {
	for i := 0; i < len(ws) && i < materialReach; i++ {
		w := ws[i].text
		if ws[i].broken {
			return false // the clause ended: "the articles, which…"
		}
		switch {
		case materialNegators[w] || strings.HasSuffix(w, "n't"):
			return true
		case (w == "leave" || w == "leaves" || w == "left") && leftOpen(ws[i+1:]):
			return true
		case complementOpeners[w]:
			return i+1 < len(ws) && !ws[i+1].broken && (materialNegators[ws[i+1].text] || ws[i+1].text == "little")
		}
	}
	return false
}

// leftOpen reads what "leave" leaves: "leave this open", "leave the
// question unanswered".
func leftOpen(ws []word) bool {
	for i := 0; i < len(ws) && i < 3; i++ {
		switch ws[i].text {
		case "open", "unanswered", "unaddressed", "unresolved", "unclear", "out":
			return true
		}
	}
	return false
}
