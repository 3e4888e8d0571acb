package bot_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/bot"
)

func TestSplit(t *testing.T) {
	sentence := "Kim went to Moscow. [1] "
	for _, tc := range []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"short text stays whole", "One. [1]", 20, []string{"One. [1]"}},
		{"cuts at a blank line first", "Alpha beta. [1]\n\nGamma delta. [2]", 25, []string{"Alpha beta. [1]", "Gamma delta. [2]"}},
		{"keeps a sentence with its citation markers", "First one here. [1] [2] Second one. [3]", 26, []string{"First one here. [1] [2]", "Second one. [3]"}},
		{"cuts after a sentence rather than mid-sentence", "Aaa bbb. Ccc ddd eee fff.", 15, []string{"Aaa bbb.", "Ccc ddd eee", "fff."}},
		{"never cuts inside a marker", "xxxxxxxxx[12]", 11, []string{"xxxxxxxxx", "[12]"}},
		{"cuts a word with no spaces at the limit", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"counts characters, not bytes", "ééé ééé", 3, []string{"ééé", "ééé"}},
		{"splits a long answer into pieces that fit", strings.Repeat(sentence, 200), 2000, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := bot.Split(tc.text, tc.limit)
			if tc.want != nil && strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Split = %q, want %q", got, tc.want)
			}
			for _, p := range got {
				if n := utf8.RuneCountInString(p); n > tc.limit || n == 0 {
					t.Errorf("piece of %d characters, limit %d: %q", n, tc.limit, p)
				}
				if strings.HasPrefix(p, "[") && tc.name != "never cuts inside a marker" {
					t.Errorf("piece starts with a citation marker: %q", p)
				}
			}
			if noSpace(strings.Join(got, "")) != noSpace(tc.text) {
				t.Error("pieces do not add up to the text")
			}
		})
	}
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }
