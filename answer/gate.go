package answer

import "github.com/footnote-dev/footnote/retrieval"

// gate returns the engine's gate model.
func (e *Engine) gate() (GateModel, error) {
	if e.Gate != nil {
		return *e.Gate, nil
	}
	return DefaultGateModel()
}

// weigh measures the signals of an extraction and weighs them.
func (e *Engine) weigh(m GateModel, q string, results []retrieval.Result, ex extraction, mode Mode) Gate {
	s := measure(q, results, ex, e.Retriever.Terms(), m.BridgeFloor)
	threshold := m.Threshold
	if mode == LLM {
		threshold = m.LLMThreshold
		if s.OffQuestion > 0 {
			s.OffQuestion = offSources(q, results, e.Retriever.Terms())
		}
	}
	g := Gate{Probability: m.Probability(s), Threshold: threshold, Signals: s}
	if mode != LLM {
		g = g.VetoedBy(m)
	}
	if e.Threshold > 0 {
		g.Threshold = e.Threshold
	}
	if len(results) == 0 {
		g.Probability = 0
	}
	return g
}

// VetoedBy returns g as an extractive answer is judged: abstaining with
// probability 0 when one of m's vetoes holds.
func (g Gate) VetoedBy(m GateModel) Gate {
	if v := m.Vetoed(g.Signals); v != "" && g.Probability > 0 {
		g.Veto, g.VetoedProbability, g.Probability = v, g.Probability, 0
	}
	return g
}

// nearestOf is the paragraph of the best sentence when it shares a word
// with the question. A paragraph sharing nothing ("a banana bread
// recipe") is not close to anything; pointing at it would only mislead.
func nearestOf(results []retrieval.Result, ex extraction) *Citation {
	if ex.best < 0 || ex.score <= 0 {
		return nil
	}
	c := citationOf(1, results[ex.best])
	return &c
}
