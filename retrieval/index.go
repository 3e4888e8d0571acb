package retrieval

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

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
	// cache is the embedding cache this build used, saved with the index;
	// cacheAppend says it only gained the entries of cacheKeys (an
	// incremental build), which are appended rather than the file rewritten.
	cache       *embedCache
	cacheAppend bool
	// keys and terms are what the next build reuses: each chunk's content
	// keys and BM25 term counts (chunks.bin).
	keys  []chunkKeys
	terms *termTable
	// layout and paraPlan are where the vectors and paragraphs are
	// stored: a base file, perhaps the prior generation's, and the rows
	// added since (rows.go).
	layout   vectorLayout
	paraPlan rowPlan
	termPlan rowPlan
	// fit is the local embedder's, with fitInfo for the manifest; nil for
	// other embedders. A build that kept the prior fit links its file.
	fit     *fit
	fitInfo *FitInfo
	// prior is the generation this build took chunks from, nil for a full
	// build.
	prior *prior
	// pendingLexical, when set, derives lexical on first use (lex): an
	// incremental build keeps every chunk's term counts but derives the
	// BM25 postings from them (~4 ms of CPU at 10,000 paragraphs) only when
	// something asks for them, as it reads the base vectors only on the
	// first vector search (lazybase.go). Saving the generation needs the
	// counts, not the postings, so a `footnote index` after an edit never
	// derives them, and the first search pays once what loading the index
	// would have cost it anyway.
	pendingLexical func() *Lexical
	lexicalOnce    sync.Once
}

// lex returns the BM25 index, deriving it first if the build left that
// for later; safe for concurrent searches.
func (ix *Index) lex() *Lexical {
	ix.lexicalOnce.Do(func() {
		if ix.pendingLexical != nil {
			ix.lexical, ix.pendingLexical = ix.pendingLexical(), nil
		}
	})
	return ix.lexical
}

// inBackground starts f and returns a function that waits for its result.
func inBackground[T any](f func() T) func() T {
	done := make(chan T, 1)
	go func() { done <- f() }()
	return sync.OnceValue(func() T { return <-done })
}

// Paragraphs returns the indexed paragraphs in chunk order.
func (ix *Index) Paragraphs() []corpus.Paragraph { return ix.paragraphs }

// Lexical returns the BM25 index, whose document frequencies tell the
// answerer which question terms the corpus knows at all.
func (ix *Index) Lexical() *Lexical { return ix.lex() }

// Terms returns the corpus's term statistics, for weighing questions.
func (ix *Index) Terms() analysis.TermStats { return ix.lex() }

// Stems returns the memo that stemmed the paragraphs a search reranked,
// so that an answer reading them again does not stem their words again.
func (ix *Index) Stems() *analysis.StemCache { return ix.stems }

// Manifest describes what the index was built from.
func (ix *Index) Manifest() Manifest { return ix.manifest }

// Len is the number of indexed chunks.
func (ix *Index) Len() int { return len(ix.paragraphs) }

// build indexes paragraphs in memory. A nil embedder selects the local one,
// fitted on this corpus's IDF or, incrementally, keeping pr's fit; any
// other embeds only the contexts that pr and the cache lack. prior returns
// pr, the index this build replaces (nil for a full build), which may
// still be being read when build starts.
func build(ctx context.Context, paragraphs []corpus.Paragraph, emb Embedder, cache cacheSource, prior func() *prior, progress func(done, total int)) (*Index, error) {
	if len(paragraphs) == 0 {
		return nil, errors.New("build index: the corpus has no paragraphs")
	}
	keys := keysOf(paragraphs) // while the prior index is read
	pr := prior()
	if emb == nil {
		if pr != nil && pr.fit != nil {
			// Matching the chunks' vectors and paragraphs to the prior's
			// (a map of 10,000 keys each) runs beside measuring the drift
			// and matching the term counts: this part of an incremental
			// build is otherwise serial, with the second core idle.
			m := matchInBackground(pr, keys)
			if d := pr.fit.drift(keys); !pr.fit.outgrown(d) {
				return buildLocalIncremental(ctx, paragraphs, keys, pr, m, d, progress)
			}
		}
		return buildLocal(ctx, paragraphs, keys, progress)
	}
	if pr != nil && pr.fit != nil {
		pr = nil
	}
	return buildRemote(ctx, paragraphs, keys, emb, cache, pr, progress)
}

// buildRemote indexes paragraphs with emb, taking from pr the term counts
// of unchanged texts and the vectors of unchanged contexts.
func buildRemote(ctx context.Context, paragraphs []corpus.Paragraph, keys []chunkKeys, emb Embedder, cache cacheSource, pr *prior, progress func(done, total int)) (*Index, error) {
	terms, fresh, termPlan := newTermTable(nil, len(paragraphs)), allChunks(len(paragraphs)), freshPlan(len(paragraphs))
	rowOf, miss := make([]int32, len(paragraphs)), fresh
	if pr != nil {
		terms, fresh, termPlan = pr.reuseTerms(keys)
		rowOf, miss = pr.reuseRows(keys)
	}
	if err := tokenise(ctx, terms, func(i int) string { return embeddingText(paragraphs[i]) }, fresh); err != nil {
		return nil, err
	}
	ix := &Index{paragraphs: paragraphs, lexical: terms.lexical(), terms: terms, termPlan: termPlan, keys: keys, stems: &analysis.StemCache{}, embedder: emb, prior: pr}
	vecs, cacheKeys, embedded, c, err := embedSome(ctx, emb, paragraphs, miss, cache, pr == nil, progress)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	if pr != nil && !sameDimension(vecs, pr.manifest.Dimension) {
		// The model behind the ID now returns another dimension: nothing
		// stored can be kept.
		return buildRemote(ctx, paragraphs, keys, emb, cache, nil, progress)
	}
	ix.cacheKeys, ix.embedded, ix.cache, ix.cacheAppend = cacheKeys, embedded, c, pr != nil
	if err := checkVectors(vecs, paragraphs); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	ix.layout, ix.paraPlan = freshLayout(vecs), freshPlan(len(paragraphs))
	if pr != nil {
		if ix.layout, err = pr.layout(rowOf, vecs); err != nil {
			return nil, fmt.Errorf("build index: %w", err)
		}
		ix.paraPlan = pr.paragraphPlan(keys)
	}
	if err := ix.storeLayout(ctx); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

func allChunks(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// sameDimension says whether every vector embedded has dim dimensions.
func sameDimension(vecs [][]float32, dim int) bool {
	for _, v := range vecs {
		if v != nil && len(v) != dim {
			return false
		}
	}
	return true
}

// buildLocal indexes paragraphs with the local embedder, fitted on their
// IDF: each paragraph is tokenised once, for BM25 and for its vector, and
// the context vectors are combined from the paragraphs' own. The work is
// split over the CPUs in contiguous ranges, each with its own feature
// memo, so no lock is taken.
func buildLocal(ctx context.Context, paragraphs []corpus.Paragraph, keys []chunkKeys, progress func(done, total int)) (*Index, error) {
	emb := NewLocalEmbedder(0, nil)
	ranges := splitRanges(len(paragraphs), runtime.GOMAXPROCS(0))
	fs := make([]*features, len(ranges))
	words := make([][]*wordFeature, len(paragraphs))
	parallel(ranges, func(r int, lo, hi int) {
		fs[r] = newFeatures(emb)
		for i := lo; i < hi; i++ {
			if (i-lo)%1024 == 0 && ctx.Err() != nil {
				return
			}
			words[i] = fs[r].of(embeddingText(paragraphs[i]))
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	terms := newTermTable(nil, len(paragraphs))
	var seen []int32
	for i, ws := range words {
		seen = terms.setFeatures(i, ws, seen)
	}
	ix := &Index{paragraphs: paragraphs, lexical: terms.lexical(), terms: terms, termPlan: freshPlan(len(paragraphs)), keys: keys, stems: &analysis.StemCache{}}
	emb.idf = ix.lexical.IDF
	ix.embedder = emb
	now := time.Now().UTC().Truncate(time.Second)
	ix.fit = newFit(keys, terms)
	ix.fitInfo = &FitInfo{Paragraphs: ix.fit.n, Fitted: now}
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
	ix.layout, ix.paraPlan = freshLayout(vecs), freshPlan(len(paragraphs))
	ix.embedded = len(paragraphs)
	if err := ix.storeLayout(ctx); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// buildLocalIncremental indexes paragraphs with the local embedder as
// fitted for pr, whose drift from the fit is drift: the chunks whose
// context pr had keep their vectors, the others are embedded in their
// context from the features of the paragraphs involved only; texts pr
// had keep their term counts.
func buildLocalIncremental(ctx context.Context, paragraphs []corpus.Paragraph, keys []chunkKeys, pr *prior, match func() priorMatch, drift int, progress func(done, total int)) (*Index, error) {
	emb := NewLocalEmbedder(0, pr.fit.idf)
	terms, fresh, termPlan := pr.reuseTerms(keys)
	m := match()
	rowOf, miss := m.rowOf, m.miss
	need := map[int]bool{}
	for _, i := range fresh {
		need[i] = true
	}
	for _, i := range miss {
		for j := max(i-1, 0); j <= min(i+1, len(paragraphs)-1); j++ {
			if paragraphs[j].Doc == paragraphs[i].Doc {
				need[j] = true
			}
		}
	}
	f := newFeatures(emb)
	words := make([][]*wordFeature, len(paragraphs))
	for i := range need {
		words[i] = f.of(embeddingText(paragraphs[i]))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	var seen []int32
	for _, i := range fresh {
		seen = terms.setFeatures(i, words[i], seen)
	}
	f.weigh()
	vecs := make([][]float32, len(paragraphs))
	for lo := 0; lo < len(miss); {
		hi := lo + 1
		for hi < len(miss) && miss[hi] == miss[hi-1]+1 {
			hi++
		}
		emb.contextVectors(f, paragraphs, words, vecs, miss[lo], miss[hi-1]+1)
		lo = hi
	}
	if progress != nil {
		progress(len(miss), len(miss))
	}
	layout, err := pr.layout(rowOf, vecs)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	ix := &Index{
		paragraphs: paragraphs, pendingLexical: terms.lexical, terms: terms, termPlan: termPlan, keys: keys, stems: &analysis.StemCache{},
		embedder: emb, fit: pr.fit, fitInfo: &FitInfo{Paragraphs: pr.fit.n, Drift: drift, Fitted: pr.manifest.Fit.Fitted},
		layout: layout, paraPlan: m.paraPlan, embedded: len(miss), prior: pr,
	}
	if err := ix.storeLayout(ctx); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// storeLayout puts the layout's vectors into chromem-go — or, while the
// base is unread (lazyBase), leaves that to the first vector search. A zero
// vector storeVectors replaces is replaced in its row too, so that what is
// saved is what is searched.
func (ix *Index) storeLayout(ctx context.Context) error {
	if l := ix.layout.lazy; l != nil && !l.loaded {
		return nil
	}
	vecs := ix.layout.vectors()
	if err := ix.storeVectors(ctx, vecs); err != nil {
		return err
	}
	for i, r := range ix.layout.plan.rowOf {
		ix.layout.rows[r] = vecs[i]
	}
	return nil
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

// cacheSource reads the embedding cache, only the entries for want when
// want is not nil: an incremental build looks up just the few contexts
// the prior index lacks, without decoding every vector in the file.
type cacheSource func(want map[textKey]bool) *embedCache

// embedAll embeds every paragraph in its context, taking the vectors of
// texts embedded before from cache and putting the new ones in. It
// returns the vectors, the texts' cache keys and how many it embedded.
func embedAll(ctx context.Context, emb Embedder, paragraphs []corpus.Paragraph, cache *embedCache, progress func(done, total int)) ([][]float32, []textKey, int, error) {
	vecs, keys, n, _, err := embedSome(ctx, emb, paragraphs, allChunks(len(paragraphs)), func(map[textKey]bool) *embedCache { return cache }, true, progress)
	return vecs, keys, n, err
}

// embedSome embeds paragraphs idx in their context, taking the vectors of
// texts embedded before from the cache and putting the new ones in. It
// returns the vectors (nil for chunks not in idx), the cache keys to save
// — all of idx's when all is set (a full build, whose cache keeps just
// those), otherwise only the new ones (appended) — how many it embedded,
// and the cache.
func embedSome(ctx context.Context, emb Embedder, paragraphs []corpus.Paragraph, idx []int, source cacheSource, all bool, progress func(done, total int)) ([][]float32, []textKey, int, *embedCache, error) {
	vecs := make([][]float32, len(paragraphs))
	if len(idx) == 0 {
		return vecs, nil, 0, nil, nil
	}
	texts := make([]string, len(idx))
	keys := make([]textKey, len(idx))
	var want map[textKey]bool
	if !all {
		want = make(map[textKey]bool, len(idx))
	}
	for j, i := range idx {
		texts[j] = contextText(paragraphs, i)
		keys[j] = keyOf(texts[j])
		if want != nil {
			want[keys[j]] = true
		}
	}
	cache := source(want)
	var miss []int // positions in idx
	for j, i := range idx {
		if v := cache.vecs[keys[j]]; v != nil && (emb.Dimension() == 0 || len(v) == emb.Dimension()) {
			vecs[i] = v
		} else {
			miss = append(miss, j)
		}
	}
	batch := batchSize(emb)
	var added []textKey
	for start := 0; start < len(miss); start += batch {
		if err := ctx.Err(); err != nil {
			return nil, nil, 0, nil, err
		}
		part := miss[start:min(start+batch, len(miss))]
		in := make([]string, len(part))
		for n, j := range part {
			in[n] = texts[j]
		}
		first, last := idx[part[0]]+1, idx[part[len(part)-1]]+1
		out, err := emb.Embed(ctx, in)
		if err != nil {
			return nil, nil, 0, nil, fmt.Errorf("embed paragraphs %d-%d: %w", first, last, err)
		}
		if len(out) != len(in) {
			return nil, nil, 0, nil, fmt.Errorf("embed paragraphs %d-%d: got %d vectors for %d texts", first, last, len(out), len(in))
		}
		for n, j := range part {
			vecs[idx[j]] = out[n]
			cache.put(keys[j], out[n])
			added = append(added, keys[j])
		}
		if progress != nil {
			progress(start+len(part), len(miss))
		}
	}
	if !sameLength(vecs) && len(miss) < len(idx) {
		// The cache holds another dimension than the model now returns:
		// embed everything afresh.
		empty := &embedCache{id: cache.id, vecs: map[textKey][]float32{}}
		return embedSome(ctx, emb, paragraphs, idx, func(map[textKey]bool) *embedCache { return empty }, true, progress)
	}
	if all {
		added = keys
	}
	return vecs, added, len(miss), cache, nil
}

// sameLength says whether the vectors embedded (the non-nil ones) all have
// one length.
func sameLength(vecs [][]float32) bool {
	n := -1
	for _, v := range vecs {
		if v == nil {
			continue
		}
		if n >= 0 && len(v) != n {
			return false
		}
		n = len(v)
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
	for i, v := range vecs {
		if len(v) == 0 || isZero(v) {
			// chromem would divide by zero; a unit vector on one axis keeps
			// the chunk findable by BM25 and harmless to vector search.
			v = make([]float32, max(len(v), ix.embedder.Dimension(), 1))
			v[0] = 1
		}
		vecs[i] = v
	}
	// AddDocument from one goroutine per CPU, each over its own range:
	// chromem-go's AddDocuments starts a goroutine per document, which was
	// a tenth of loading 10,000 of them.
	ranges := splitRanges(len(vecs), runtime.NumCPU())
	errs := make([]error, len(ranges))
	parallel(ranges, func(r, lo, hi int) {
		for i := lo; i < hi && errs[r] == nil; i++ {
			errs[r] = col.AddDocument(ctx, chromem.Document{ID: strconv.Itoa(i), Embedding: vecs[i]})
		}
	})
	if err := errors.Join(errs...); err != nil {
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
