package clip_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/internal/clip"
)

func TestClipKeepsTheLimitAndMarksTheCut(t *testing.T) {
	tests := []struct {
		name string
		clip func(string, int) string
		in   string
		n    int
		want string
	}{
		{"short text stays whole", clip.Runes, "Kim skipped the parade.", 40, "Kim skipped the parade."},
		{"white space is folded", clip.Runes, "Kim\n  skipped", 40, "Kim skipped"},
		{"a cut counts its mark", clip.Runes, "abcdefghij", 5, "abcd…"},
		{"runes, not bytes", clip.Runes, "Pyongyang’s “juche”", 12, "Pyongyang’s…"},
		{"a limit of 0 leaves nothing", clip.Runes, "abc", 0, ""},
		{"words cut after a whole word", clip.Words, "Kim skipped the parade, in Moscow", 25, "Kim skipped the parade…"},
		{"one long word is cut inside", clip.Words, strings.Repeat("x", 30), 10, "xxxxxxxxx…"},
		{"words keep short text whole", clip.Words, "Kim", 10, "Kim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.clip(tt.in, tt.n)
			if got != tt.want || utf8.RuneCountInString(got) > max(tt.n, 0) {
				t.Errorf("clip(%q, %d) = %q (%d runes), want %q", tt.in, tt.n, got, utf8.RuneCountInString(got), tt.want)
			}
		})
	}
}
