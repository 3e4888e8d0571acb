package eval

import (
	"math"
	"sort"

	"github.com/footnote-dev/footnote/answer"
)

// DefaultMaxFalseAbstention is the false-abstention rate --calibrate keeps
// to unless told otherwise.
const DefaultMaxFalseAbstention = 0.05

// Calibration is the outcome of sweeping the abstention threshold over the
// evidence scores of a run: footnote abstains when a question's evidence
// score is below the threshold.
type Calibration struct {
	// MaxFalseAbstention is the bound the best threshold respects.
	MaxFalseAbstention float64 `json:"max_false_abstention"`
	// Current is the threshold the run used, rescored.
	Current Point `json:"current"`
	// Best maximises refusal F1 within the bound; nil when no threshold
	// keeps false abstention low enough.
	Best *Point `json:"best"`
	// Sweep has one point per distinct outcome, lowest threshold first.
	Sweep []Point `json:"sweep"`
	// Model is the gate model --calibrate fitted, its thresholds chosen
	// from the sweep; Without names the signals it was fitted without.
	Model   *answer.GateModel `json:"model,omitempty"`
	Without []string          `json:"without,omitempty"`
	// RiskCoverage traces the fitted model's operating points.
	RiskCoverage []RiskPoint `json:"risk_coverage,omitempty"`
	// CrossValidation is the fitted gate's figures on questions it was not
	// fitted on (see CrossValidate).
	CrossValidation *CrossValidation `json:"cross_validation,omitempty"`
}

// Point is the outcome of one threshold. Every threshold in (Low, High]
// gives the same outcome on these fixtures; Threshold is a round value in
// that range, far from both ends where possible.
type Point struct {
	Threshold       float64  `json:"threshold"`
	Low             float64  `json:"low"`
	High            float64  `json:"high"`
	F1              *float64 `json:"refusal_f1"`
	Precision       *float64 `json:"refusal_precision"`
	Recall          *float64 `json:"refusal_recall"`
	FalseAbstention *float64 `json:"false_abstention"`
	Abstained       int      `json:"abstained"`
}

// Calibrate sweeps the threshold over the rows' evidence scores. current
// is the threshold the run used. Ties in F1 go to the lower false
// abstention, then to the lower threshold.
func Calibrate(rows []Row, maxFalseAbstention, current float64) Calibration {
	c := Calibration{MaxFalseAbstention: maxFalseAbstention, Current: pointAt(rows, current, current, current)}
	cuts := distinctScores(rows)
	lo := 0.0
	for _, hi := range append(cuts, 1) {
		if hi <= lo {
			continue
		}
		p := pointAt(rows, roundWithin(lo, hi), lo, hi)
		c.Sweep = append(c.Sweep, p)
		lo = hi
	}
	for i := range c.Sweep {
		p := &c.Sweep[i]
		if p.FalseAbstention == nil || *p.FalseAbstention > maxFalseAbstention || p.F1 == nil {
			continue
		}
		if c.Best == nil || better(*p, *c.Best) {
			c.Best = p
		}
	}
	if c.Best != nil {
		best := *c.Best
		c.Best = &best
	}
	return c
}

func better(p, q Point) bool {
	if *p.F1 != *q.F1 {
		return *p.F1 > *q.F1
	}
	return *p.FalseAbstention < *q.FalseAbstention
}

// pointAt scores abstaining on every row whose evidence is below t.
func pointAt(rows []Row, t, lo, hi float64) Point {
	var ref Refusals
	answerable := 0
	for _, r := range rows {
		abstain := r.EvidenceScore < t
		switch {
		case r.Answerable:
			answerable++
			ref.FP += b2i(abstain)
		case abstain:
			ref.TP++
		default:
			ref.FN++
		}
	}
	p := Point{Threshold: t, Low: lo, High: hi, Abstained: ref.TP + ref.FP}
	p.F1 = okPtr(ref.F1())
	p.Precision = okPtr(ref.Precision())
	p.Recall = okPtr(ref.Recall())
	p.FalseAbstention = okPtr(ratio(ref.FP, answerable))
	return p
}

func okPtr(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}

// distinctScores returns the rows' evidence scores in (0, 1), sorted,
// without repeats: the cut points between outcomes.
func distinctScores(rows []Row) []float64 {
	seen := map[float64]bool{}
	var out []float64
	for _, r := range rows {
		s := r.EvidenceScore
		if s > 0 && s < 1 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Float64s(out)
	return out
}

// roundWithin returns the middle of (lo, hi] rounded to the fewest
// decimals (up to 4) that keep it in the middle half of the range, so the
// threshold people save is readable and not on the edge of the outcome
// it was chosen for.
func roundWithin(lo, hi float64) float64 {
	mid := (lo + hi) / 2
	for _, scale := range []float64{10, 100, 1000, 10000} {
		v := math.Round(mid*scale) / scale
		if math.Abs(v-mid) <= (hi-lo)/4 && v > lo && v <= hi {
			return v
		}
	}
	return mid
}
