package analysis

import (
	"flag"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite related_extra_stems.txt from related_extra.txt")

// stemRelatedExtra stems the hand-made list of related words as the
// lexicon once did on every start: each line's first word, then the
// words an article would use instead, each stemmed, repeats and the head
// itself dropped, lines with the same head stem merged in file order. It
// returns the sorted "stem related…" lines the lexicon reads.
func stemRelatedExtra(list string) string {
	extra := map[string][]string{}
	for _, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		head := Stem(f[0])
		for _, w := range f[1:] {
			if s := Stem(w); s != head && !slices.Contains(extra[head], s) {
				extra[head] = append(extra[head], s)
			}
		}
	}
	heads := make([]string, 0, len(extra))
	for h := range extra {
		heads = append(heads, h)
	}
	sort.Strings(heads)
	var b strings.Builder
	for _, h := range heads {
		b.WriteString(h + " " + strings.Join(extra[h], " ") + "\n")
	}
	return b.String()
}

// TestRelatedExtraStemsAreTheList holds the embedded stemmed table to
// related_extra.txt stemmed with today's tokenizer; -update rewrites it.
func TestRelatedExtraStemsAreTheList(t *testing.T) {
	list, err := os.ReadFile("related_extra.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := stemRelatedExtra(string(list))
	if *update {
		if err := os.WriteFile("related_extra_stems.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if strings.Count(want, "\n") < 10 {
		t.Fatalf("only %d heads stemmed from related_extra.txt", strings.Count(want, "\n"))
	}
	if relatedExtraStems != want {
		t.Errorf("related_extra_stems.txt is not related_extra.txt stemmed: go test ./analysis -run RelatedExtra -update\ngot:\n%s\nwant:\n%s", relatedExtraStems, want)
	}
}

// TestRelatedIncludesTheHandMadeList checks that a head of the list gets
// its related words from the embedded table.
func TestRelatedIncludesTheHandMadeList(t *testing.T) {
	got := Related(Stem("bankroll"))
	for _, w := range []string{"financ", "money"} {
		if !slices.Contains(got, w) {
			t.Errorf("Related(bankroll) = %v, lacks %q", got, w)
		}
	}
}
