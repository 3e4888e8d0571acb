package eval

import (
	"fmt"
	"math"
)

// Bar is a CI gate on one metric: at least Min, or at most Max when the
// metric's lower values are better.
type Bar struct {
	Key   string
	Limit float64
}

// Gate describes the flag that sets a bar on a metric.
type Gate struct {
	Key  string
	Flag string
	// Max is set for metrics where lower is better (--max-…).
	Max   bool
	Usage string
}

// Gates lists the flag of every metric, in report order: --min-KEY for
// figures that should be high, --max-KEY for those that should be low.
func Gates() []Gate {
	return []Gate{
		{KeyHit1, "min-hit1", false, "fail below this hit@1"},
		{KeyHitK, "min-hitk", false, "fail below this hit@k (k from -k)"},
		{KeyMRR, "min-mrr", false, "fail below this MRR@10"},
		{KeyNDCG, "min-ndcg", false, "fail below this nDCG@10"},
		{KeyKeywords, "min-keywords", false, "fail below this keyword accuracy"},
		{KeyCitationHit, "min-citation-hit", false, "fail below this citation hit rate"},
		{KeyCitationPrecision, "min-citation-precision", false, "fail below this citation precision"},
		{KeyDropped, "max-dropped", true, "fail above this many dropped citations"},
		{KeyRefusalPrecision, "min-refusal-precision", false, "fail below this refusal precision"},
		{KeyRefusalRecall, "min-refusal-recall", false, "fail below this refusal recall"},
		{KeyRefusalF1, "min-refusal-f1", false, "fail below this refusal F1"},
		{KeyFalseAbstention, "max-false-abstention", true, "fail above this false-abstention rate"},
		{KeyLatencyP50, "max-latency-p50", true, "fail above this p50 latency, in ms"},
		{KeyLatencyP95, "max-latency-p95", true, "fail above this p95 latency, in ms"},
		{KeyTokens, "max-tokens", true, "fail above this many tokens in total"},
	}
}

// Shortfall is a metric that missed its bar.
type Shortfall struct {
	Metric Metric
	Bar    Bar
}

// String reads "hit@5 0.852 is below the bar 0.900".
func (s Shortfall) String() string {
	if s.Metric.Value == nil {
		return fmt.Sprintf("%s has no value to hold to the bar %g", s.Metric.Name, s.Bar.Limit)
	}
	side := "below"
	if s.Metric.LowerIsBetter {
		side = "above"
	}
	return fmt.Sprintf("%s %s is %s the bar %g", s.Metric.Name, s.Metric.Format(), side, s.Bar.Limit)
}

// tolerance absorbs floating-point error, so 0.9 meets a bar of 0.9.
const tolerance = 1e-9

// CheckBars returns the metrics that miss their bars, in bar order. A
// metric without a value misses any bar: CI cannot vouch for it. A bar
// on an unknown key is an error.
func CheckBars(r Report, bars []Bar) ([]Shortfall, error) {
	var out []Shortfall
	for _, b := range bars {
		m, ok := r.Metric(b.Key)
		if !ok {
			return nil, fmt.Errorf("no metric %q to gate", b.Key)
		}
		switch {
		case m.Value == nil:
		case m.LowerIsBetter && *m.Value <= b.Limit+tolerance:
			continue
		case !m.LowerIsBetter && *m.Value >= b.Limit-tolerance:
			continue
		}
		out = append(out, Shortfall{m, b})
	}
	return out, nil
}

// CheckLimit rejects a bar no metric can meet or miss meaningfully: NaN or
// infinite, outside [0, 1] for a ratio, negative for a count, a latency or
// tokens. A bar of 1.5 on hit@1 would fail every run and say nothing.
func (g Gate) CheckLimit(limit float64) error {
	switch {
	case math.IsNaN(limit) || math.IsInf(limit, 0):
		return fmt.Errorf("--%s must be a number, not %g", g.Flag, limit)
	case limit < 0:
		return fmt.Errorf("--%s must be at least 0, not %g", g.Flag, limit)
	case g.isRatio() && limit > 1:
		return fmt.Errorf("--%s is a share from 0 to 1, not %g", g.Flag, limit)
	}
	return nil
}

// isRatio reports whether the gated metric is a share from 0 to 1.
func (g Gate) isRatio() bool {
	switch g.Key {
	case KeyDropped, KeyLatencyP50, KeyLatencyP95, KeyTokens:
		return false
	}
	return true
}
