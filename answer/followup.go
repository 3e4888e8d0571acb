package answer

import (
	"strings"

	"github.com/footnote-dev/footnote/analysis"
)

// standalone rewrites a follow-up into a question that retrieves on its
// own, by carrying over the salient terms of the conversation's latest
// question that the follow-up does not already contain: "and what did
// China do?" after a question about Kim's Moscow trip keeps "Kim" and
// "Moscow".
func (e *Engine) standalone(history []Turn, q string) string {
	last := history[len(history)-1].Question
	have := map[string]bool{}
	for _, t := range analysis.Tokens(q) {
		have[t] = true
	}
	var carry []string
	for _, w := range analysis.Words(last) {
		stem := analysis.Stem(w)
		if have[stem] || len(analysis.Tokens(w)) == 0 {
			continue
		}
		have[stem] = true
		carry = append(carry, w)
	}
	if len(carry) == 0 {
		return q
	}
	return q + " (" + strings.Join(carry, " ") + ")"
}
