package analysis

import "strings"

// sortedLines is a table of "key rest…" lines sorted by key, searched in
// place: parsing a table of tens of thousands of lines into a map cost
// more than answering a question, on every run of `footnote ask`, and even
// indexing where each line starts cost a tenth of one; a binary search
// over byte offsets needs neither.
type sortedLines struct {
	text string
	// starts, when set (see indexed), are the offsets of the lines.
	starts []int32
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

// indexed returns sl with its line starts listed. For a small table read
// many times — the 4,154 irregular inflections every stemmed word is
// looked up in — listing them once (16 KB) makes each lookup a plain
// binary search over whole lines, a fifth of the cost of one over bytes.
func (sl sortedLines) indexed() sortedLines {
	sl.starts = make([]int32, 0, strings.Count(sl.text, "\n")+1)
	for off := 0; off < len(sl.text); {
		sl.starts = append(sl.starts, int32(off))
		_, _, off = sl.lineAt(off)
	}
	return sl
}

// lookup returns the rest of the first line whose key is key.
func (sl sortedLines) lookup(key string) (string, bool) {
	if sl.starts != nil {
		return sl.lookupIndexed(key)
	}
	return sl.lookupBytes(key)
}

// lookupIndexed is lookup over the listed line starts: the first line
// with a key ≥ key.
func (sl sortedLines) lookupIndexed(key string) (string, bool) {
	lo, hi := 0, len(sl.starts)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if k, _, _ := sl.lineAt(int(sl.starts[mid])); k < key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == len(sl.starts) {
		return "", false
	}
	if k, rest, _ := sl.lineAt(int(sl.starts[lo])); k == key {
		return rest, true
	}
	return "", false
}

// lookupBytes is lookup as a binary search over the first line with a
// key ≥ key: lo and hi are always line starts, every line before lo has
// a smaller key, and none from hi on does.
func (sl sortedLines) lookupBytes(key string) (string, bool) {
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
