package answer

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// wordRegexp is what questionWordsOf stands in for.
var wordRegexp = regexp.MustCompile(`'s\b|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*`)

var wordSamples = []string{
	"", "Kim's", "Kim’s wife", "Kim's_x", "Kim'sx 's 's1 's-", "'s", "''s", "Jong-un", "Jong--un", "-un", "un-", "a-b-c-",
	"What is Kim Jong Un's favourite food?", "How tall is Putin?", "Who met 3 leaders in 2019-20?", "x\xffy", "é-ü ß２ ٣",
	"north-east's 'sake", "ⅫⅢ-x", "日本語の-テキスト", "rock'n'roll's", "O'Brien's", "it's", "'S", "\u02bcs",
}

// TestQuestionWordsAreTheRegexpsMatches holds the hand-written word split
// to the regular expression it replaces.
func TestQuestionWordsAreTheRegexpsMatches(t *testing.T) {
	for _, q := range wordSamples {
		if got, want := questionWordsOf(q), wordRegexp.FindAllString(apostrophes.Replace(q), -1); !slices.Equal(got, want) {
			t.Errorf("questionWordsOf(%q) = %q, the expression finds %q", q, got, want)
		}
	}
}

// FuzzQuestionWordsAreTheRegexpsMatches is the same on any text.
func FuzzQuestionWordsAreTheRegexpsMatches(f *testing.F) {
	for _, q := range wordSamples {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if got, want := questionWordsOf(q), wordRegexp.FindAllString(apostrophes.Replace(q), -1); !slices.Equal(got, want) {
			t.Errorf("questionWordsOf(%q) = %q, the expression finds %q", q, got, want)
		}
	})
}

// possessiveSamples are texts with and without a possessive.
var possessiveSamples = []string{"Kim's wife", "Kim’s wife", "Kim Jong Un's favourite food", "no owner here", "Kims wife",
	"Kim s wife", "Kim`s wife", "Kim\u02bcs wife", "KIM'S WIFE", "Kim's\twife", "Kim ’s wife"}

// checkPossessivePrecheck fails when the possessive expression matches a
// text that owned's pre-check skips: the skip must lose no match.
func checkPossessivePrecheck(t *testing.T, text string) {
	t.Helper()
	skipped := !strings.Contains(text, "'s") && !strings.Contains(text, "’s")
	if m := possessive.FindAllStringSubmatch(text, -1); skipped && len(m) > 0 {
		t.Errorf("owned skips %q, where the possessive expression matches %q", text, m)
	}
}

// TestOwnedSkipsOnlyTextsWithoutAPossessive checks the pre-check in front
// of the possessive expression.
func TestOwnedSkipsOnlyTextsWithoutAPossessive(t *testing.T) {
	for _, text := range possessiveSamples {
		checkPossessivePrecheck(t, text)
	}
}

// FuzzOwnedSkipsOnlyTextsWithoutAPossessive is the same on any text.
func FuzzOwnedSkipsOnlyTextsWithoutAPossessive(f *testing.F) {
	for _, text := range possessiveSamples {
		f.Add(text)
	}
	f.Fuzz(checkPossessivePrecheck)
}
