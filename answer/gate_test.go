package answer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

func TestTheBuiltInGateModelReads(t *testing.T) {
	m, err := answer.DefaultGateModel()
	if err != nil {
		t.Fatal(err)
	}
	if !(m.LLMThreshold > 0 && m.LLMThreshold <= m.Threshold) {
		t.Errorf("thresholds %g (llm) and %g: want 0 < llm ≤ extractive", m.LLMThreshold, m.Threshold)
	}
}

func TestParseGateModelRejectsABrokenFile(t *testing.T) {
	// Every signal weighed 1, whatever the signals are.
	weights := `"weights": {"` + strings.Join(answer.SignalNames(), `": 1, "`) + `": 1}`
	tests := []struct {
		name, text, want string
	}{
		{"an unknown key", `{"bais": 1, ` + weights + `, "threshold": 0.5, "llm_threshold": 0.2}`, `unknown field "bais"`},
		{"a missing weight", `{"weights": {"coverage": 1}, "threshold": 0.5, "llm_threshold": 0.2}`, `no weight for signal "unknown_names"`},
		{"a weight for no signal", `{` + strings.Replace(weights, `": 1}`, `": 1, "vibes": 2}`, 1) + `, "threshold": 0.5, "llm_threshold": 0.2}`, "unknown signals"},
		{"a threshold out of range", `{` + weights + `, "threshold": 1.5, "llm_threshold": 0.2}`, "threshold must be between 0 and 1"},
		{"a missing llm threshold", `{` + weights + `, "threshold": 0.5}`, "llm_threshold must be between 0 and 1"},
		{"a veto no signal has", `{` + weights + `, "threshold": 0.5, "llm_threshold": 0.2, "vetoes": ["vibes"]}`, `veto "vibes" is not a warning signal`},
		{"a veto by a favourable signal", `{` + weights + `, "threshold": 0.5, "llm_threshold": 0.2, "vetoes": ["coverage"]}`, `veto "coverage" is not a warning signal`},
		{"a bridge floor of 1", `{` + weights + `, "threshold": 0.5, "llm_threshold": 0.2, "bridge_floor": 1}`, "bridge_floor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := answer.ParseGateModel(strings.NewReader(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to mention %q", err, tt.want)
			}
		})
	}
	good := `{` + weights + `, "threshold": 0.5, "llm_threshold": 0.2, "bridge_floor": 0.6}`
	if _, err := answer.ParseGateModel(strings.NewReader(good)); err != nil {
		t.Errorf("a complete model: %v", err)
	}
	older := strings.Replace(good, `, "rival": 1`, "", 1)
	if m, err := answer.ParseGateModel(strings.NewReader(older)); older == good || err != nil || m.Weights["rival"] != 0 {
		t.Errorf("a model fitted before the rival signal existed: %v, weights %v; want it read with no weight for rival", err, m.Weights)
	}
}

func TestTheGateAbstainsOnAnUnknownNameAndPointsAtTheClosestPassage(t *testing.T) {
	a := ask(t, newEngine(t), answer.Request{Question: "What is the capital of France?"})
	if !a.Abstained || a.Text != answer.AbstainText || len(a.Citations) != 0 {
		t.Fatalf("answer %q abstained %v with %d citations: want a bare abstention", a.Text, a.Abstained, len(a.Citations))
	}
	if a.Closest == nil || a.Closest.N != 1 || !strings.Contains(a.Closest.Text, "Russian capital") {
		t.Errorf("closest = %+v, want the paragraph about the Russian capital as [1]", a.Closest)
	}
	if a.Gate == nil || a.Evidence != a.Gate.Probability || a.Evidence >= a.Gate.Threshold || a.Gate.Signals.UnknownNames != 1 {
		t.Errorf("evidence %v gate %+v: want France one unknown name, the probability below the threshold", a.Evidence, a.Gate)
	}
}

func TestTheGateAnswersWhatTheCorpusSays(t *testing.T) {
	eng := newEngine(t)
	for _, q := range []string{
		"What does juche mean?",
		"How many countries sent delegations to the Victory Day parade in Moscow?",
		"Who did China send to meet Kim when he got to Beijing?",
	} {
		a := ask(t, eng, answer.Request{Question: q})
		if a.Abstained || a.Closest != nil || a.Gate == nil || a.Evidence < a.Gate.Threshold {
			t.Errorf("%q: abstained %v closest %v evidence %v gate %+v: want an answer above the threshold", q, a.Abstained, a.Closest, a.Evidence, a.Gate)
		}
	}
}

func TestAConfiguredThresholdOverridesTheModels(t *testing.T) {
	eng := newEngine(t)
	eng.Threshold = 0.999999
	a := ask(t, eng, answer.Request{Question: "What does juche mean?"})
	if !a.Abstained || a.Gate.Threshold != 0.999999 || a.Closest == nil {
		t.Errorf("abstained %v threshold %v closest %v: want an abstention at the configured threshold, with a pointer", a.Abstained, a.Gate.Threshold, a.Closest)
	}
}

func TestAnAnswerWithoutTheKindAskedForAbstainsWhateverTheProbability(t *testing.T) {
	// The corpus says the alliance is "more than a half-century" old, but
	// not in the sentences the extractive answer would quote.
	const q = "How old is the alliance between Beijing and Pyongyang?"
	a := ask(t, newEngine(t), answer.Request{Question: q})
	if !a.Abstained || a.Closest == nil || a.Gate == nil || a.Gate.Veto != "type_missing" {
		t.Fatalf("answer %q abstained %v closest %v gate %+v: want an abstention vetoed by type_missing, with a pointer", a.Text, a.Abstained, a.Closest, a.Gate)
	}
	if a.Evidence != 0 || a.Gate.Probability != 0 || a.Gate.VetoedProbability <= 0 {
		t.Errorf("evidence %v gate %+v: want 0, the model's own probability kept beside it", a.Evidence, a.Gate)
	}
}

func TestAVetoOverridesAProbabilityAboveTheThreshold(t *testing.T) {
	m, err := answer.DefaultGateModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, veto := range m.Vetoes {
		t.Run(veto, func(t *testing.T) {
			s := answer.Signals{TopVector: 1, Coverage: 1}
			if p := m.Probability(s); p < m.Threshold {
				t.Fatalf("probability %v without the veto, want a confident answer above %v", p, m.Threshold)
			}
			switch veto {
			case "type_missing":
				s.TypeMissing = 1
			case "rival":
				s.Rival = 1
			default:
				t.Fatalf("no case for veto %q", veto)
			}
			g := answer.Gate{Probability: m.Probability(s), Threshold: m.Threshold, Signals: s}.VetoedBy(m)
			if g.Probability != 0 || g.Veto != veto || g.VetoedProbability < m.Threshold {
				t.Errorf("gate %+v: want probability 0, vetoed by %s, the model's own figure above the threshold kept", g, veto)
			}
		})
	}
}

func TestAVetoedAnswerIsRetriedFromASentenceWithTheKindAskedFor(t *testing.T) {
	c, _, err := corpus.LoadDir("../testdata/corpora/cities")
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := retrieval.Open(context.Background(), c, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	eng := &answer.Engine{Retriever: ix}
	// The best-covering sentence says the buses "will run less often once
	// the trains are established"; the date stands two paragraphs lower.
	a := ask(t, eng, answer.Request{Question: "when did trains start running to Dalby again?"})
	if a.Abstained || !strings.Contains(a.Text, "15 June") || len(a.Citations) == 0 {
		t.Errorf("answer %q abstained %v gate %+v: want the date the trains returned, cited", a.Text, a.Abstained, a.Gate)
	}
	// A duration there is, but from Lund to Dalby: the retry must not
	// answer for another place.
	a = ask(t, eng, answer.Request{Question: "how long will the train take from dalby to sjöbo"})
	if !a.Abstained {
		t.Errorf("answer %q: want an abstention, the corpus times no journey to Sjöbo", a.Text)
	}
}
