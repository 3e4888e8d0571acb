package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// completedReply is completedPrefix of a reply as Verify reads it, with
// its markers normalised: a marker the raw text does not read as one
// ("[^1]" opening what follows a full stop) can move where a sentence
// ends, and the stream must end sentences where the final answer will.
func completedReply(text string) (string, int) { return completedPrefix(normalizeMarkers(text)) }

// completedPrefix returns the part of a streamed reply that holds its
// complete sentences, and how many there are. A sentence is complete once
// a later one has begun: only then is its end known, since an
// abbreviation ("Mr. Kim") or the citation markers after its full stop
// ("… parade. [2]") may still follow. The prefix is cut from text itself,
// which the caller gives with its markers normalised as Verify does
// (normalizeMarkers, which leaves normalised text as it is), so the
// verifier splits it exactly as it splits the whole reply.
func completedPrefix(text string) (string, int) {
	ss := splitAnswer(text)
	k := len(ss) - 1 // the last sentence may still grow
	for k > 0 && !begun(ss[k].text) {
		k--
	}
	if k <= 0 {
		return "", 0
	}
	return text[:endOf(text, ss[:k])], k
}

// endOf returns the offset in text just after the last of ss, sentences
// split from text. Should a splitter ever rewrite a sentence so that it
// cannot be found, the offset stops before it: a shorter prefix only
// delays what is shown.
func endOf(text string, ss []answerSentence) int {
	end := 0
	for _, s := range ss {
		i := strings.Index(text[end:], s.text)
		if i < 0 {
			break
		}
		end += i + len(s.text)
	}
	return end
}

// leadingMarkers matches the closed citation groups a split can leave at
// the start of a sentence: [2], (Source 2), 【2】.
var leadingMarkers = lazyregexp.New(`^(?:\s*(?:\[[^\[\]]*\]|\([^()]*\)|【[^【】]*】))*\s*`)

// begun reports whether a sentence has started for real: past any closed
// marker groups it holds a letter or digit and opens no bracket, so it is
// not the beginning of a marker ("[2", "[Source 2") that belongs to the
// sentence before it.
func begun(sentence string) bool {
	rest := sentence[len(leadingMarkers.FindString(sentence)):]
	if r, _ := utf8.DecodeRuneInString(rest); r == '[' || r == '(' || r == '【' {
		return false
	}
	return strings.IndexFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
