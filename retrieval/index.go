package retrieval

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	chromem "github.com/philippgille/chromem-go"
)

const collectionName = "paragraphs"

// Index answers searches over one corpus: BM25 and vectors in chromem-go.
type Index struct {
	paragraphs []corpus.Paragraph
	lexical    *Lexical
	vectors    *chromem.Collection
	db         *chromem.DB
	// vecs are the chunks' vectors, shared with the chromem-go documents,
	// kept for saving them.
	vecs     [][]float32
	embedder Embedder
	manifest Manifest
	warn     func(string)
	stems    *analysis.StemCache
	// cacheKeys are the embedded texts' keys in the embedding cache, and
	// embedded how many of them this build embedded (the rest were cached).
	cacheKeys []textKey
	embedded  int
	// cache is the embedding cache this build used, saved with the index.
	cache *embedCache
}

// Paragraphs returns the indexed paragraphs in chunk order.
func (ix *Index) Paragraphs() []corpus.Paragraph { return ix.paragraphs }

// Lexical returns the BM25 index, whose document frequencies tell the
// answerer which question terms the corpus knows at all.
func (ix *Index) Lexical() *Lexical { return ix.lexical }

// Terms returns the corpus's term statistics, for weighing questions.
func (ix *Index) Terms() analysis.TermStats { return ix.lexical }

// Manifest describes what the index was built from.
func (ix *Index) Manifest() Manifest { return ix.manifest }

// Len is the number of indexed chunks.
func (ix *Index) Len() int { return len(ix.paragraphs) }

// build indexes paragraphs in memory. A nil embedder selects the local one,
// fitted on this corpus's IDF; any other embeds only the texts cache lacks.
func build(ctx context.Context, paragraphs []corpus.Paragraph, emb Embedder, cache *embedCache, progress func(done, total int)) (*Index, error) {
	if len(paragraphs) == 0 {
		return nil, errors.New("build index: the corpus has no paragraphs")
	}
	if emb == nil {
		ix, err := buildLocal(ctx, paragraphs, progress)
		if ix != nil {
			ix.embedded = len(paragraphs)
		}
		return ix, err
	}
	stems := &analysis.StemCache{}
	toks := make([][]string, len(paragraphs))
	for i, p := range paragraphs {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("build index: %w", ctx.Err())
		}
		toks[i] = stems.Tokens(embeddingText(p))
	}
	ix := &Index{paragraphs: paragraphs, lexical: NewLexical(toks), stems: stems, embedder: emb}
	vecs, keys, embedded, err := embedAll(ctx, ix.embedder, paragraphs, cache, progress)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	ix.cacheKeys, ix.embedded, ix.cache = keys, embedded, cache
	if err := checkVectors(vecs, paragraphs); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := ix.storeVectors(ctx, vecs); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// buildLocal indexes paragraphs with the local embedder, fitted on their
// IDF: each paragraph is tokenised once, for BM25 and for its vector, and
// the context vectors are combined from the paragraphs' own. The work is
// split over the CPUs in contiguous ranges, each with its own feature
// memo, so no lock is taken.
func buildLocal(ctx context.Context, paragraphs []corpus.Paragraph, progress func(done, total int)) (*Index, error) {
	emb := NewLocalEmbedder(0, nil)
	ranges := splitRanges(len(paragraphs), runtime.GOMAXPROCS(0))
	fs := make([]*features, len(ranges))
	words := make([][]*wordFeature, len(paragraphs))
	toks := make([][]string, len(paragraphs))
	parallel(ranges, func(r int, lo, hi int) {
		fs[r] = newFeatures(emb)
		for i := lo; i < hi; i++ {
			if (i-lo)%1024 == 0 && ctx.Err() != nil {
				return
			}
			words[i] = fs[r].of(embeddingText(paragraphs[i]))
			toks[i] = stems(words[i])
		}
	})
	ix := &Index{paragraphs: paragraphs, lexical: NewLexical(toks), stems: &analysis.StemCache{}}
	emb.idf = ix.lexical.IDF
	ix.embedder = emb
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	// Every paragraph word's IDF is set before the workers read each
	// other's words at their ranges' edges; only title words, each
	// worker's own, are weighed later.
	for _, f := range fs {
		f.weigh()
	}
	vecs := make([][]float32, len(paragraphs))
	parallel(ranges, func(r int, lo, hi int) { emb.contextVectors(fs[r], paragraphs, words, vecs, lo, hi) })
	if progress != nil {
		progress(len(paragraphs), len(paragraphs))
	}
	if err := ix.storeVectors(ctx, vecs); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// splitRanges cuts 0..n into at most k contiguous ranges of similar size,
// as [lo, hi) pairs.
func splitRanges(n, k int) [][2]int {
	k = max(1, min(k, n/256+1)) // small corpora are not worth a goroutine
	out := make([][2]int, k)
	for r := range k {
		out[r] = [2]int{r * n / k, (r + 1) * n / k}
	}
	return out
}

// parallel runs work on each range in its own goroutine and waits.
func parallel(ranges [][2]int, work func(r, lo, hi int)) {
	var wg sync.WaitGroup
	for r, rg := range ranges {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(r, rg[0], rg[1])
		}()
	}
	wg.Wait()
}

// embeddingText is what BM25 indexes, and the local embedder reads, for a
// paragraph: its own text only. The title and the neighbours reach the
// vectors through contextText, so BM25 scores only what the paragraph
// itself says.
func embeddingText(p corpus.Paragraph) string { return p.Text }

// contextText is what gets embedded for paragraph i: the paragraph with
// its article's title and its neighbours in the same article. Paragraphs
// lean on their context ("his absence" two paragraphs after the event is
// named); BM25 scores the paragraph alone, so the vector side contributes
// the context signal that BM25 lacks.
func contextText(ps []corpus.Paragraph, i int) string {
	parts := []string{ps[i].Title}
	if i > 0 && ps[i-1].Doc == ps[i].Doc {
		parts = append(parts, ps[i-1].Text)
	}
	parts = append(parts, ps[i].Text, ps[i].Text)
	if i+1 < len(ps) && ps[i+1].Doc == ps[i].Doc {
		parts = append(parts, ps[i+1].Text)
	}
	return strings.Join(parts, "\n")
}

// embedBatch is how many chunks go into one Embed call when the embedder
// does not say how many it sends per request.
const embedBatch = 64

// batcher is an embedder that sends texts in requests of BatchSize.
type batcher interface{ BatchSize() int }

// batchSize is how many texts one Embed call gets: the embedder's own
// request size, so that a configured batch of 128 sends 128, not 64.
func batchSize(emb Embedder) int {
	if b, ok := emb.(batcher); ok && b.BatchSize() > 0 {
		return b.BatchSize()
	}
	return embedBatch
}

// embedAll embeds every paragraph in its context, taking the vectors of
// texts embedded before from cache and putting the new ones in. It
// returns the vectors, the texts' cache keys and how many it embedded.
func embedAll(ctx context.Context, emb Embedder, paragraphs []corpus.Paragraph, cache *embedCache, progress func(done, total int)) ([][]float32, []textKey, int, error) {
	texts := make([]string, len(paragraphs))
	keys := make([]textKey, len(paragraphs))
	vecs := make([][]float32, len(paragraphs))
	var miss []int
	for i := range paragraphs {
		texts[i] = contextText(paragraphs, i)
		keys[i] = keyOf(texts[i])
		if v := cache.vecs[keys[i]]; v != nil && (emb.Dimension() == 0 || len(v) == emb.Dimension()) {
			vecs[i] = v
		} else {
			miss = append(miss, i)
		}
	}
	batch := batchSize(emb)
	for start := 0; start < len(miss); start += batch {
		if err := ctx.Err(); err != nil {
			return nil, nil, 0, err
		}
		idx := miss[start:min(start+batch, len(miss))]
		in := make([]string, len(idx))
		for j, i := range idx {
			in[j] = texts[i]
		}
		out, err := emb.Embed(ctx, in)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("embed paragraphs %d-%d: %w", idx[0]+1, idx[len(idx)-1]+1, err)
		}
		if len(out) != len(in) {
			return nil, nil, 0, fmt.Errorf("embed paragraphs %d-%d: got %d vectors for %d texts", idx[0]+1, idx[len(idx)-1]+1, len(out), len(in))
		}
		for j, i := range idx {
			vecs[i] = out[j]
			cache.put(keys[i], out[j])
		}
		if progress != nil {
			progress(start+len(idx), len(miss))
		}
	}
	if !sameLength(vecs) && len(miss) < len(paragraphs) {
		// The cache holds another dimension than the model now returns:
		// embed everything afresh.
		return embedAll(ctx, emb, paragraphs, &embedCache{id: cache.id, vecs: map[textKey][]float32{}}, progress)
	}
	return vecs, keys, len(miss), nil
}

func sameLength(vecs [][]float32) bool {
	for _, v := range vecs {
		if len(v) != len(vecs[0]) {
			return false
		}
	}
	return true
}

// storeVectors puts one chromem document per chunk, ID = chunk number.
func (ix *Index) storeVectors(ctx context.Context, vecs [][]float32) error {
	ix.db = chromem.NewDB()
	col, err := ix.db.CreateCollection(collectionName, nil, ix.embedQuery)
	if err != nil {
		return fmt.Errorf("create collection: %w", err)
	}
	docs := make([]chromem.Document, len(vecs))
	for i, v := range vecs {
		if len(v) == 0 || isZero(v) {
			// chromem would divide by zero; a unit vector on one axis keeps
			// the chunk findable by BM25 and harmless to vector search.
			v = make([]float32, max(len(v), ix.embedder.Dimension(), 1))
			v[0] = 1
		}
		vecs[i] = v
		docs[i] = chromem.Document{ID: strconv.Itoa(i), Embedding: v}
	}
	if err := col.AddDocuments(ctx, docs, runtime.NumCPU()); err != nil {
		return fmt.Errorf("add vectors: %w", err)
	}
	ix.vectors, ix.vecs = col, vecs
	return nil
}

// embedQuery is the collection's EmbeddingFunc. chromem-go falls back to
// OpenAI when given none, so it always gets this one.
func (ix *Index) embedQuery(ctx context.Context, text string) ([]float32, error) {
	v, err := ix.embedder.Embed(ctx, []string{text})
	if err != nil {
		return nil, err
	}
	if len(v) != 1 {
		return nil, fmt.Errorf("embedder returned %d vectors for 1 text", len(v))
	}
	return v[0], nil
}
