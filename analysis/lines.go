package analysis

import (
	"sort"
	"strings"
)

// sortedLines is a table of "key rest…" lines sorted by key, searched in
// place: parsing a table of tens of thousands of lines into a map cost
// more than answering a question, on every run of `footnote ask`.
type sortedLines struct {
	text   string
	starts []int32 // offset of each line
}

// newSortedLines indexes the lines of text, which must be sorted by key.
func newSortedLines(text string) sortedLines {
	sl := sortedLines{text: text, starts: make([]int32, 0, strings.Count(text, "\n")+1)}
	for off := 0; off < len(text); {
		sl.starts = append(sl.starts, int32(off))
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			break
		}
		off += end + 1
	}
	return sl
}

// line returns the i-th line's key and the rest after one space.
func (sl sortedLines) line(i int) (key, rest string) {
	s := sl.text[sl.starts[i]:]
	if end := strings.IndexByte(s, '\n'); end >= 0 {
		s = s[:end]
	}
	key, rest, _ = strings.Cut(s, " ")
	return key, rest
}

// lookup returns the rest of the line whose key is key.
func (sl sortedLines) lookup(key string) (string, bool) {
	i := sort.Search(len(sl.starts), func(i int) bool {
		k, _ := sl.line(i)
		return k >= key
	})
	if i == len(sl.starts) {
		return "", false
	}
	if k, rest := sl.line(i); k == key {
		return rest, true
	}
	return "", false
}
