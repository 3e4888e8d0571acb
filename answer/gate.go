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

// retyped answers again from the best sentence that holds the kind of
// answer asked for and states the question's focus, when the sentences
// picked first hold none and the type_missing veto abstained: the date
// "on Sunday 15 June" may stand in the third paragraph while the
// best-covering sentence says the trains "will run less often". The new
// answer is weighed afresh and kept only if the gate lets it through;
// else ex and g stand.
func (e *Engine) retyped(m GateModel, q string, results []retrieval.Result, ex extraction, g Gate, mode Mode) (extraction, Gate) {
	if g.Veto != "type_missing" {
		return ex, g
	}
	qf := QuestionFocus(q)
	typed := extractWith(q, results, e.Retriever.Terms(), ex.cache, func(s string) bool {
		return hasType(withoutAsked(s, q), qf.Type, q) && statesFocus(qf, s)
	})
	if typed.best < 0 {
		return ex, g
	}
	// A second choice must hold every anchor of the question itself: a
	// figure for another place ("from Lund to Dalby" for Sjöbo) is the
	// near miss the veto exists to stop.
	if g2 := e.weigh(m, q, results, typed, mode); g2.Probability >= g2.Threshold && g2.Signals.UnanchoredAnswer == 0 {
		return typed, g2
	}
	return ex, g
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
