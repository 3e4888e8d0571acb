package analysis

import (
	"strings"
	"testing"
)

// TestSortedLinesFindEveryKeyOfTheLexicon holds the in-place binary search
// to a plain scan: every key of the embedded lexicon is found with the
// rest of its first line, and keys between and around them are not.
func TestSortedLinesFindEveryKeyOfTheLexicon(t *testing.T) {
	lx := theLexicon()
	tables := map[string]sortedLines{"related": lx.related, "lemmas": lx.lemmas,
		"related, indexed": lx.related.indexed(), "lemmas, not indexed": newSortedLines(lx.lemmas.text)}
	if lx.lemmas.starts == nil {
		t.Error("the lemmas table is not indexed")
	}
	for name, sl := range tables {
		t.Run(name, func(t *testing.T) {
			first := map[string]string{}
			for _, line := range strings.Split(strings.TrimSuffix(sl.text, "\n"), "\n") {
				k, rest, _ := strings.Cut(line, " ")
				if _, seen := first[k]; !seen {
					first[k] = rest
				}
			}
			if len(first) < 100 {
				t.Fatalf("only %d keys in the %s table", len(first), name)
			}
			for k, want := range first {
				if got, ok := sl.lookup(k); !ok || got != want {
					t.Fatalf("lookup(%q) = %q, %v; want %q", k, got, ok, want)
				}
				for _, absent := range []string{k + "\x00", k[:len(k)-1] + "\x00"} {
					if _, in := first[absent]; in {
						continue
					}
					if got, ok := sl.lookup(absent); ok {
						t.Fatalf("lookup(%q) = %q, want not found", absent, got)
					}
				}
			}
		})
	}
}

// TestSortedLinesHandleTheEdgesOfASmallTable covers the first and last
// line, a table without a final newline and an empty one.
func TestSortedLinesHandleTheEdgesOfASmallTable(t *testing.T) {
	tests := []struct {
		name, text, key, want string
		found                 bool
	}{
		{"the first line is found", "a 1\nb 2\nc 3\n", "a", "1", true},
		{"the last line is found", "a 1\nb 2\nc 3\n", "c", "3", true},
		{"a last line without a newline is found", "a 1\nb 2\nc 3", "c", "3", true},
		{"a key after every line is absent", "a 1\nb 2\nc 3\n", "d", "", false},
		{"a key before every line is absent", "b 2\nc 3\n", "a", "", false},
		{"a key between lines is absent", "a 1\nc 3\n", "b", "", false},
		{"an empty table finds nothing", "", "a", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, sl := range []sortedLines{newSortedLines(tt.text), newSortedLines(tt.text).indexed()} {
				got, ok := sl.lookup(tt.key)
				if got != tt.want || ok != tt.found {
					t.Errorf("lookup(%q) indexed=%v = %q, %v; want %q, %v", tt.key, sl.starts != nil, got, ok, tt.want, tt.found)
				}
			}
		})
	}
}

// TestLemmasStartAfterEveryRelatedLine checks that the lemma lines found
// from the end of the lexicon are the ones a search from its start finds:
// no "=" line stands among the related lines.
func TestLemmasStartAfterEveryRelatedLine(t *testing.T) {
	want := strings.Index(synonymsTxt, "\n=") + 1
	if got := lemmaStart(synonymsTxt); got != want || want == 0 {
		t.Errorf("lemma lines start at %d, a search from the start finds %d", got, want)
	}
	tests := []struct {
		name, text string
		want       int
	}{
		{"lemmas after related lines", "a b\nc d\n=e f\n=g h\n", len("a b\nc d\n")},
		{"no lemmas", "a b\nc d\n", len("a b\nc d\n")},
		{"only lemmas", "=e f\n=g h\n", 0},
		{"no final newline", "a b\n=e f", len("a b\n")},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lemmaStart(tt.text); got != tt.want {
				t.Errorf("lemmaStart(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}
