package eval_test

import (
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/eval"
)

// gated makes observations whose answers carry gate signals: answerable
// questions have well covered answers and known names; unanswerable ones
// name something the corpus lacks, with one of each kind overlapping.
func gated() []eval.Observation {
	var obs []eval.Observation
	add := func(answerable bool, coverage, unknown float64) {
		a := answer.Answer{Text: "An answer. [1]", Citations: []answer.Citation{{N: 1, Text: "An answer."}},
			Gate: &answer.Gate{Signals: answer.Signals{Coverage: coverage, UnknownNames: unknown}}}
		obs = append(obs, eval.Observation{Fixture: eval.Fixture{ID: "q", Answerable: answerable}, Answer: a})
	}
	for _, c := range []float64{0.5, 0.6, 0.7, 0.8, 0.9, 0.4} {
		add(true, c, 0)
	}
	add(true, 0.5, 1) // a paraphrased name
	for _, c := range []float64{0.2, 0.3, 0.4, 0.5, 0.6} {
		add(false, c, 1)
	}
	add(false, 0.6, 0) // a false premise the signals cannot see
	return obs
}

func TestFitGateLearnsWhichWaySignalsPoint(t *testing.T) {
	base := answer.GateModel{BridgeFloor: 0.6, Threshold: 0.5, LLMThreshold: 0.2}
	m, err := eval.FitGate(gated(), nil, base)
	if err != nil {
		t.Fatal(err)
	}
	if m.Weights["unknown_names"] >= 0 || m.Weights["coverage"] <= 0 || m.BridgeFloor != 0.6 {
		t.Errorf("weights %v floor %v: want unknown names to lower the odds, coverage to raise them, the floor kept", m.Weights, m.BridgeFloor)
	}
	if m.Weights["apart"] != 0 {
		t.Errorf("a constant signal got weight %v, want 0", m.Weights["apart"])
	}
	without, err := eval.FitGate(gated(), []string{"unknown_names"}, base)
	if err != nil || without.Weights["unknown_names"] != 0 {
		t.Errorf("fitted without unknown_names: %v, weight %v; want 0", err, without.Weights["unknown_names"])
	}
	if _, err := eval.FitGate(gated(), []string{"vibes"}, base); err == nil {
		t.Error("fitting without an unknown signal: want an error")
	}
	if _, err := eval.FitGate(nil, nil, base); err == nil {
		t.Error("fitting on nothing: want an error")
	}
}

func TestPickThresholdsAndRegateAbstainAsTheFittedModelWould(t *testing.T) {
	obs := gated()
	m, err := eval.FitGate(obs, nil, answer.GateModel{Threshold: 0.5, LLMThreshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	m, c := eval.PickThresholds(obs, m, 0.2)
	if c.Best == nil || *c.Best.FalseAbstention > 0.2 || m.Threshold != c.Best.Threshold || m.LLMThreshold > m.Threshold {
		t.Fatalf("calibration %+v, model thresholds %v/%v", c.Best, m.Threshold, m.LLMThreshold)
	}
	rep := eval.Score(eval.Regate(obs, m), eval.Settings{K: 5, Threshold: m.Threshold})
	caught := 0
	for i, r := range rep.Questions {
		if r.Abstained && (r.Answer != answer.AbstainText || len(r.Citations) != 0) {
			t.Errorf("question %d abstained as %q with %d citations", i, r.Answer, len(r.Citations))
		}
		if !r.Answerable && r.Abstained {
			caught++
		}
	}
	if caught < 4 {
		t.Errorf("the fitted gate abstains on %d of 6 unanswerable questions, want at least the 4 with an unknown name and low coverage", caught)
	}
}

func TestRiskCoverageTracesEveryOperatingPoint(t *testing.T) {
	kw := &eval.KeywordResult{Pass: true}
	rows := []eval.Row{
		{Answerable: true, EvidenceScore: 0.9, Keywords: kw},
		{Answerable: true, EvidenceScore: 0.6, Keywords: &eval.KeywordResult{}},
		{Answerable: false, EvidenceScore: 0.4},
		{Answerable: false, EvidenceScore: 0.1},
	}
	got := eval.RiskCoverage(rows, []float64{0.5, 0.2, 0.5, 0.95})
	want := []eval.RiskPoint{
		{Threshold: 0.2, Coverage: 0.75, Risk: 2.0 / 3, FalseAbstention: 0},
		{Threshold: 0.5, Coverage: 0.5, Risk: 0.5, FalseAbstention: 0},
		{Threshold: 0.95, Coverage: 0, Risk: 0, FalseAbstention: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("points = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("point %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestTheLLMThresholdGatesNoAnswerableFixtureWithAMargin(t *testing.T) {
	// As many observations as a real fixture set: the fit's ridge
	// penalty is sized for that, and squeezes a fit on thirteen.
	var obs []eval.Observation
	for range 8 {
		obs = append(obs, gated()...)
	}
	m, err := eval.FitGate(obs, nil, answer.GateModel{Threshold: 0.5, LLMThreshold: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	m, _ = eval.PickThresholds(obs, m, 0.2)
	lowest, hopeless := 1.0, 0
	for _, o := range obs {
		p := m.Probability(o.Answer.Gate.Signals)
		if o.Fixture.Answerable {
			lowest = min(lowest, p)
		} else if p < m.LLMThreshold {
			hopeless++
		}
	}
	if !(m.LLMThreshold > 0 && m.LLMThreshold <= lowest/2 && m.LLMThreshold <= m.Threshold) {
		t.Errorf("llm_threshold %g, extractive %g, lowest answerable probability %g: want 0 < llm ≤ half the lowest, ≤ extractive",
			m.LLMThreshold, m.Threshold, lowest)
	}
	if hopeless == 0 {
		t.Errorf("llm_threshold %g gates no unanswerable question: the hopeless ones (an unknown name, low coverage) should still cost no call", m.LLMThreshold)
	}
}

func TestFitGateHoldsEachWeightToItsSignalsDirection(t *testing.T) {
	// Coverage is favourable, but here the unanswerable questions are the
	// better covered ones once unknown names are known: an unconstrained
	// fit would give coverage a negative weight.
	var obs []eval.Observation
	add := func(answerable bool, coverage, unknown float64) {
		a := answer.Answer{Gate: &answer.Gate{Signals: answer.Signals{Coverage: coverage, UnknownNames: unknown}}}
		obs = append(obs, eval.Observation{Fixture: eval.Fixture{ID: "q", Answerable: answerable}, Answer: a})
	}
	for _, c := range []float64{0.3, 0.35, 0.4, 0.45} {
		add(true, c, 0)
		add(false, c+0.3, 0)
		add(false, c, 1)
	}
	add(true, 0.9, 1)
	m, err := eval.FitGate(obs, nil, answer.GateModel{BridgeFloor: 0.6, Threshold: 0.5, LLMThreshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range answer.SignalNames() {
		w := m.Weights[n]
		if answer.Favourable(n) && w < 0 || !answer.Favourable(n) && w > 0 {
			t.Errorf("%s got weight %v, against its direction", n, w)
		}
	}
	if m.Weights["unknown_names"] >= 0 {
		t.Errorf("unknown_names weight %v: want the signal that does point the right way kept", m.Weights["unknown_names"])
	}
}

func TestCrossValidateJudgesEachQuestionByAGateFittedWithoutIt(t *testing.T) {
	var obs []eval.Observation
	for range 8 {
		obs = append(obs, gated()...)
	}
	base := answer.GateModel{BridgeFloor: 0.6, Threshold: 0.5, LLMThreshold: 0.2}
	cv, err := eval.CrossValidate(obs, nil, base, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	if cv.Folds != 5 || cv.Answerable+cv.Unanswerable != len(obs) || cv.Answerable != 8*7 {
		t.Errorf("cross-validation %+v: want 5 folds judging all %d questions, 56 answerable", cv, len(obs))
	}
	// Each copy of the set's one false premise looks answerable, and each
	// paraphrased name unanswerable, whichever fold it is in: the fit
	// cannot learn them from the others.
	if cv.Refused != 8*5 || cv.Abstained != 8 {
		t.Errorf("refused %d of %d, abstained on %d of %d: want 40 and 8", cv.Refused, cv.Unanswerable, cv.Abstained, cv.Answerable)
	}
	if _, err := eval.CrossValidate(obs, []string{"vibes"}, base, 0.2); err == nil {
		t.Error("cross-validating without an unknown signal: want an error")
	}
}
