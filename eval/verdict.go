package eval

import "fmt"

// DefaultTargets are the bars footnote holds itself to on its built-in
// fixtures offline (cmd/footnote/quality_test.go and .ci/run apply them):
// each about one question below the figures reached, so a regression of
// two questions fails. A report run without --min/--max bars is drawn
// against them, so its reader still sees which figures are short. Raise
// them as quality improves; never lower them to get green.
//
// Reached on 2026-12-02 (96 questions, 54 answerable, 42 unanswerable):
// keyword accuracy 49/54, citation hit 50/54, refusal recall 27/42 at
// precision 27/27, false abstention 0/54. The refusal-recall bar was
// raised from 0.52 to 0.61 (26/42) with the anchoring gate; the others
// stay, as the holdout does not clear them.
func DefaultTargets() []Bar {
	return []Bar{
		{KeyHit1, 0.70},
		{KeyHitK, 0.92},
		{KeyMRR, 0.80},
		{KeyNDCG, 0.83},
		{KeyKeywords, 0.87},
		{KeyCitationHit, 0.88},
		{KeyCitationPrecision, 0.56},
		{KeyRefusalPrecision, 0.95},
		{KeyRefusalRecall, 0.61},
		{KeyFalseAbstention, 0.02},
	}
}

// Verdict is the outcome of holding a report's metrics to targets: the
// gate's bars where they were given, which decide the exit code, and
// DefaultTargets for the other metrics, which inform and decide nothing
// (unless no bar was given at all: then the verdict reports on them,
// ungated).
type Verdict struct {
	// Gated is set when the targets are bars given on the command line.
	Gated bool `json:"gated"`
	// Pass is set when every target is met.
	Pass    bool     `json:"pass"`
	Targets []Target `json:"targets"`
}

// Target is one metric's bar and whether the run met it.
type Target struct {
	Key   string  `json:"key"`
	Limit float64 `json:"limit"`
	// LowerIsBetter makes Limit a maximum rather than a minimum.
	LowerIsBetter bool `json:"lower_is_better,omitempty"`
	Met           bool `json:"met"`
	// Gate is set for a bar given on the command line; a default target
	// has it unset.
	Gate bool `json:"gate"`
}

// Hold returns the verdict on r: bars decide Pass (what the exit code
// says) when there are any; default targets fill in the metrics without
// a bar and decide Pass only when no bar was given. The shortfalls
// returned are the bars' alone, from CheckBars, so page and exit code
// agree.
func Hold(r Report, bars []Bar) (Verdict, []Shortfall, error) {
	v := Verdict{Gated: len(bars) > 0, Targets: []Target{}}
	short, err := CheckBars(r, bars)
	if err != nil {
		return Verdict{}, nil, err
	}
	gated := map[string]bool{}
	for _, b := range bars {
		gated[b.Key] = true
	}
	var defaults []Bar
	for _, b := range DefaultTargets() {
		if !gated[b.Key] {
			defaults = append(defaults, b)
		}
	}
	defaultShort, err := CheckBars(r, defaults)
	if err != nil {
		return Verdict{}, nil, err
	}
	v.Targets = append(targets(r, bars, short, true), targets(r, defaults, defaultShort, false)...)
	v.Pass = len(short) == 0
	if !v.Gated {
		v.Pass = len(defaultShort) == 0
	}
	return v, short, nil
}

// targets pairs bars with whether they were met.
func targets(r Report, bars []Bar, short []Shortfall, gate bool) []Target {
	missed := map[string]bool{}
	for _, s := range short {
		missed[s.Bar.Key] = true
	}
	out := make([]Target, 0, len(bars))
	for _, b := range bars {
		m, _ := r.Metric(b.Key)
		out = append(out, Target{Key: b.Key, Limit: b.Limit, LowerIsBetter: m.LowerIsBetter, Met: !missed[b.Key], Gate: gate})
	}
	return out
}

// Target returns the target on the metric key, if there is one.
func (v Verdict) Target(key string) (Target, bool) {
	for _, t := range v.Targets {
		if t.Key == key {
			return t, true
		}
	}
	return Target{}, false
}

// Deciding returns the targets that decide Pass: the bars when the run
// is gated, else the default targets.
func (v Verdict) Deciding() []Target {
	var out []Target
	for _, t := range v.Targets {
		if t.Gate == v.Gated {
			out = append(out, t)
		}
	}
	return out
}

// Missed counts the deciding targets not met.
func (v Verdict) Missed() int {
	n := 0
	for _, t := range v.Deciding() {
		n += b2i(!t.Met)
	}
	return n
}

// Summary is the verdict in one sentence, as the report's headline says it.
func (v Verdict) Summary() string {
	n := len(v.Deciding())
	switch {
	case v.Gated && v.Pass:
		return fmt.Sprintf("PASS: all %d bars met (exit 0)", n)
	case v.Gated:
		return fmt.Sprintf("FAIL: %d of %d bars missed (exit 1)", v.Missed(), n)
	case v.Pass:
		return fmt.Sprintf("Not gated (exit 0): no --min/--max bars were set; all %d default targets met", n)
	default:
		return fmt.Sprintf("Not gated (exit 0): no --min/--max bars were set; %d of %d default targets missed", v.Missed(), n)
	}
}

// Describe reads "≥ 0.70" or "≤ 25 ms".
func (t Target) Describe(unit string) string {
	op := "≥"
	if t.LowerIsBetter {
		op = "≤"
	}
	m := Metric{Value: &t.Limit, Unit: unit}
	if unit == "ratio" {
		return fmt.Sprintf("%s %.2f", op, t.Limit)
	}
	return op + " " + m.Format()
}
