package retrieval

import (
	"hash/fnv"
	"math"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// The local embedder's features are additive: the vector of a text is,
// before its two parts are normalised, the sum over its words of the
// word's IDF times the word's features. So the vector of a paragraph in
// its context (contextText: title, previous, itself twice, next) is the
// sum of those pieces' raw vectors, and each piece needs computing once,
// not four times — and each distinct word's features (stem, hashed slots,
// word vector) once per build. TestContextVectorsMatchEmbeddingTheJoinedText
// holds the result to embedding contextText itself.

// wordFeature is what one word adds to a raw vector, per unit of IDF.
type wordFeature struct {
	stem  string
	slots []int32   // hashed slots of the stem and the character n-grams
	unit  []float64 // signed weight per slot, before the IDF
	vec   string    // the stem's int8 word vector; "" when none
	// idf is the stem's IDF, looked up on first use: a build's IDF is
	// fixed once its BM25 index exists.
	idf    float64
	hasIDF bool
	// term is the stem's number in the build's termTable, -1 until set.
	term int32
}

// features memoises wordFeature for one build.
type features struct {
	e *LocalEmbedder
	m map[string]*wordFeature
}

func newFeatures(e *LocalEmbedder) *features {
	return &features{e: e, m: map[string]*wordFeature{}}
}

// of returns the features of a text's content words, in order.
func (f *features) of(text string) []*wordFeature {
	words := analysis.Words(text)
	out := make([]*wordFeature, 0, len(words))
	for _, w := range words {
		if wf := f.word(w); wf != nil {
			out = append(out, wf)
		}
	}
	return out
}

// word returns w's features, or nil for a stop word.
func (f *features) word(w string) *wordFeature {
	if wf, ok := f.m[w]; ok {
		return wf
	}
	var wf *wordFeature
	if !analysis.IsStop(w) {
		stem := analysis.Stem(w)
		wf = &wordFeature{stem: stem, vec: analysis.WordVectors().Vector(stem), term: -1}
		wf.hash(f.e.dim, "w:"+stem, 1)
		grams := ngrams(w)
		for _, g := range grams {
			wf.hash(f.e.dim, "g:"+g, ngramWeight/math.Sqrt(float64(len(grams))))
		}
	}
	f.m[w] = wf
	return wf
}

// weigh sets the IDF of every word seen so far.
func (f *features) weigh() {
	for _, wf := range f.m {
		if wf != nil && !wf.hasIDF {
			wf.idf, wf.hasIDF = f.e.idf(wf.stem), true
		}
	}
}

// hash adds one hashed feature, as LocalEmbedder.add places it.
func (wf *wordFeature) hash(dim int, feature string, weight float64) {
	h := fnv.New64a()
	h.Write([]byte(feature))
	sum := h.Sum64()
	if sum>>63 == 1 {
		weight = -weight
	}
	wf.slots = append(wf.slots, int32(sum%uint64(dim)))
	wf.unit = append(wf.unit, weight)
}

// addRaw adds the IDF-weighted features of words to raw, a vector of the
// embedder's full dimension, times k.
func (e *LocalEmbedder) addRaw(raw []float32, words []*wordFeature, k float32) {
	lexical, semantic := raw[:e.dim], raw[e.dim:]
	for _, wf := range words {
		if !wf.hasIDF {
			wf.idf, wf.hasIDF = e.idf(wf.stem), true
		}
		weight := wf.idf
		for j, s := range wf.slots {
			lexical[s] += k * float32(wf.unit[j]*weight)
		}
		vec := wf.vec
		for j := 0; j < len(vec); j++ {
			semantic[j] += k * float32(weight*float64(int8(vec[j])))
		}
	}
}

// finish turns a raw vector into an embedding in place: each part at unit
// length, scaled to its share of the cosine, the whole at unit length.
func (e *LocalEmbedder) finish(v []float32) []float32 {
	lexical, semantic := v[:e.dim], v[e.dim:]
	scale(normalize(lexical), math.Sqrt(1-semanticShare))
	scale(normalize(semantic), math.Sqrt(semanticShare))
	return normalize(v)
}

// contextVectors embeds paragraphs lo..hi-1 in their context
// (contextText) into out, from the paragraphs' features, computed once:
// words[i] are paragraph i's. Each paragraph's raw vector is summed once
// and kept while its neighbours need it.
func (e *LocalEmbedder) contextVectors(f *features, ps []corpus.Paragraph, words [][]*wordFeature, out [][]float32, lo, hi int) {
	dim := e.Dimension()
	backing := make([]float32, (hi-lo)*dim)
	raw := func(i int) []float32 {
		r := make([]float32, dim)
		e.addRaw(r, words[i], 1)
		return r
	}
	var title string
	var titleRaw, prev, cur, next []float32
	for i := lo; i < hi; i++ {
		if titleRaw == nil || ps[i].Title != title {
			title, titleRaw = ps[i].Title, make([]float32, dim)
			e.addRaw(titleRaw, f.of(title), 1)
		}
		if i == lo {
			cur = raw(i)
			if i > 0 {
				prev = raw(i - 1)
			}
		} else {
			prev, cur = cur, next
		}
		next = nil
		if i+1 < len(ps) {
			next = raw(i + 1)
		}
		v := backing[(i-lo)*dim : (i-lo+1)*dim : (i-lo+1)*dim]
		for j := range v {
			v[j] = titleRaw[j] + 2*cur[j]
		}
		if i > 0 && ps[i-1].Doc == ps[i].Doc {
			addTo(v, prev)
		}
		if next != nil && ps[i+1].Doc == ps[i].Doc {
			addTo(v, next)
		}
		out[i] = e.finish(v)
	}
}

func addTo(v, w []float32) {
	for j := range v {
		v[j] += w[j]
	}
}
