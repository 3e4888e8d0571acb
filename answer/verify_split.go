package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// answerSentence is one sentence of an LLM answer with the whitespace that
// separated it from the previous one.
type answerSentence struct {
	text string
	gap  string
}

// sentenceEnd matches where a sentence of model output ends: terminal
// punctuation, closing quotes or brackets, then any citation markers
// (which belong to the sentence before them) and a full stop after them
// ("at 3 a.m. [1]."), then space or the end.
var sentenceEnd = lazyregexp.New(`[.!?…]+["'”’)\]]*(?:\s*\[[\d,;\s–-]+\])*[.!?]?(?:\s+|$)|\n\s*`)

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "prof": true, "rep": true, "sen": true,
	"gov": true, "pres": true, "vs": true, "no": true, "inc": true, "co": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true,
	"oct": true, "nov": true, "dec": true, "u.s": true, "u.n": true, "u.k": true, "e.g": true, "i.e": true,
}

// splitAnswer splits model output into sentences. It is not corpus
// splitting: markers after the full stop ("… parade. [2] Then …") stay
// with the sentence they follow, and line breaks (lists) end sentences.
func splitAnswer(text string) []answerSentence {
	var out []answerSentence
	start, gap := 0, ""
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		end := m[1]
		body := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
		if !endsSentence(text, m[0], end) || strings.TrimSpace(body) == "" {
			continue
		}
		out = append(out, answerSentence{text: strings.TrimSpace(body), gap: gap})
		gap = text[start+len(body) : end]
		start = end
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, answerSentence{text: rest, gap: gap})
	}
	out = splitOpeners(out)
	for i := range out {
		if strings.Contains(out[i].gap, "\n") {
			out[i].gap = "\n"
		} else {
			out[i].gap = " "
		}
	}
	return out
}

// endsSentence reports whether the match at [i, end) ends a sentence: not
// after an abbreviation or an initial ("Kim Jong Un. Then" ends, "Mr. Kim"
// and "U.S. officials" do not), and followed by the end of text, a line
// break or something that can start a sentence.
func endsSentence(text string, i, end int) bool {
	if text[i] == '\n' || end == len(text) || strings.Contains(text[i:end], "\n") {
		return true
	}
	if text[i] == '.' && isAbbreviation(text[:i]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([*-", r)
}

func isAbbreviation(before string) bool {
	j := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := strings.ToLower(before[j+1:])
	return abbreviations[word] || utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(before[j+1:])[0])
}

// openerColon matches an uncited opener that ends in a colon before the
// first sentence of the answer: "Here's what the sources say about their
// meetings: The two met…", "Based on the provided sources: After…". It is
// a sentence of its own (filler, removed as uncited), so the claim after
// it is checked, cited and shown without it.
var openerColon = lazyregexp.New(`(?i)^((?:here(?:'s|’s|\s+is|\s+are)|based\s+on|according\s+to|from|drawing\s+on|going\s+by|in\s+short|in\s+summary|to\s+sum\s+up|summary|short\s+answer)\b[^:\[\]【(]{0,90}?:)\s+[\p{Lu}\d"“]`)

// splitOpeners cuts each sentence that opens with such an opener in two.
func splitOpeners(sentences []answerSentence) []answerSentence {
	var out []answerSentence
	for _, s := range sentences {
		m := openerColon.FindStringSubmatchIndex(s.text)
		if m == nil {
			out = append(out, s)
			continue
		}
		out = append(out, answerSentence{text: s.text[:m[3]], gap: s.gap},
			answerSentence{text: strings.TrimSpace(s.text[m[3]:]), gap: " "})
	}
	return out
}
