package eval_test

import (
	"testing"

	"github.com/footnote-dev/footnote/eval"
)

func rows(scores map[float64]bool) []eval.Row {
	var out []eval.Row
	for s, answerable := range scores {
		out = append(out, eval.Row{EvidenceScore: s, Answerable: answerable})
	}
	return out
}

func TestCalibrate(t *testing.T) {
	// Evidence scores: answerable questions score 0.15 and 0.4–0.9;
	// unanswerable ones 0.1, 0.2, 0.3 and 0.5.
	synthetic := rows(map[float64]bool{
		0.15: true, 0.4: true, 0.6: true, 0.7: true, 0.8: true, 0.9: true,
		0.1: false, 0.2: false, 0.3: false, 0.5: false,
	})
	tests := []struct {
		name     string
		target   float64
		want     float64 // the threshold chosen
		wantLow  float64
		wantHigh float64
		wantF1   float64
	}{
		// At (0.3, 0.4] the three low unanswerables are caught at the cost
		// of one answerable (1/6 false abstention): F1 = 6/8.
		{"a loose target trades one false abstention for recall", 0.2, 0.35, 0.3, 0.4, 6.0 / 8},
		// With no false abstention allowed, stop below 0.15: only 0.1 is
		// caught, F1 = 2/5.
		{"a zero target keeps every answerable question", 0, 0.13, 0.1, 0.15, 2.0 / 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := eval.Calibrate(synthetic, tt.target, 0.25)
			if c.Best == nil {
				t.Fatal("no best threshold")
			}
			b := c.Best
			if !near(b.Threshold, tt.want) || !near(b.Low, tt.wantLow) || !near(b.High, tt.wantHigh) || !near(*b.F1, tt.wantF1) {
				t.Errorf("best = %.3f in (%.3f, %.3f] F1 %.3f; want %.3f in (%.3f, %.3f] F1 %.3f",
					b.Threshold, b.Low, b.High, *b.F1, tt.want, tt.wantLow, tt.wantHigh, tt.wantF1)
			}
			if *b.FalseAbstention > tt.target {
				t.Errorf("false abstention %.3f exceeds the target %.3f", *b.FalseAbstention, tt.target)
			}
		})
	}
}

func TestCalibrateRescoresTheCurrentThreshold(t *testing.T) {
	c := eval.Calibrate(rows(map[float64]bool{0.1: false, 0.3: true, 0.2: false}), 0.05, 0.25)
	if c.Current.Abstained != 2 || !near(*c.Current.Recall, 1) || !near(*c.Current.FalseAbstention, 0) {
		t.Errorf("current = %+v, want 2 abstained, recall 1, no false abstention", c.Current)
	}
}

func TestCalibrateWithoutAFeasibleThreshold(t *testing.T) {
	// The only answerable question scores 0: every threshold abstains on it.
	c := eval.Calibrate(rows(map[float64]bool{0: true, 0.5: false}), 0, 0.25)
	if c.Best != nil {
		t.Errorf("best = %+v, want none", *c.Best)
	}
}
