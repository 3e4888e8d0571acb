package eval

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/corpus"
)

// Segment is a piece of a paragraph, marked when it is part of an
// evidence quote.
type Segment struct {
	Text string
	Mark bool
}

// Highlight splits text into segments, marking every occurrence of a
// quote. Matching uses corpus.Normalize rune by rune, so a quote with
// straight quotes and single spaces finds the paragraph's curly quotes
// and line breaks.
func Highlight(text string, quotes []string) []Segment {
	folded, origin := foldWithOrigin(text)
	var spans [][2]int
	for _, q := range normalized(quotes) {
		if q == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(folded[from:], q)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(q)
			_, size := utf8.DecodeRuneInString(text[origin[end-1]:])
			spans = append(spans, [2]int{origin[start], origin[end-1] + size})
			from = end
		}
	}
	return segments(text, merge(spans))
}

// foldWithOrigin normalises text as corpus.Normalize does, rune by rune,
// and records for every byte of the result the offset of the rune in text
// it came from.
func foldWithOrigin(text string) (string, []int) {
	var b strings.Builder
	var origin []int
	space := true // drop leading spaces
	for i, r := range text {
		f := corpus.Normalize(string(r))
		if f == "" {
			if !space {
				b.WriteByte(' ')
				origin = append(origin, i)
				space = true
			}
			continue
		}
		b.WriteString(f)
		for range len(f) {
			origin = append(origin, i)
		}
		space = false
	}
	return b.String(), origin
}

// merge sorts spans and joins overlapping ones.
func merge(spans [][2]int) [][2]int {
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var out [][2]int
	for _, s := range spans {
		if n := len(out); n > 0 && s[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

func segments(text string, spans [][2]int) []Segment {
	var out []Segment
	at := 0
	for _, s := range spans {
		if s[0] > at {
			out = append(out, Segment{text[at:s[0]], false})
		}
		out = append(out, Segment{text[s[0]:s[1]], true})
		at = s[1]
	}
	if at < len(text) {
		out = append(out, Segment{text[at:], false})
	}
	return out
}
