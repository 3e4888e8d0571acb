package eval

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/footnote-dev/footnote/answer"
)

// fitL2 is the ridge penalty of the gate fit, on standardised signals —
// the usual unit strength: a signal that separates the fixtures perfectly
// ("nameless" on ours) would otherwise take a weight that only fixtures
// this few can justify. Between 0.05 and 2 the fitted gate's refusals on
// eval+holdout move by one question.
const fitL2 = 1

// FitGate fits the gate's logistic regression to the observations: the
// probability that a question is answerable, from its gate signals. The
// signals named in without get weight 0 (for ablations). base supplies
// the settings the fit does not change (the bridge floor). The thresholds
// are left as in base; PickThresholds sets them.
func FitGate(obs []Observation, without []string, base answer.GateModel) (answer.GateModel, error) {
	names := answer.SignalNames()
	for _, w := range without {
		if !slices.Contains(names, w) {
			return answer.GateModel{}, fmt.Errorf("no gate signal %q (signals: %v)", w, names)
		}
	}
	var x [][]float64
	var y []float64
	for _, o := range obs {
		if o.Answer.Gate == nil {
			continue
		}
		x = append(x, o.Answer.Gate.Signals.Values())
		y = append(y, float64(b2i(o.Fixture.Answerable)))
	}
	if len(x) == 0 {
		return answer.GateModel{}, fmt.Errorf("no question has gate signals to fit")
	}
	use := make([]bool, len(names))
	for i, n := range names {
		use[i] = !slices.Contains(without, n)
	}
	mean, scale, w := fitSigned(x, y, use, names)
	m := base
	m.Weights = map[string]float64{}
	m.Bias = w[0]
	for i, n := range names {
		m.Weights[n] = 0
		if use[i] && scale[i] > 0 {
			m.Weights[n] = w[i+1] / scale[i]
			m.Bias -= w[i+1] * mean[i] / scale[i]
		}
	}
	return m, nil
}

// fitSigned fits the regression with each weight held to its signal's
// direction (answer.Favourable): when a fit gives a warning signal a
// positive weight, or a favourable one a negative weight, that signal is
// left out and the rest refitted, the most contrary first. A weight of the
// wrong sign fits the fixtures through the signals' overlap — "more
// coverage, less answerable" once the others are known — and is the
// first thing to fail on questions the fit has not seen.
func fitSigned(x [][]float64, y []float64, use []bool, names []string) (mean, scale, w []float64) {
	use = slices.Clone(use)
	for {
		mean, scale = standardise(x, use)
		w = newton(x, y, mean, scale)
		worst, worstBy := -1, 0.0
		for i, n := range names {
			if !use[i] || scale[i] == 0 {
				continue
			}
			by := w[i+1]
			if answer.Favourable(n) {
				by = -by
			}
			if by > worstBy {
				worst, worstBy = i, by
			}
		}
		if worst < 0 {
			return mean, scale, w
		}
		use[worst] = false
	}
}

// standardise returns each used column's mean and standard deviation; an
// unused or constant column gets scale 0 and is left out of the fit.
func standardise(x [][]float64, use []bool) (mean, scale []float64) {
	d := len(use)
	mean, scale = make([]float64, d), make([]float64, d)
	for j := range d {
		if !use[j] {
			continue
		}
		var sum, sq float64
		for _, row := range x {
			sum += row[j]
		}
		mean[j] = sum / float64(len(x))
		for _, row := range x {
			sq += (row[j] - mean[j]) * (row[j] - mean[j])
		}
		scale[j] = math.Sqrt(sq / float64(len(x)))
	}
	return mean, scale
}

// newton fits an L2-penalised logistic regression by Newton's method on
// standardised columns; w[0] is the intercept (not penalised).
func newton(x [][]float64, y, mean, scale []float64) []float64 {
	d := len(mean) + 1
	z := func(row []float64, j int) float64 {
		if j == 0 {
			return 1
		}
		if scale[j-1] == 0 {
			return 0
		}
		return (row[j-1] - mean[j-1]) / scale[j-1]
	}
	w := make([]float64, d)
	for range 50 {
		grad := make([]float64, d)
		hess := make([][]float64, d)
		for j := range hess {
			hess[j] = make([]float64, d)
		}
		for i, row := range x {
			var s float64
			for j := range d {
				s += w[j] * z(row, j)
			}
			p := 1 / (1 + math.Exp(-s))
			for j := range d {
				grad[j] += (p - y[i]) * z(row, j)
				for k := range d {
					hess[j][k] += p * (1 - p) * z(row, j) * z(row, k)
				}
			}
		}
		for j := 1; j < d; j++ {
			grad[j] += fitL2 * w[j]
			hess[j][j] += fitL2
		}
		for j := range d {
			hess[j][j] += 1e-9 // columns left out of the fit are all zero
		}
		step := solve(hess, grad)
		var size float64
		for j := range d {
			w[j] -= step[j]
			size = max(size, math.Abs(step[j]))
		}
		if size < 1e-10 {
			break
		}
	}
	return w
}

// solve solves a·x = b by Gaussian elimination with partial pivoting; a
// is symmetric positive definite here, so it does not fail.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range n {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x
}

// Regate applies gate model m at its Threshold to observations whose
// answers were produced without abstaining: each question the model now
// abstains on gets the abstention footnote would have given. The
// extraction does not depend on the gate, so this is exactly what a run
// with m would produce, without asking anything again (extractive mode).
func Regate(obs []Observation, m answer.GateModel) []Observation {
	out := make([]Observation, len(obs))
	for i, o := range obs {
		a := o.Answer
		if a.Gate != nil {
			g := *a.Gate
			g.Probability, g.Threshold, g.Veto, g.VetoedProbability = m.Probability(g.Signals), m.Threshold, "", 0
			g = g.VetoedBy(m)
			a.Gate, a.Evidence = &g, g.Probability
			if g.Probability < g.Threshold && !a.Abstained {
				a = answer.AbstainedLike(a)
			}
		}
		o.Answer = a
		out[i] = o
	}
	return out
}

// llmMargin is the factor below the lowest probability any answerable
// fixture gets at which LLMThreshold is set: room for an unseen answerable
// question the signals like a little less than any fixture.
const llmMargin = 0.5

// PickThresholds sets m's Threshold to the one with the best refusal F1
// whose false abstention is at most maxFalseAbstention on the
// observations. In LLM mode the gate only saves calls on hopeless
// questions — the model and the verifier decide the rest — so its
// LLMThreshold is set by a rule of its own: llmMargin times the lowest
// probability of any answerable observation (the highest threshold at
// which none is gated, with a margin), never above Threshold. It returns
// the calibration of the sweep.
func PickThresholds(obs []Observation, m answer.GateModel, maxFalseAbstention float64) (answer.GateModel, Calibration) {
	rows := make([]Row, 0, len(obs))
	lowest := 1.0
	for _, o := range obs {
		r := Row{Answerable: o.Fixture.Answerable}
		if o.Answer.Gate != nil {
			r.EvidenceScore = m.Offline(o.Answer.Gate.Signals)
			if r.Answerable {
				// Vetoes do not gate the LLM, which reads whole paragraphs.
				lowest = min(lowest, m.Probability(o.Answer.Gate.Signals))
			}
		}
		rows = append(rows, r)
	}
	c := Calibrate(rows, maxFalseAbstention, m.Threshold)
	if c.Best != nil {
		m.Threshold = c.Best.Threshold
	}
	m.LLMThreshold = min(m.Threshold, llmMargin*lowest)
	if r := math.Floor(m.LLMThreshold*100) / 100; r > 0 {
		m.LLMThreshold = r // readable, and only lower
	}
	if !(m.LLMThreshold > 0) {
		// An answerable fixture the gate gives no chance at all: no
		// threshold spares it; keep the extractive one.
		m.LLMThreshold = m.Threshold
	}
	return m, c
}

// RiskPoint is one operating point of the gate: at this threshold, the
// share of questions answered and the share of those answers that are
// wrong (an unanswerable question answered, or keywords missing).
type RiskPoint struct {
	Threshold float64 `json:"threshold"`
	Coverage  float64 `json:"coverage"`
	Risk      float64 `json:"risk"`
	// FalseAbstention is the share of answerable questions abstained on.
	FalseAbstention float64 `json:"false_abstention"`
}

// RiskCoverage traces the risk–coverage curve of gate probabilities over
// rows judged without abstaining, at each of thresholds.
func RiskCoverage(rows []Row, thresholds []float64) []RiskPoint {
	thresholds = slices.Clone(thresholds)
	sort.Float64s(thresholds)
	thresholds = slices.Compact(thresholds)
	var out []RiskPoint
	for _, t := range thresholds {
		var answered, wrong, answerable, falseAbs int
		for _, r := range rows {
			p := r.EvidenceScore
			if r.Answerable {
				answerable++
			}
			if p < t {
				falseAbs += b2i(r.Answerable)
				continue
			}
			answered++
			if !r.Answerable || r.Keywords == nil || !r.Keywords.Pass {
				wrong++
			}
		}
		pt := RiskPoint{Threshold: t}
		if len(rows) > 0 {
			pt.Coverage = float64(answered) / float64(len(rows))
		}
		if answered > 0 {
			pt.Risk = float64(wrong) / float64(answered)
		}
		if answerable > 0 {
			pt.FalseAbstention = float64(falseAbs) / float64(answerable)
		}
		out = append(out, pt)
	}
	return out
}
