package answer_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/answer"
)

// FuzzVerify feeds the verifier arbitrary replies and questions: it must
// never panic, and what it keeps must cite only sources it was given.
//
//	go test ./answer -run '^$' -fuzz FuzzVerify -fuzztime 30s
func FuzzVerify(f *testing.F) {
	for _, seed := range []string{
		"", "[1]", "[", "【", "(Source", "[^]", "[99999999999999999999999]", "[1-99999999]", "[Sources 1 and and 2]",
		"Kim Jong-un's Kim's ''' --- [2].", "U.S. U.N. A. B. C. [1]", "Twenty-four thousand and one hundred [1].",
		"“Quote” said X, adds Y, according to Z [1]. [^1]: def", "1950-53 3:00 60% 1,000.5 [3][4]",
		"I'm sorry, the provided articles don't mention it.", "Kim was seated next to Chinese first lady Peng Liyuan [1].",
	} {
		f.Add(seed, "How tall is Putin's wife's brother in 2019?")
	}
	lx := builtinLexical(f)
	f.Fuzz(func(t *testing.T, reply, question string) {
		if !utf8.ValidString(reply) || !utf8.ValidString(question) || len(reply) > 4000 {
			return
		}
		v := answer.Verify(question, reply, verifySources, lx)
		for _, c := range v.Citations {
			if c.N < 1 || c.N > len(verifySources) {
				t.Fatalf("citation %d of %d sources", c.N, len(verifySources))
			}
		}
		if len(v.Citations) == 0 && strings.TrimSpace(v.Text) != "" {
			t.Fatalf("text %q kept without a citation", v.Text)
		}
	})
}
