package eval

import "fmt"

// Metric is one figure of a report. Key is stable across versions and
// names the metric in --min-KEY/--max-KEY flags, JSON and --compare.
type Metric struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Group string `json:"group"`
	// Value is null when there was nothing to score (say, precision of
	// refusals when nothing was refused, or tokens offline).
	Value *float64 `json:"value"`
	// Num and Den show a ratio's counts ("46/54"); Den is 0 otherwise.
	Num int `json:"num"`
	Den int `json:"den"`
	// Unit is "ratio" (0–1), "count", "ms" or "tokens".
	Unit string `json:"unit"`
	// LowerIsBetter is set for false abstention, dropped citations,
	// latency and tokens.
	LowerIsBetter bool `json:"lower_is_better,omitempty"`
}

// Format renders the value for people: "0.852", "3", "12.4 ms", or "—".
func (m Metric) Format() string {
	if m.Value == nil {
		return "—"
	}
	switch m.Unit {
	case "ratio":
		return fmt.Sprintf("%.3f", *m.Value)
	case "ms":
		return fmt.Sprintf("%.1f ms", *m.Value)
	default:
		return fmt.Sprintf("%.0f", *m.Value)
	}
}

// Counts renders "46/54" for a ratio, "" otherwise.
func (m Metric) Counts() string {
	if m.Unit != "ratio" || m.Den == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", m.Num, m.Den)
}

// Metric keys.
const (
	KeyHit1              = "hit1"
	KeyHitK              = "hitk"
	KeyMRR               = "mrr"
	KeyNDCG              = "ndcg"
	KeyKeywords          = "keywords"
	KeyCitationHit       = "citation-hit"
	KeyCitationPrecision = "citation-precision"
	KeyDropped           = "dropped"
	KeyRefusalPrecision  = "refusal-precision"
	KeyRefusalRecall     = "refusal-recall"
	KeyRefusalF1         = "refusal-f1"
	KeyFalseAbstention   = "false-abstention"
	KeyLatencyP50        = "latency-p50"
	KeyLatencyP95        = "latency-p95"
	KeyTokens            = "tokens"
)

// Metrics computes every metric over judged rows, k being hit@k's k.
//
//   - hit@1, hit@k, MRR@10, nDCG@10: answerable questions, over the
//     ranking in Row.Retrieved.
//   - keyword accuracy: answerable questions whose answer satisfies every
//     keyword group (an abstention satisfies none).
//   - citation hit rate: answered answerable questions citing ≥ 1 gold
//     paragraph; citation precision: gold citations / all citations of
//     answered answerable questions.
//   - dropped citations: total the verifier removed.
//   - refusals: abstaining on an unanswerable question is the positive
//     class; false abstention: answerable questions abstained on.
//   - latency p50/p95 per answer; tokens in total, when answers say.
func Metrics(rows []Row, k int) []Metric {
	var (
		answerable, hit1, hitk, keywords, answered, citeHit, cited, goldCited, dropped int
		mrr, ndcg                                                                      float64
		ref                                                                            Refusals
		latencies                                                                      []float64
		tokens                                                                         *float64
	)
	for _, r := range rows {
		dropped += r.DroppedCitations
		latencies = append(latencies, r.LatencyMS)
		if r.Tokens != nil {
			tokens = addTo(tokens, float64(*r.Tokens))
		}
		if !r.Answerable {
			if r.Abstained {
				ref.TP++
			} else {
				ref.FN++
			}
			continue
		}
		answerable++
		gold := r.gold()
		hit1 += b2i(r.HitRank == 1)
		hitk += b2i(r.HitRank >= 1 && r.HitRank <= k)
		mrr += ReciprocalRank(gold, Depth)
		ndcg += NDCG(gold, r.GoldParagraphs, Depth)
		keywords += b2i(r.Keywords != nil && r.Keywords.Pass)
		if r.Abstained {
			ref.FP++
			continue
		}
		answered++
		g := r.goldCited()
		citeHit += b2i(g > 0)
		cited += len(r.Citations)
		goldCited += g
	}
	p, pOK := ref.Precision()
	rc, rOK := ref.Recall()
	f1, fOK := ref.F1()
	return []Metric{
		ratioMetric(KeyHit1, "hit@1", "Retrieval", hit1, answerable),
		ratioMetric(KeyHitK, fmt.Sprintf("hit@%d", k), "Retrieval", hitk, answerable),
		meanMetric(KeyMRR, "MRR@10", "Retrieval", mrr, answerable),
		meanMetric(KeyNDCG, "nDCG@10", "Retrieval", ndcg, answerable),
		ratioMetric(KeyKeywords, "keyword accuracy", "Answers", keywords, answerable),
		ratioMetric(KeyCitationHit, "citation hit rate", "Citations", citeHit, answered),
		ratioMetric(KeyCitationPrecision, "citation precision", "Citations", goldCited, cited),
		{Key: KeyDropped, Name: "dropped citations", Group: "Citations", Value: ptr(float64(dropped)), Unit: "count", LowerIsBetter: true},
		withValue(ratioMetric(KeyRefusalPrecision, "refusal precision", "Refusals", ref.TP, ref.TP+ref.FP), p, pOK),
		withValue(ratioMetric(KeyRefusalRecall, "refusal recall", "Refusals", ref.TP, ref.TP+ref.FN), rc, rOK),
		withValue(Metric{Key: KeyRefusalF1, Name: "refusal F1", Group: "Refusals", Unit: "ratio"}, f1, fOK),
		lower(ratioMetric(KeyFalseAbstention, "false abstention", "Refusals", ref.FP, answerable)),
		lower(Metric{Key: KeyLatencyP50, Name: "latency p50", Group: "Cost", Value: percentile(latencies, 50), Unit: "ms"}),
		lower(Metric{Key: KeyLatencyP95, Name: "latency p95", Group: "Cost", Value: percentile(latencies, 95), Unit: "ms"}),
		lower(Metric{Key: KeyTokens, Name: "tokens", Group: "Cost", Value: tokens, Unit: "tokens"}),
	}
}

func ratioMetric(key, name, group string, num, den int) Metric {
	m := Metric{Key: key, Name: name, Group: group, Num: num, Den: den, Unit: "ratio"}
	if v, ok := ratio(num, den); ok {
		m.Value = &v
	}
	return m
}

func meanMetric(key, name, group string, sum float64, n int) Metric {
	m := Metric{Key: key, Name: name, Group: group, Unit: "ratio"}
	if n > 0 {
		m.Value = ptr(sum / float64(n))
	}
	return m
}

func withValue(m Metric, v float64, ok bool) Metric {
	m.Value = nil
	if ok {
		m.Value = &v
	}
	return m
}

func lower(m Metric) Metric { m.LowerIsBetter = true; return m }

func percentile(values []float64, p float64) *float64 {
	if len(values) == 0 {
		return nil
	}
	return ptr(Percentile(values, p))
}

func addTo(sum *float64, v float64) *float64 {
	if sum == nil {
		return &v
	}
	return ptr(*sum + v)
}

func ptr(v float64) *float64 { return &v }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
