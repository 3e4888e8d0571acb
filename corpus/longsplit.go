package corpus

import (
	"unicode"
	"unicode/utf8"
)

// byLength returns spans with every span longer than max bytes cut into
// pieces of at most max bytes: at the last white space before the limit,
// or, in a run with none, at the last rune boundary. Without it a
// paragraph with no sentence breaks (a table, a list run together, a
// hostile file) would become one chunk of any size.
func byLength(text string, spans []Span, max int) []Span {
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		for s.End-s.Start > max {
			cut := cutAt(text[s.Start:s.End], max)
			out = append(out, trimSpan(text, s.Start, s.Start+cut))
			s = trimSpan(text, s.Start+cut, s.End)
		}
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return out
}

// cutAt is where to end the first piece of s, at most max bytes in.
func cutAt(s string, max int) int {
	for i := max; i > max/2; i-- {
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) && utf8.RuneStart(s[i]) {
			return i
		}
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	if i == 0 {
		return max // not UTF-8 at all; Parse has rejected that already
	}
	return i
}

// trimSpan is text[start:end] without surrounding white space.
func trimSpan(text string, start, end int) Span {
	for start < end && isSpace(text[start]) {
		start++
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	return Span{Text: text[start:end], Start: start, End: end}
}
