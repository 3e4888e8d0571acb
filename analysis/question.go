package analysis

import "slices"

// TermStats is what weighing a question needs from a corpus: how rare each
// stem is. retrieval's BM25 index is one; a remote store's statistics are
// another.
type TermStats interface {
	// IDF is the inverse document frequency of a stem.
	IDF(stem string) float64
	// DocFreq is how many chunks contain the stem.
	DocFreq(stem string) int
	// Len is how many chunks there are.
	Len() int
}

// Question is a question's content stems weighted by IDF, for scoring how
// much of it a sentence or paragraph covers.
type Question struct {
	// terms keeps the stems in question order, so that sums over them
	// (and so scores and rankings) are reproducible to the last bit.
	terms   []string
	weight  map[string]float64
	related map[string][]string
	total   float64
	// Unknown counts the question's terms that no chunk contains, not even
	// as a related word: "football", "recipe", "Singapore".
	Unknown int
	// Kind is the kind of answer the question asks for.
	Kind AnswerKind
	// soft memoises the word-vector credit's dot products. Only
	// NewQuestion sets it; the zero Question has no terms to credit.
	soft *softMemo
}

// relatedCredit is how much a question term counts as covered when only a
// related word (a WordNet synonym or derived form) appears.
const relatedCredit = 0.5

// NewQuestion weighs the stems of q by their IDF in lx.
func NewQuestion(q string, lx TermStats) Question {
	qs := Question{weight: map[string]float64{}, related: map[string][]string{}, Kind: QuestionKind(q)}
	for _, t := range Tokens(q) {
		if _, ok := qs.weight[t]; ok {
			continue
		}
		w := lx.IDF(t)
		qs.terms = append(qs.terms, t)
		qs.weight[t] = w
		qs.related[t] = Related(t)
		qs.total += w
		if lx.DocFreq(t) == 0 && !slices.ContainsFunc(qs.related[t], func(r string) bool { return lx.DocFreq(r) > 0 }) {
			qs.Unknown++
		}
	}
	qs.soft = newSoftMemo(qs.terms)
	for verb, rel := range phraseRelated(q) {
		if _, ok := qs.weight[verb]; ok {
			qs.related[verb] = append(slices.Clip(qs.related[verb]), rel...)
		}
	}
	return qs
}

// Coverage is the IDF-weighted share of the question's stems present in
// stems, a related stem or a near word-vector neighbour earning partial
// credit. A salient question term
// that matches nothing keeps its weight in the denominator: that is what
// pulls "Who is Kim's wife?" down.
func (q Question) Coverage(stems map[string]bool) float64 {
	if q.total == 0 {
		return 0
	}
	return q.weighted(q.shares(stems))
}

// shares is each term's share of its weight in stems: whole for its stem,
// relatedCredit for a related one, else the word-vector credit, whose dot
// products are computed for those terms only, all in one pass over stems.
// The three are ordered (the soft credit is at most half relatedCredit),
// so the share of a union of sets is the largest of the sets' shares.
func (q Question) shares(stems map[string]bool) []float64 {
	share := make([]float64, len(q.terms))
	var soft []int
	for i, t := range q.terms {
		switch {
		case stems[t]:
			share[i] = 1
		case slices.ContainsFunc(q.related[t], func(r string) bool { return stems[r] }):
			share[i] = relatedCredit
		default:
			soft = append(soft, i)
		}
	}
	if soft != nil {
		for k, d := range q.soft.best(stems, soft) {
			share[soft[k]] = softCreditOf(d)
		}
	}
	return share
}

// weighted is the IDF-weighted sum of shares over the total, summed in
// term order, reproducible to the last bit.
func (q Question) weighted(share []float64) float64 {
	var got float64
	for i, t := range q.terms {
		got += share[i] * q.weight[t]
	}
	return got / q.total
}

// Reading is what a passage says of a question: each of its terms'
// share, as Coverage credits it. The zero Reading says nothing.
type Reading struct{ share []float64 }

// Read reads stems, a passage's stems, for CoverageIn.
func (q Question) Read(stems map[string]bool) Reading {
	if q.total == 0 {
		return Reading{}
	}
	return Reading{share: q.shares(stems)}
}

// Join is what r and o say together: each term's larger share, which is
// the share of the union of their stems (see shares).
func (r Reading) Join(o Reading) Reading {
	if r.share == nil {
		return o
	}
	if o.share == nil {
		return r
	}
	out := make([]float64, len(r.share))
	for i := range out {
		out[i] = max(r.share[i], o.share[i])
	}
	return Reading{share: out}
}

// CoverageIn is the coverage of a passage read as r in surroundings read
// as around (its article's title, the sentences before it): a term the
// surroundings cover better than the passage earns credit times the
// difference on top of its share in the passage. Articles name their
// subject once and then say "the project", "his absence"; a question
// names it every time. At credit 0 it is the passage's Coverage, at 1 the
// Coverage of passage and surroundings together.
func (q Question) CoverageIn(r, around Reading, credit float64) float64 {
	if q.total == 0 || r.share == nil {
		return 0
	}
	var got float64 // summed in term order, as weighted sums
	for i, t := range q.terms {
		share := r.share[i]
		if around.share != nil && around.share[i] > share {
			share += credit * (around.share[i] - share)
		}
		got += share * q.weight[t]
	}
	return got / q.total
}

// StemSet returns the set of content stems in text.
func StemSet(text string) map[string]bool { return Set(Tokens(text)) }

// Set returns stems as a set.
func Set(stems []string) map[string]bool {
	m := make(map[string]bool, len(stems))
	for _, s := range stems {
		m[s] = true
	}
	return m
}

// IsEmpty reports whether the question has no content stems at all.
func (q Question) IsEmpty() bool { return q.total == 0 }

// Word-vector credit: a question term with neither its own stem nor a
// related one present earns up to softScale of relatedCredit from the
// nearest word present, scaled linearly from 0 at a cosine of softFloor to
// the full amount at 1. Below 0.7, GloVe neighbours are topical rather than
// paraphrases ("food"/"nuclear" 0.30, "tall"/"height" 0.52); chosen on
// testdata/eval.jsonl, where 0.5 and 0.6 cost keyword accuracy.
const (
	softFloor = 0.7
	softScale = 0.5
)

// softCreditOf is the partial credit a question term earns from its
// nearest word by word-vector similarity (see softFloor), given the largest
// integer dot product between their vectors.
func softCreditOf(dot int32) float64 {
	best := float64(dot) / (127 * 127)
	if best < softFloor {
		return 0
	}
	return softScale * relatedCredit * (best - softFloor) / (1 - softFloor)
}

// Similarity is the word-vector cosine between stem and its nearest
// neighbour in stems, 0 when either has no vector: the bridge the answer
// verifier uses to tell a paraphrase ("money" for "financial") from a
// question about something else ("favourite" near "food").
func Similarity(stem string, stems map[string]bool) float64 {
	sv := theStemVectors()
	vt := sv.vector(stem)
	if vt == "" {
		return 0
	}
	return nearest(vt, sv.vectorsOf(stems))
}

// nearest is the largest cosine between vt and the vectors in near, and 0
// when vt is "" or no cosine is positive. The maximum is taken over the
// integer dot products and rescaled once: the same figure, to the last bit,
// as the maximum of the rescaled ones, since rescaling preserves order.
func nearest(vt string, near []string) float64 {
	return float64(nearestDot(vt, near)) / (127 * 127)
}

// nearestDot is nearest's integer maximum, before rescaling.
func nearestDot(vt string, near []string) int32 {
	if vt == "" {
		return 0
	}
	var best int32
	for _, v := range near {
		best = max(best, dotInt32(vt, v))
	}
	return best
}
