package answer

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// GateModel is the answerability gate: a logistic regression over the
// gate's Signals giving the probability that the retrieved paragraphs
// answer the question. footnote abstains below Threshold. It is fitted by
// `footnote eval --calibrate` and saved as JSON (see DefaultGateModel).
type GateModel struct {
	// Comment says where the model came from; it is not read.
	Comment string `json:"comment,omitempty"`
	// Bias is the intercept.
	Bias float64 `json:"bias"`
	// Weights holds one weight per signal, keyed by its JSON name.
	Weights map[string]float64 `json:"weights"`
	// Threshold is the probability below which an extractive answer
	// abstains.
	Threshold float64 `json:"threshold"`
	// LLMThreshold is the probability below which an LLM-mode answer
	// abstains without calling the model: only hopeless questions, as the
	// model and the verifier judge the rest.
	LLMThreshold float64 `json:"llm_threshold"`
	// BridgeFloor is the word-vector cosine at or below which an unknown
	// question word earns no credit from a near word (see Signals).
	BridgeFloor float64 `json:"bridge_floor"`
	// Vetoes are warning signals that, at 1, make an extractive answer
	// abstain whatever the probability: "type_missing" is a question
	// asking for a kind of answer (a date, a sum of money, a distance) that
	// no sentence the answer would quote holds, so that answer would not
	// answer it; "rival" is an answer about someone else in the question's
	// place (see rivalled). An LLM reads whole paragraphs, so they do not
	// gate it.
	Vetoes []string `json:"vetoes,omitempty"`
}

// defaultGateJSON is the model fitted on testdata/eval.jsonl.
//
//go:embed gate_default.json
var defaultGateJSON []byte

// defaultGate is parsed once; the embedded file is checked by a test.
var defaultGate = sync.OnceValues(func() (GateModel, error) {
	return ParseGateModel(bytes.NewReader(defaultGateJSON))
})

// DefaultGateModel returns the gate model footnote ships with.
func DefaultGateModel() (GateModel, error) { return defaultGate() }

// ParseGateModel reads a gate model, rejecting unknown keys, a missing
// or unknown signal weight, and thresholds outside (0, 1).
func ParseGateModel(r io.Reader) (GateModel, error) {
	var m GateModel
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return GateModel{}, fmt.Errorf("gate model: %w", err)
	}
	for _, name := range signalNames {
		if _, ok := m.Weights[name]; !ok {
			if !laterSignals[name] {
				return GateModel{}, fmt.Errorf("gate model: no weight for signal %q", name)
			}
			m.Weights[name] = 0 // a model fitted before the signal existed
		}
	}
	if len(m.Weights) != len(signalNames) {
		return GateModel{}, fmt.Errorf("gate model: weights for unknown signals (want %v)", signalNames)
	}
	for name, v := range map[string]float64{"threshold": m.Threshold, "llm_threshold": m.LLMThreshold} {
		if !(v > 0 && v < 1) {
			return GateModel{}, fmt.Errorf("gate model: %s must be between 0 and 1, not %g", name, v)
		}
	}
	for _, name := range m.Vetoes {
		if _, ok := m.Weights[name]; !ok || favourable[name] {
			return GateModel{}, fmt.Errorf("gate model: veto %q is not a warning signal (want one of %v)", name, warnings())
		}
	}
	if !(m.BridgeFloor >= 0 && m.BridgeFloor < 1) {
		return GateModel{}, fmt.Errorf("gate model: bridge_floor must be in [0, 1), not %g", m.BridgeFloor)
	}
	return m, nil
}

// laterSignals are signals added after gate models were first saved: a
// model file without their weight reads them as weighing nothing, so an
// operator's fitted model keeps working.
var laterSignals = map[string]bool{"rival": true}

// SignalNames lists the signals a gate model weighs, in a fixed order.
func SignalNames() []string { return append([]string(nil), signalNames...) }

// favourable are the signals of which more means the corpus is likelier
// to answer: a better match, a clearer lead. Every other signal is a
// warning, of which more means less likely. The fit holds each weight to
// its signal's direction (see eval.FitGate).
var favourable = map[string]bool{"coverage": true, "margin": true, "top_vector": true}

// Favourable reports whether more of the named signal means a question is
// likelier answerable; for every other signal more means less likely.
func Favourable(name string) bool { return favourable[name] }

// warnings are the signal names that are not favourable.
func warnings() []string {
	var out []string
	for _, name := range signalNames {
		if !favourable[name] {
			out = append(out, name)
		}
	}
	return out
}

// Values lists the signals in SignalNames order, for fitting a model.
func (s Signals) Values() []float64 { return s.values() }

// Probability is the model's probability that the question is answered.
func (m GateModel) Probability(s Signals) float64 {
	z := m.Bias
	for i, v := range s.values() {
		z += m.Weights[signalNames[i]] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// Vetoed returns the first of m's vetoes that s raises to 1, or "".
func (m GateModel) Vetoed(s Signals) string {
	values := s.values()
	for _, name := range m.Vetoes {
		if i := slices.Index(signalNames, name); i >= 0 && values[i] >= 1 {
			return name
		}
	}
	return ""
}

// Offline is the probability an extractive answer is judged by: 0 when
// a veto holds, else Probability.
func (m GateModel) Offline(s Signals) float64 {
	if m.Vetoed(s) != "" {
		return 0
	}
	return m.Probability(s)
}

// WithThreshold returns m abstaining below t instead: 0 answers every
// question (for measuring every operating point at once).
func (m GateModel) WithThreshold(t float64) GateModel {
	m.Threshold = t
	return m
}

// Gate is the gate's decision on one question, as `ask --json` shows it
// under "gate".
type Gate struct {
	// Probability is the model's probability that the corpus answers the
	// question; Answer.Evidence holds the same number.
	Probability float64 `json:"probability"`
	// Threshold is what Probability was compared with.
	Threshold float64 `json:"threshold"`
	Signals   Signals `json:"signals"`
	// Veto names the signal that made an extractive answer abstain
	// whatever the probability (see GateModel.Vetoes); Probability is then
	// 0 and the model's own figure is in VetoedProbability.
	Veto              string  `json:"veto,omitempty"`
	VetoedProbability float64 `json:"vetoed_probability,omitempty"`
}
