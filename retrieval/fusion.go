package retrieval

// fuseScores merges two rankings by a convex combination of their scores,
// each scaled to [0, 1] by its best score. On the fixtures this beat
// reciprocal rank fusion, which gives the weaker (local vector) ranking an
// equal voice whatever its scores say.
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
