package analysis

import "strings"

// sortedLines is a table of "key rest…" lines sorted by key, searched in
// place: parsing a table of tens of thousands of lines into a map cost
// more than answering a question, on every run of `footnote ask`, and even
// indexing where each line starts cost a tenth of one; a binary search
// over byte offsets needs neither.
type sortedLines struct {
	text string
}

// newSortedLines wraps text, whose lines must be sorted by key.
func newSortedLines(text string) sortedLines { return sortedLines{text: text} }

// lineAt returns the line starting at off: its key, the rest after one
// space, and where the next line starts.
func (sl sortedLines) lineAt(off int) (key, rest string, next int) {
	s := sl.text[off:]
	next = len(sl.text)
	if end := strings.IndexByte(s, '\n'); end >= 0 {
		s, next = s[:end], off+end+1
	}
	key, rest, _ = strings.Cut(s, " ")
	return key, rest, next
}

// lookup returns the rest of the line whose key is key. It is a binary
// search over the first line with a key ≥ key: lo and hi are always line
// starts, every line before lo has a smaller key, and none from hi on does.
func (sl sortedLines) lookup(key string) (string, bool) {
	lo, hi := 0, len(sl.text)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(sl.text[lo:mid], '\n') + 1 + lo // the line holding mid
		if k, _, next := sl.lineAt(start); k < key {
			lo = next
		} else {
			hi = start
		}
	}
	if lo == len(sl.text) {
		return "", false
	}
	if k, rest, _ := sl.lineAt(lo); k == key {
		return rest, true
	}
	return "", false
}
