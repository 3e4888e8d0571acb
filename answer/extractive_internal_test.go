package answer

import (
	"strings"
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

func TestTheExtractiveAnswerReadsASentenceInItsSurroundings(t *testing.T) {
	names := retrieval.Result{Rank: 1, Doc: "a", Title: "Trains return", Paragraph: 1, Text: "Trains between Lund and Dalby run every 30 minutes."}
	cost := "The project cost 2.6 billion kronor in total."
	tests := []struct {
		name    string
		results []retrieval.Result
		want    int
	}{
		{"under its article's title the sentence with the cost wins", []retrieval.Result{
			names, {Rank: 2, Doc: "b", Title: "The Lund-Dalby railway opens", Paragraph: 4, Text: cost},
		}, 1},
		{"after the retrieved paragraph before it, naming the line, the sentence with the cost wins", []retrieval.Result{
			names, {Rank: 2, Doc: "b", Title: "Opening day", Paragraph: 4, Text: cost},
			{Rank: 3, Doc: "b", Title: "Opening day", Paragraph: 3, Text: "The Lund-Dalby railway opened on Sunday."},
		}, 1},
		{"with nothing around it the sentence repeating the names wins", []retrieval.Result{
			names, {Rank: 2, Doc: "b", Title: "Opening day", Paragraph: 4, Text: cost},
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks := [][]string{analysis.Tokens("a parade in Moscow"), analysis.Tokens("the summit in Hanoi")}
			for _, r := range tt.results {
				chunks = append(chunks, analysis.Tokens(r.Text))
			}
			ex := extract("What did the Lund-Dalby railway cost in total?", tt.results, retrieval.NewLexical(chunks), &analysis.StemCache{})
			if ex.best != tt.want {
				t.Errorf("best sentence from result %d (%q), want %d: %q", ex.best, ex.sentences, tt.want, tt.results[tt.want].Text)
			}
		})
	}
}

func TestAWhyQuestionsAnswerOpensWithAReasonThatScoresNearTheBest(t *testing.T) {
	results := []retrieval.Result{
		{Rank: 1, Doc: "a", Paragraph: 1, Text: "China held its 70th Victory Day parade in Beijing in 2015, with leaders of its allies in Tiananmen Square."},
		{Rank: 2, Doc: "a", Paragraph: 2, Text: "Kim stayed away from the parade because Xi rejected his request."},
		{Rank: 3, Doc: "a", Paragraph: 3, Text: "Trains between Lund and Dalby run every 30 minutes because of demand."},
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
		{"a reason near the best leads", "Why did Kim stay away from China's 70th Victory Day parade in Tiananmen Square in 2015?", 1},
		{"a reason far below the best does not", "Why did China hold its 70th Victory Day parade in Tiananmen Square in 2015?", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := extract(tt.question, results, stats, &analysis.StemCache{})
			if ex.best != tt.want {
				t.Errorf("best sentence from result %d (%q), want %d", ex.best, ex.sentences, tt.want)
			}
		})
	}
}

func TestASentenceThatPointsBackBringsTheOneBeforeIt(t *testing.T) {
	para := "It must be somebody important to warrant a personal airport pickup at 3 a.m. But that’s the honor Kim paid to Putin on Wednesday, greeting him on a red carpet-laid runway in the wee hours."
	results := []retrieval.Result{{Rank: 1, Doc: "a", Paragraph: 1, Text: para}}
	stats := retrieval.NewLexical([][]string{analysis.Tokens(para)})
	ex := extract("When did Kim greet Putin on the runway?", results, stats, &analysis.StemCache{})
	if len(ex.sentences) == 0 || !strings.Contains(strings.Join(ex.sentences, " "), "3 a.m.") {
		t.Errorf("sentences %q: want the one before \"But that’s the honor…\", which says what that is", ex.sentences)
	}
}
