package eval_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/footnote-dev/footnote/eval"
)

func TestRankingMetrics(t *testing.T) {
	tests := []struct {
		name      string
		gold      []bool
		totalGold int
		wantFirst int
		wantRR    float64
		wantNDCG  float64
	}{
		{"a gold paragraph at rank 1 scores full marks", []bool{true, false, false}, 1, 1, 1, 1},
		{"a gold paragraph at rank 3 scores a third and 1/log2(4)", []bool{false, false, true}, 1, 3, 1.0 / 3, 0.5},
		{"no gold paragraph scores zero", []bool{false, false}, 1, 0, 0, 0},
		{"two golds at 1 and 3 of two in the corpus", []bool{true, false, true}, 2, 1, 1, (1 + 0.5) / (1 + 1/math.Log2(3))},
		{"one of two golds found at rank 2", []bool{false, true}, 2, 2, 0.5, (1 / math.Log2(3)) / (1 + 1/math.Log2(3))},
		{"a gold paragraph below the cutoff of 10 does not count", append(make([]bool, 10), true), 1, 11, 0, 0},
		{"an empty ranking scores zero", nil, 1, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval.FirstHit(tt.gold); got != tt.wantFirst {
				t.Errorf("FirstHit = %d, want %d", got, tt.wantFirst)
			}
			if got := eval.ReciprocalRank(tt.gold, 10); !near(got, tt.wantRR) {
				t.Errorf("ReciprocalRank = %.4f, want %.4f", got, tt.wantRR)
			}
			if got := eval.NDCG(tt.gold, tt.totalGold, 10); !near(got, tt.wantNDCG) {
				t.Errorf("NDCG = %.4f, want %.4f", got, tt.wantNDCG)
			}
		})
	}
}

func TestMissingKeywords(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		groups [][]string
		want   [][]string
	}{
		{"every group satisfied by one alternative", "Ushakov said so in May.", [][]string{{"Ushakov"}, {"April", "May"}}, nil},
		{"matching ignores case", "USHAKOV said so.", [][]string{{"ushakov"}}, nil},
		{"matching folds curly quotes and dashes", "Kim’s self–reliance", [][]string{{"Kim's self-reliance"}}, nil},
		{"a missing group is returned whole", "He went in May.", [][]string{{"May"}, {"Moscow", "Kremlin"}}, [][]string{{"Moscow", "Kremlin"}}},
		{"no groups means nothing missing", "anything", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval.MissingKeywords(tt.text, tt.groups); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MissingKeywords = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	values := []float64{9, 1, 5, 3, 7, 2, 8, 4, 6, 10}
	tests := []struct {
		name   string
		values []float64
		p      float64
		want   float64
	}{
		{"p50 of ten values is the fifth smallest", values, 50, 5},
		{"p95 of ten values is the largest", values, 95, 10},
		{"p90 of ten values is the ninth smallest", values, 90, 9},
		{"a single value is every percentile", []float64{42}, 95, 42},
		{"no values give zero", nil, 50, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval.Percentile(tt.values, tt.p); got != tt.want {
				t.Errorf("Percentile(%v) = %v, want %v", tt.p, got, tt.want)
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name           string
		r              eval.Refusals
		p, rc, f1      float64
		pOK, rOK, f1OK bool
	}{
		{"three of four refusals right, three of six unanswerable caught", eval.Refusals{TP: 3, FP: 1, FN: 3}, 0.75, 0.5, 0.6, true, true, true},
		{"nothing refused leaves precision undefined and F1 zero", eval.Refusals{FN: 4}, 0, 0, 0, false, true, true},
		{"no unanswerable questions and no refusals define nothing", eval.Refusals{}, 0, 0, 0, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, pOK := tt.r.Precision()
			rc, rOK := tt.r.Recall()
			f1, f1OK := tt.r.F1()
			if !near(p, tt.p) || pOK != tt.pOK || !near(rc, tt.rc) || rOK != tt.rOK || !near(f1, tt.f1) || f1OK != tt.f1OK {
				t.Errorf("got P=%v,%v R=%v,%v F1=%v,%v; want P=%v,%v R=%v,%v F1=%v,%v",
					p, pOK, rc, rOK, f1, f1OK, tt.p, tt.pOK, tt.rc, tt.rOK, tt.f1, tt.f1OK)
			}
		})
	}
}

// TestMetricsOfSample checks every metric of the sample run against
// figures worked out by hand (see sampleObservations).
func TestMetricsOfSample(t *testing.T) {
	rep := sampleReport()
	inv3 := 1 / math.Log2(4) // DCG weight of rank 3
	want := map[string]float64{
		eval.KeyHit1:              2.0 / 3, // q1 and q3 rank gold first
		eval.KeyHitK:              2.0 / 3, // q2's gold is at rank 3, below k=2
		eval.KeyMRR:               (1 + 1.0/3 + 1) / 3,
		eval.KeyNDCG:              (1 + inv3 + 1) / 3,
		eval.KeyKeywords:          1.0 / 3,
		eval.KeyCitationHit:       1.0 / 2, // q1 and q2 answered; q1 cites gold
		eval.KeyCitationPrecision: 1.0 / 2,
		eval.KeyDropped:           1,
		eval.KeyRefusalPrecision:  1.0 / 2, // q4 right, q3 wrong
		eval.KeyRefusalRecall:     1.0 / 2, // q4 caught, q5 answered
		eval.KeyRefusalF1:         1.0 / 2,
		eval.KeyFalseAbstention:   1.0 / 3,
		eval.KeyLatencyP50:        6,
		eval.KeyLatencyP95:        10,
	}
	for key, w := range want {
		m, ok := rep.Metric(key)
		if !ok || m.Value == nil || !near(*m.Value, w) {
			t.Errorf("%s = %v, want %.4f", key, m.Format(), w)
		}
	}
	if m, _ := rep.Metric(eval.KeyTokens); m.Value != nil || m.Format() != "—" {
		t.Errorf("tokens offline = %s, want —", m.Format())
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
