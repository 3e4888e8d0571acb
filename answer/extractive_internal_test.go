package answer

import (
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/retrieval"
)

func TestTheExtractiveAnswerToAWhyQuestionTakesTheSentenceThatGivesTheCause(t *testing.T) {
	results := []retrieval.Result{
		{Rank: 1, Doc: "a", Paragraph: 1, Text: "Kim stayed away from the summit in Hanoi, officials in Pyongyang said on Monday."},
		{Rank: 2, Doc: "a", Paragraph: 2, Text: "Kim stayed away from the Hanoi summit because of security concerns, the envoy said."},
	}
	var chunks [][]string
	for _, r := range results {
		chunks = append(chunks, analysis.Tokens(r.Text))
	}
	stats := retrieval.NewLexical(chunks)
	tests := []struct {
		name, question string
		want           int
	}{
		{"a why question prefers the paragraph that gives the cause", "Why did Kim stay away from the summit in Hanoi?", 1},
		{"a who question keeps the better-ranked one", "Who said Kim stayed away from the summit in Hanoi?", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := extract(tt.question, results, stats, &analysis.StemCache{})
			if ex.best != tt.want {
				t.Errorf("best sentence from result %d (%q), want %d: %q", ex.best, ex.sentences, tt.want, results[tt.want].Text)
			}
		})
	}
}
