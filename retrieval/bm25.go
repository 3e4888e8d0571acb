package retrieval

import "sort"

// BM25 parameters: the usual defaults, which the fixtures did not improve on.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Lexical is a BM25 index over stemmed tokens. Its exported fields exist
// for gob encoding; treat them as read-only.
type Lexical struct {
	// Postings maps a stem to the chunks that contain it.
	Postings map[string][]Posting
	// Lengths holds each chunk's token count, by chunk number.
	Lengths []int32
	// AvgLength is the mean of Lengths.
	AvgLength float64
}

// Posting records that a chunk contains a stem Freq times.
type Posting struct {
	Chunk int32
	Freq  int32
}

// Hit is a chunk number and its score.
type Hit struct {
	Chunk int
	Score float64
}

// NewLexical indexes the token lists of chunks 0..n-1.
func NewLexical(chunks [][]string) *Lexical {
	lx := &Lexical{Postings: map[string][]Posting{}, Lengths: make([]int32, len(chunks))}
	var total int
	for i, toks := range chunks {
		lx.Lengths[i] = int32(len(toks))
		total += len(toks)
		for stem, f := range counts(toks) {
			lx.Postings[stem] = append(lx.Postings[stem], Posting{Chunk: int32(i), Freq: int32(f)})
		}
	}
	if len(chunks) > 0 {
		lx.AvgLength = float64(total) / float64(len(chunks))
	}
	return lx
}

func counts(toks []string) map[string]int {
	m := make(map[string]int, len(toks))
	for _, t := range toks {
		m[t]++
	}
	return m
}

// Len is the number of chunks indexed.
func (lx *Lexical) Len() int { return len(lx.Lengths) }

// DocFreq is the number of chunks that contain stem.
func (lx *Lexical) DocFreq(stem string) int { return len(lx.Postings[stem]) }

// IDF is BM25's inverse document frequency of stem; a stem no chunk
// contains gets the highest value any stem could have.
func (lx *Lexical) IDF(stem string) float64 {
	return BM25IDF(lx.Len(), lx.DocFreq(stem))
}

// Search scores every chunk that shares a stem with the query, each stem
// counting in proportion to its weight, and returns the best k, highest
// first.
func (lx *Lexical) Search(query map[string]float64, k int) []Hit {
	scores := map[int32]float64{}
	// Sorted terms make the float sums, and so the ranking, reproducible.
	for _, stem := range sortedKeys(query) {
		idf := query[stem] * lx.IDF(stem)
		for _, p := range lx.Postings[stem] {
			f := float64(p.Freq)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(lx.Lengths[p.Chunk])/lx.AvgLength)
			scores[p.Chunk] += idf * f * (bm25K1 + 1) / (f + norm)
		}
	}
	hits := make([]Hit, 0, len(scores))
	for c, s := range scores {
		hits = append(hits, Hit{Chunk: int(c), Score: s})
	}
	return topHits(hits, k)
}

// topHits sorts hits by score (ties by chunk number, for stable output) and
// keeps the first k. When k is well below len(hits) — BM25 on a large
// corpus, where a common stem matches most chunks — it selects the best k
// with a heap instead of sorting them all; the order is total, so the
// result is the same.
func topHits(hits []Hit, k int) []Hit {
	if k < len(hits)/4 {
		hits = selectBest(hits, max(k, 0))
	}
	sort.Slice(hits, func(i, j int) bool { return better(hits[i], hits[j]) })
	if len(hits) > k {
		hits = hits[:k]
	}
	return hits
}

// better orders hits: higher score first, then lower chunk number.
func better(a, b Hit) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.Chunk < b.Chunk
}

// selectBest moves the best k hits to the front, unordered, and returns
// them: hits[:k] is kept as a heap whose root is the worst of them.
func selectBest(hits []Hit, k int) []Hit {
	h := hits[:k]
	for i := k/2 - 1; i >= 0; i-- {
		siftWorst(h, i)
	}
	for _, x := range hits[k:] {
		if k > 0 && better(x, h[0]) {
			h[0] = x
			siftWorst(h, 0)
		}
	}
	return h
}

// siftWorst restores the heap below i: every parent is worse than its
// children.
func siftWorst(h []Hit, i int) {
	for {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && better(h[w], h[l]) {
			w = l
		}
		if r < len(h) && better(h[w], h[r]) {
			w = r
		}
		if w == i {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
