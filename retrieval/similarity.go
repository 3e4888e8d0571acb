package retrieval

// Similarity is the cosine of two stems' GloVe vectors (see
// stemVectorsBin), 0 when either stem is not in the table. The answer gate
// reads it to bridge a question word the corpus lacks to a near word it has.
func Similarity(a, b string) float64 { return theStemVectors().similarity(a, b) }
