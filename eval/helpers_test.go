package eval_test

import (
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/eval"
	"github.com/footnote-dev/footnote/retrieval"
)

// Paragraphs of the synthetic corpus the report tests use.
const (
	paraParade = "Kim Jong Un skipped the Victory Day parade in Moscow, citing “security concerns” at home."
	paraJuche  = "“Juche” is Korean for self-reliance, a mantra of Kim Jong Il."
	paraOther  = "Putin hosted leaders from <b>twenty</b> countries & more."
)

func result(rank int, doc string, n int, text string) retrieval.Result {
	return retrieval.Result{Rank: rank, Score: 1 / float64(rank), Doc: doc, Title: "Title of " + doc, Paragraph: n, Text: text}
}

func citation(n int, doc string, p int, text string) answer.Citation {
	return answer.Citation{N: n, Doc: doc, Title: "Title of " + doc, Paragraph: p, Text: text}
}

// sampleObservations is a small run with one of each outcome: a pass, a
// wrong answer with a poor ranking, a false abstention, a correct refusal
// and a confident answer to an unanswerable question.
func sampleObservations() []eval.Observation {
	parade := eval.Fixture{ID: "q1", Line: 1, Question: "Why did Kim skip the parade?", Answerable: true,
		Keywords: [][]string{{"security"}}, Evidence: []string{`citing "security concerns"`}, Gold: 1}
	juche := eval.Fixture{ID: "q2", Line: 2, Question: "What does juche mean?", Answerable: true,
		Keywords: [][]string{{"self-reliance", "self reliance"}}, Evidence: []string{"Korean for self-reliance"}, Gold: 1}
	abstained := eval.Fixture{ID: "q3", Line: 3, Question: "Who guards the parade?", Answerable: true,
		Keywords: [][]string{{"Kim"}}, Evidence: []string{"skipped the Victory Day parade"}, Gold: 1}
	dog := eval.Fixture{ID: "q4", Line: 4, Question: "What is Putin's dog called?"}
	wife := eval.Fixture{ID: "q5", Line: 5, Question: "Who is <Kim's> wife?"}
	ranking := []retrieval.Result{result(1, "moscow", 3, paraParade), result(2, "juche", 1, paraJuche), result(3, "moscow", 4, paraOther)}
	ms := func(n float64) time.Duration { return time.Duration(n * float64(time.Millisecond)) }
	return []eval.Observation{
		{Fixture: parade, Latency: ms(2), Ranking: ranking, Answer: answer.Answer{Mode: answer.Extractive, Evidence: 0.8,
			Text: "He cited security concerns [1].", Citations: []answer.Citation{citation(1, "moscow", 3, paraParade)}}},
		{Fixture: juche, Latency: ms(4), Ranking: []retrieval.Result{result(1, "moscow", 4, paraOther), result(2, "moscow", 3, paraParade), result(3, "juche", 1, paraJuche)},
			Answer: answer.Answer{Mode: answer.Extractive, Evidence: 0.5, DroppedCitations: 1,
				Text: "Putin hosted leaders [1].", Citations: []answer.Citation{citation(1, "moscow", 4, paraOther)}}},
		{Fixture: abstained, Latency: ms(6), Ranking: ranking, Answer: answer.Answer{Mode: answer.Extractive, Evidence: 0.2, Abstained: true, Text: answer.AbstainText}},
		{Fixture: dog, Latency: ms(8), Ranking: ranking, Answer: answer.Answer{Mode: answer.Extractive, Evidence: 0.1, Abstained: true, Text: answer.AbstainText}},
		{Fixture: wife, Latency: ms(10), Ranking: ranking, Answer: answer.Answer{Mode: answer.Extractive, Evidence: 0.3,
			Text: "Putin hosted <b>leaders</b> [1].", Citations: []answer.Citation{citation(1, "moscow", 4, paraOther)}}},
	}
}

func sampleReport() eval.Report {
	return eval.Score(sampleObservations(), eval.Settings{Fixtures: "sample.jsonl", K: 2, Threshold: 0.25, Workers: 2})
}
