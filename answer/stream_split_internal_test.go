package answer

import (
	"slices"
	"strings"
	"testing"
)

func TestASentenceIsCompleteOnceTheNextHasBegun(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"a lone sentence may still grow", "Kim met Putin [1].", ""},
		{"a full stop with a space is not yet an end", "Kim met Putin [1]. ", ""},
		{"the next sentence's first letter completes it", "Kim met Putin [1]. T", "Kim met Putin [1]."},
		{"a marker after the full stop may still come", "Kim met Putin [1]. [", ""},
		{"a marker after the full stop is being written", "Kim met Putin [1]. [2", ""},
		{"a spelled-out marker is being written", "Kim met Putin [1]. [Source 2", ""},
		{"a parenthesised marker is being written", "Kim met Putin. (Source 2", ""},
		{"a footnote-style marker is being written", "Kim met Putin. [^2", ""},
		{"a full-width marker is being written", "Kim met Putin. 【2", ""},
		{"a closed marker alone does not begin a sentence", "Kim met Putin. [2]", ""},
		{"a marker after the full stop stays with its sentence", "Kim met Putin. [2] Then", "Kim met Putin. [2]"},
		{"an abbreviation does not end a sentence", "Kim met Mr. P", ""},
		{"an abbreviation at the end of the text is not an end yet", "Kim met Mr.", ""},
		{"a line break ends a sentence once the next line begins", "- Kim met Putin [1]\n- S", "- Kim met Putin [1]"},
		{"the last of several sentences may still grow", "A met B [1]. C met D [2]. E met", "A met B [1]. C met D [2]."},
		{"a closing quote belongs to the sentence", "He said “we won.” [1] Then", "He said “we won.” [1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := completedPrefix(tt.text); got != tt.want {
				t.Errorf("completedPrefix(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestACompletedPrefixEndsWhereTheWholeReplySplits cuts replies at every
// byte: whatever has arrived, the sentences taken as complete must be
// whole sentences of the reply as Verify splits it. A footnote marker
// opening what follows a full stop ("(Source 5). [^1] claim …") once made
// the stream end a sentence the final answer runs on.
func TestACompletedPrefixEndsWhereTheWholeReplySplits(t *testing.T) {
	replies := []string{
		"The official added (Source 5). [^1] claim that North Korea hacked into Sony’s computers 【2】. Beijing is not happy (Source 2).",
		"Kim met Putin [1]. [2] Then they talked [^3]. He left.",
		"He said “we won.” [1] Then (Source 2) they went home [1-2]. The end.",
	}
	for _, reply := range replies {
		var ends []string
		full := normalizeMarkers(reply)
		ss := splitAnswer(full)
		for k := 1; k <= len(ss); k++ {
			ends = append(ends, full[:endOf(full, ss[:k])])
		}
		for i := range reply {
			prefix, n := completedReply(reply[:i])
			if n == 0 {
				continue
			}
			if !strings.HasPrefix(full, prefix) || !slices.Contains(ends, prefix) {
				t.Errorf("after %q the completed prefix is %q: not whole sentences of %q", reply[:i], prefix, full)
				break
			}
		}
	}
}
