package analysis

import (
	"math"
	"sync"
)

// softMemo remembers, for one question, each stem's integer dot product
// with the question terms' word vectors. A rerank scores every sentence of
// twenty paragraphs, and the answer the sentences of five again, where the
// same stems recur; looking each up in the 34,000-stem table once per
// question, and multiplying it by a term's vector at most once, not once
// per sentence, leaves every score the same to the last bit (integer dot
// products, maxima taken in any order).
type softMemo struct {
	mu    sync.Mutex
	terms []string // the question's terms, in order
	vecs  []string // their vectors, "" for none; looked up on first need
	rows  map[string]memoRow
	dots  []int32 // the rows' dot products, len(terms) a row, in one array
}

// memoRow is one stem's vector and where its dot products with the
// terms' start in softMemo.dots.
type memoRow struct {
	vec string // "" when the stem has none
	at  int32
}

// memoStems is how many stems a memo makes room for at first: about what
// a rerank's twenty paragraphs hold, so that the map seldom grows.
const memoStems = 512

// unknownDot marks a dot product not computed yet.
const unknownDot = math.MinInt32

func newSoftMemo(terms []string) *softMemo {
	return &softMemo{terms: terms}
}

// best returns, for each of the terms numbered in which, the largest
// positive dot product between its vector and the vector of a stem in
// stems, 0 when there is none: nearestDot over stems' vectors.
func (m *softMemo) best(stems map[string]bool, which []int) []int32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	sv := theStemVectors()
	if m.rows == nil {
		m.rows = make(map[string]memoRow, memoStems)
		m.vecs = make([]string, len(m.terms))
		for i, t := range m.terms {
			m.vecs[i] = sv.vector(t)
		}
	}
	out := make([]int32, len(which))
	for s := range stems {
		row, ok := m.rows[s]
		if !ok {
			row = m.newRow(sv, s)
			m.rows[s] = row
		}
		if row.vec == "" {
			continue
		}
		dots := m.dots[row.at : int(row.at)+len(m.terms)]
		for k, i := range which {
			if dots[i] == unknownDot {
				dots[i] = m.dot(i, row.vec)
			}
			out[k] = max(out[k], dots[i])
		}
	}
	return out
}

// newRow is a stem's row, no dot product computed yet.
func (m *softMemo) newRow(sv *StemVectors, stem string) memoRow {
	vec := sv.vector(stem)
	if vec == "" {
		return memoRow{}
	}
	at := len(m.dots)
	for range m.terms {
		m.dots = append(m.dots, unknownDot)
	}
	return memoRow{vec: vec, at: int32(at)}
}

// dot is term i's dot product with vector vs, 0 when the term has none.
func (m *softMemo) dot(i int, vs string) int32 {
	if m.vecs[i] == "" {
		return 0
	}
	return dotInt32(m.vecs[i], vs)
}
