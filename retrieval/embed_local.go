package retrieval

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"

	"github.com/footnote-dev/footnote/analysis"
)

// DefaultLocalDimension is the local embedder's count of hashed slots. Feature
// hashing collides less as it grows; 512 kept retrieval quality within noise
// of 2048 on the fixtures at a quarter of the memory.
const DefaultLocalDimension = 512

// LocalEmbedder is an offline, deterministic embedder that needs no model
// files: IDF-weighted word stems and character 4-grams, hashed into a fixed
// dimension, next to the IDF-weighted mean of the words' GloVe vectors
// (stemvectors.go), each part L2-normalised. It catches what BM25
// misses — morphology and partial names ("Jong-un"/"Jong Un", "nuclear"/
// "denuclearization"), and related words ("safe"/"security") — while BM25
// keeps exact terms sharp.
type LocalEmbedder struct {
	dim int
	idf func(stem string) float64
}

// NewLocalEmbedder returns a local embedder hashing features into dim
// slots (0 means DefaultLocalDimension), followed by the word vectors'
// dimensions, weighting stems by idf, usually the IDF of the
// lexical index built over the same corpus.
func NewLocalEmbedder(dim int, idf func(stem string) float64) *LocalEmbedder {
	if dim <= 0 {
		dim = DefaultLocalDimension
	}
	return &LocalEmbedder{dim: dim, idf: idf}
}

// ID implements Embedder. The IDF table is not part of the ID: it follows
// from the corpus, whose hash the index manifest records separately.
func (e *LocalEmbedder) ID() string {
	return fmt.Sprintf("local-v3/%d+glove%d", e.dim, analysis.WordVectors().Dim())
}

// Dimension implements Embedder: the hashed features, then the word-vector
// mean.
func (e *LocalEmbedder) Dimension() int { return e.dim + analysis.WordVectors().Dim() }

// Embed implements Embedder. It never fails.
func (e *LocalEmbedder) Embed(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		out[i] = e.vector(t)
	}
	return out, nil
}

// ngramWeight is the weight of a word's character 4-grams, together,
// relative to its stem. Giving the n-grams the stem's full weight made the
// vectors the fuzzy, spelling-tolerant complement to BM25 that fusion
// needs ("characterise"/"characterize"); adjacent-stem pairs, tried too,
// only duplicated BM25 (BENCHMARKS.md, Retrieval quality).
const ngramWeight = 1.0

// semanticShare is the word-vector part's share of the cosine between two
// texts; the hashed features have the rest. On testdata/eval.jsonl 0.3 and
// 0.5 tied and 1.0 (word vectors alone) lost hit@5; see BENCHMARKS.md.
const semanticShare = 0.3

func (e *LocalEmbedder) vector(text string) []float32 {
	sv := analysis.WordVectors()
	v := make([]float32, e.dim+sv.Dim())
	lexical, semantic := v[:e.dim], v[e.dim:]
	for _, w := range analysis.Words(text) {
		if analysis.IsStop(w) {
			continue
		}
		stem := analysis.Stem(w)
		weight := e.idf(stem)
		e.add(lexical, "w:"+stem, weight)
		grams := ngrams(w)
		for _, g := range grams {
			e.add(lexical, "g:"+g, ngramWeight*weight/math.Sqrt(float64(len(grams))))
		}
		vec := sv.Vector(stem) // int8s in a string: index bytes, don't range runes
		for i := 0; i < len(vec); i++ {
			semantic[i] += float32(weight * float64(int8(vec[i])))
		}
	}
	// Each part at unit length, scaled so that its share of the cosine is
	// fixed; a text with no word vectors falls back to the hashed part.
	scale(normalize(lexical), math.Sqrt(1-semanticShare))
	scale(normalize(semantic), math.Sqrt(semanticShare))
	normalize(v)
	return v
}

func scale(v []float32, f float64) {
	for i := range v {
		v[i] *= float32(f)
	}
}

// add hashes a feature to a slot and a sign, so that collisions cancel out
// on average instead of piling up.
func (e *LocalEmbedder) add(v []float32, feature string, weight float64) {
	h := fnv.New64a()
	h.Write([]byte(feature))
	sum := h.Sum64()
	slot := int(sum % uint64(e.dim))
	if sum>>63 == 1 {
		weight = -weight
	}
	v[slot] += float32(weight)
}

// ngrams returns the character 4-grams of a word padded with boundary marks;
// words of up to four letters yield themselves alone.
func ngrams(w string) []string {
	r := []rune("<" + w + ">")
	if len(r) <= 6 {
		return []string{string(r)}
	}
	out := make([]string, 0, len(r)-3)
	for i := 0; i+4 <= len(r); i++ {
		out = append(out, string(r[i:i+4]))
	}
	return out
}

// normalize scales v to unit length in place and returns it; a zero
// vector stays zero.
func normalize(v []float32) []float32 {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		return v
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range v {
		v[i] *= inv
	}
	return v
}

// isZero reports whether a vector has no direction, e.g. the embedding of
// a query made only of stop words.
func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}
