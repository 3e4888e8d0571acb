package retrieval

import "sort"

// rrfK is reciprocal rank fusion's damping constant: 60 is the value from
// Cormack et al. and the fixtures agreed within noise.
const rrfK = 60

// fuse merges two rankings of chunk numbers with reciprocal rank fusion,
// weighting the lexical ranking by lexicalWeight and the vector ranking by
// 1-lexicalWeight. Rank-based fusion needs no score calibration, which
// matters because BM25 scores are unbounded and cosines are not comparable
// across embedders.
func fuse(vector, lexical []Hit, lexicalWeight float64) []Hit {
	score := map[int]float64{}
	for i, h := range vector {
		score[h.Chunk] += (1 - lexicalWeight) / float64(rrfK+i+1)
	}
	for i, h := range lexical {
		score[h.Chunk] += lexicalWeight / float64(rrfK+i+1)
	}
	out := make([]Hit, 0, len(score))
	for c, s := range score {
		out = append(out, Hit{Chunk: c, Score: s})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Chunk < out[j].Chunk
	})
	return out
}

// fuseScores merges two rankings by a convex combination of their scores,
// each scaled to [0, 1] by its best score.
func fuseScores(vector, lexical []Hit, lexicalWeight float64) []Hit {
	score := map[int]float64{}
	add := func(hits []Hit, w float64) {
		if len(hits) == 0 || hits[0].Score <= 0 {
			return
		}
		for _, h := range hits {
			score[h.Chunk] += w * h.Score / hits[0].Score
		}
	}
	add(vector, 1-lexicalWeight)
	add(lexical, lexicalWeight)
	out := make([]Hit, 0, len(score))
	for c, s := range score {
		out = append(out, Hit{Chunk: c, Score: s})
	}
	return topHits(out, len(out))
}
