package bot

import (
	"strings"
	"unicode"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// MaxContent is the most characters Discord shows in one message.
const MaxContent = 2000

// marker matches a citation marker such as [1], [3.2] or [1, 2].
var marker = lazyregexp.New(`\[\d+(?:\.\d+)?(?:,\s*\d+(?:\.\d+)?)*\]`)

// Split cuts text into pieces of at most limit characters (runes), at the
// best boundary available: a blank line, a line break, the end of a
// sentence (after its citation markers), a space, and only as a last
// resort mid-word. It never cuts inside a citation marker or a code span,
// between a markdown escape and the character it escapes, or between a
// sentence and the markers that follow it.
func Split(text string, limit int) []string {
	text = strings.TrimSpace(text)
	var out []string
	for text != "" {
		rs := []rune(text)
		if len(rs) <= limit {
			out = append(out, text)
			break
		}
		cut := cutPoint(rs, atomicSpans(text, rs), limit)
		out = append(out, strings.TrimRightFunc(string(rs[:cut]), unicode.IsSpace))
		text = strings.TrimLeftFunc(string(rs[cut:]), unicode.IsSpace)
	}
	return out
}

// span is a citation marker's or code span's position, in runes:
// [start, end). Split never cuts inside one.
type span struct{ start, end int }

// atomicSpans are the citation markers and code spans of text (rs).
func atomicSpans(text string, rs []rune) []span {
	return append(markerSpans(text), codeSpans(rs)...)
}

// codeSpans finds `…` pairs on one line, skipping escaped backticks.
func codeSpans(rs []rune) []span {
	var spans []span
	open := -1
	for i, r := range rs {
		switch {
		case r == '\n':
			open = -1
		case r == '`' && !escaped(rs, i):
			if open < 0 {
				open = i
			} else {
				spans = append(spans, span{open, i + 1})
				open = -1
			}
		}
	}
	return spans
}

// escaped reports whether rs[i] is escaped: preceded by an odd run of
// backslashes.
func escaped(rs []rune, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && rs[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

func markerSpans(text string) []span {
	var spans []span
	for _, m := range marker.FindAllStringIndex(text, -1) {
		start := len([]rune(text[:m[0]]))
		spans = append(spans, span{start, start + len([]rune(text[m[0]:m[1]]))})
	}
	return spans
}

// Boundary kinds, best first.
const (
	paragraphBreak = iota
	lineBreak
	sentenceEnd
	space
	kinds
)

// cutPoint picks where to end the first piece of rs: the best kind of
// boundary in the window, preferring one that is not too early.
func cutPoint(rs []rune, spans []span, limit int) int {
	var best [kinds]int
	for i := 1; i <= limit && i < len(rs); i++ {
		if k, ok := boundary(rs, spans, i); ok {
			best[k] = i
		}
	}
	for _, minimum := range []int{limit / 2, 1} {
		for k := range kinds {
			if best[k] >= minimum {
				return best[k]
			}
		}
	}
	return hardCut(rs, spans, limit)
}

// boundary reports whether rs may be cut before index i, and how good a
// cut that is. Cuts happen at whitespace.
func boundary(rs []rune, spans []span, i int) (int, bool) {
	if !unicode.IsSpace(rs[i]) || unicode.IsSpace(rs[i-1]) || inMarker(spans, i) || escaped(rs, i) {
		return 0, false
	}
	next := nextNonSpace(rs, i)
	if next < len(rs) && startsMarker(spans, next) {
		return 0, false // keep the markers with the sentence they cite
	}
	switch {
	case rs[i] == '\n' && i+1 < len(rs) && rs[i+1] == '\n':
		return paragraphBreak, true
	case rs[i] == '\n':
		return lineBreak, true
	case endsSentence(rs, spans, i):
		return sentenceEnd, true
	}
	return space, true
}

// endsSentence reports whether the text before i ends a sentence,
// possibly followed by its citation markers.
func endsSentence(rs []rune, spans []span, i int) bool {
	j := i
	for {
		s, ok := markerEndingAt(spans, j)
		if !ok {
			break
		}
		j = s.start
		for j > 0 && unicode.IsSpace(rs[j-1]) {
			j--
		}
	}
	for j > 0 && strings.ContainsRune(`"'”’)»`, rs[j-1]) {
		j--
	}
	return j > 0 && strings.ContainsRune(".!?…", rs[j-1])
}

func nextNonSpace(rs []rune, i int) int {
	for i < len(rs) && unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

func inMarker(spans []span, i int) bool {
	for _, s := range spans {
		if s.start < i && i < s.end {
			return true
		}
	}
	return false
}

func startsMarker(spans []span, i int) bool {
	for _, s := range spans {
		if s.start == i {
			return true
		}
	}
	return false
}

func markerEndingAt(spans []span, i int) (span, bool) {
	for _, s := range spans {
		if s.end == i {
			return s, true
		}
	}
	return span{}, false
}

// hardCut cuts at limit, or before a marker or code span that straddles
// it, and never right after an escaping backslash: "\" at the end of one
// message and "*" at the start of the next would both be read wrongly.
func hardCut(rs []rune, spans []span, limit int) int {
	cut := limit
	for _, s := range spans {
		if s.start < cut && cut < s.end && s.start > 0 {
			cut = s.start
		}
	}
	for cut > 1 && escaped(rs, cut) {
		cut--
	}
	return cut
}
