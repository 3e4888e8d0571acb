package eval

import (
	"math"
	"sort"
	"strings"

	"github.com/footnote-dev/footnote/corpus"
)

// FirstHit returns the 1-based rank of the first gold entry of a ranking,
// or 0 when there is none.
func FirstHit(gold []bool) int {
	for i, g := range gold {
		if g {
			return i + 1
		}
	}
	return 0
}

// ReciprocalRank is 1/rank of the first gold entry within the cutoff, or 0.
func ReciprocalRank(gold []bool, cutoff int) float64 {
	r := FirstHit(gold[:min(cutoff, len(gold))])
	if r == 0 {
		return 0
	}
	return 1 / float64(r)
}

// NDCG is the normalised discounted cumulative gain of a ranking within
// the cutoff, with binary relevance: the DCG of the gold entries divided
// by the DCG of a ranking that puts all totalGold gold paragraphs first.
// It is 0 when there is no gold paragraph at all.
func NDCG(gold []bool, totalGold, cutoff int) float64 {
	var dcg, ideal float64
	for i, g := range gold[:min(cutoff, len(gold))] {
		if g {
			dcg += discount(i)
		}
	}
	for i := range min(totalGold, cutoff) {
		ideal += discount(i)
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}

// discount is the DCG weight of the 0-based position i.
func discount(i int) float64 { return 1 / math.Log2(float64(i)+2) }

// MissingKeywords returns the keyword groups no alternative of which
// occurs in text, comparing normalised forms (case, quotes, dashes,
// spaces). An answer satisfies its keywords when none are missing.
func MissingKeywords(text string, groups [][]string) [][]string {
	t := corpus.Normalize(text)
	var missing [][]string
	for _, g := range groups {
		found := false
		for _, alt := range g {
			if strings.Contains(t, corpus.Normalize(alt)) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, g)
		}
	}
	return missing
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of values by the
// nearest-rank method, or 0 for no values.
func Percentile(values []float64, p float64) float64 {
	if len(values) == 0 {
		return 0
	}
	s := append([]float64(nil), values...)
	sort.Float64s(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}

// Refusals are the outcomes of abstaining, with abstaining on an
// unanswerable question as the positive class.
type Refusals struct {
	// TP: abstained, unanswerable. FP: abstained, answerable. FN: answered,
	// unanswerable.
	TP, FP, FN int
}

// Precision is TP/(TP+FP); ok is false when nothing was abstained on.
func (r Refusals) Precision() (v float64, ok bool) { return ratio(r.TP, r.TP+r.FP) }

// Recall is TP/(TP+FN); ok is false when no question was unanswerable.
func (r Refusals) Recall() (v float64, ok bool) { return ratio(r.TP, r.TP+r.FN) }

// F1 is 2TP/(2TP+FP+FN), the harmonic mean of precision and recall; ok is
// false when there is neither an unanswerable question nor an abstention.
func (r Refusals) F1() (v float64, ok bool) { return ratio(2*r.TP, 2*r.TP+r.FP+r.FN) }

func ratio(num, den int) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// normalized returns the normalised form of each quote.
func normalized(quotes []string) []string {
	out := make([]string, len(quotes))
	for i, q := range quotes {
		out[i] = corpus.Normalize(q)
	}
	return out
}

// containsQuote reports whether normalised text contains one of the
// normalised quotes.
func containsQuote(text string, quotes []string) bool {
	for _, q := range quotes {
		if q != "" && strings.Contains(text, q) {
			return true
		}
	}
	return false
}
