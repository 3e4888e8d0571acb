package analysis

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestWordsASCIIAgreesWithNormalising(t *testing.T) {
	cases := []string{
		"Kim's visit to Moscow's parade.", "Kim's", "Kim's  ", "Kim's\n\nNext", "it's's a", "''s x", "'s",
		"Jong-un met\tPutin\r\nin 2024, at 10:30.", "U.S. and U.N. officials", "a.b.c", "", "   ", "\v\f'S  X",
		"don't, won't; can't!", "50% of 1,000", "x's 's y", "END's.",
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "aAsS' \t\n.-,0'9zZ"
	for range 5000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		fast, ok := wordsASCII(c)
		if !ok {
			continue
		}
		slow := wordsNormalized(c)
		if len(fast) == 0 && len(slow) == 0 {
			continue
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("wordsASCII(%q) = %q, want %q", c, fast, slow)
		}
	}
	if _, ok := wordsASCII("café"); ok {
		t.Error("non-ASCII text took the ASCII path")
	}
}
