package retrieval

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/trust"
)

// prior is what a build takes over from the index it replaces, when only
// the corpus changed: the chunks' keys, term counts and vector rows, the
// vectors, and the local embedder's fit.
type prior struct {
	gen      string // the generation folder
	manifest Manifest
	chunks   chunkState
	terms    [][]termFreq // term-count rows
	rows     [][]float32  // the base's are nil while base is unread
	baseRows int
	base     *lazyBase
	fit      *fit // nil for a remote embedder
}

// noPrior is the prior of a full build.
func noPrior() *prior { return nil }

// priorInBackground starts reading the prior index (readPrior) and returns
// a function that waits for it: the build keys the new corpus meanwhile.
func priorInBackground(ctx context.Context, dir string, want Manifest) func() *prior {
	return inBackground(func() *prior { return readPrior(ctx, dir, want) })
}

// readPrior reads what a build can reuse from the live generation in dir,
// or nil: an index built with another format, chunker, tokenizer or
// embedder, or one that cannot be read, is rebuilt from nothing.
func readPrior(ctx context.Context, dir string, want Manifest) *prior {
	if dir == "" {
		return nil
	}
	name, err := currentGeneration(dir)
	if err != nil {
		return nil
	}
	gen := filepath.Join(dir, name)
	if trust.Dir(gen) != nil {
		return nil
	}
	m, err := readManifest(gen)
	if err != nil || m.Stale(want) != "corpus changed" || ctx.Err() != nil {
		return nil
	}
	p := &prior{gen: gen, manifest: m}
	if err := p.read(); err != nil {
		return nil
	}
	return p
}

// read reads the prior generation's files, the vectors (most of the
// bytes) beside the rest.
func (p *prior) read() error {
	m := p.manifest
	type result struct {
		rows [][]float32
		err  error
	}
	vectors := make(chan result, 1)
	go func() {
		// The base's floats are left in the file (lazyBase) unless the
		// build rewrites it.
		base, err := openLazyBase(p.gen, m)
		if err != nil {
			vectors <- result{nil, err}
			return
		}
		p.base = base
		// paragraphs.bin is linked, never decoded: its owner and length
		// checked here, its checksum by the next load (lazybase.go).
		f, err := openLinked(p.gen, paragraphsFile, m)
		if err != nil {
			vectors <- result{nil, err}
			return
		}
		_ = f.Close()
		delta, err := readVectorsVerified(p.gen, vectorsDeltaFile, m, m.VectorDeltaRows, m.Dimension)
		vectors <- result{append(make([][]float32, m.VectorRows), delta...), err}
	}()
	err := p.readChunks()
	v := <-vectors
	if err != nil {
		return err
	}
	if v.err != nil {
		return v.err
	}
	p.rows, p.baseRows = v.rows, m.VectorRows
	return nil
}

// loadBase reads the base vectors into p.rows, for a build that rewrites
// them.
func (p *prior) loadBase() error {
	if p.base == nil {
		return nil
	}
	rows, err := p.base.read()
	if err != nil {
		return err
	}
	copy(p.rows, rows)
	p.base = nil
	return nil
}

// readChunks reads the chunks, their term counts and the fit.
func (p *prior) readChunks() error {
	m := p.manifest
	rows := m.VectorRows + m.VectorDeltaRows
	if err := readVerified(p.gen, chunksFile, m, func(r io.ReadSeeker) error {
		data, err := readAll(r)
		if err == nil {
			p.chunks, err = readChunks(data, m.Chunks, [3]int{rows, m.ParagraphRows + m.ParagraphDeltaRows, m.TermRows + m.TermDeltaRows})
		}
		return err
	}); err != nil {
		return err
	}
	var err error
	if p.terms, err = readTermRowFiles(p.gen, m, len(p.chunks.vocab)); err != nil {
		return err
	}
	if m.Fit == nil {
		return nil
	}
	return readVerified(p.gen, fitFile, m, func(r io.ReadSeeker) error {
		data, err := readAll(r)
		if err == nil {
			p.fit, err = readFit(data)
		}
		return err
	})
}

// readRows reads a generation's vector rows: the base file, then the rows
// added since it was written.
func readRows(gen string, m Manifest) ([][]float32, error) {
	rows, err := readVectorsVerified(gen, vectorsFile, m, m.VectorRows, m.Dimension)
	if err != nil {
		return nil, err
	}
	delta, err := readVectorsVerified(gen, vectorsDeltaFile, m, m.VectorDeltaRows, m.Dimension)
	if err != nil {
		return nil, err
	}
	return append(rows, delta...), nil
}

// readTermRowFiles reads a generation's term-count rows: the base, then
// the delta, over a vocabulary of nv stems.
func readTermRowFiles(gen string, m Manifest, nv int) ([][]termFreq, error) {
	var rows [][]termFreq
	for _, f := range []struct {
		name string
		n    int
	}{{termsFile, m.TermRows}, {termsDeltaFile, m.TermDeltaRows}} {
		err := readVerified(gen, f.name, m, func(r io.ReadSeeker) error {
			data, err := readAll(r)
			if err == nil {
				var tf [][]termFreq
				tf, err = readTermRows(data, f.n, nv)
				rows = append(rows, tf...)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// readAll returns the bytes of a verified source, without a copy when it
// is already in memory.
func readAll(r io.ReadSeeker) ([]byte, error) {
	if m, ok := r.(*inMemory); ok {
		return m.data, nil
	}
	return io.ReadAll(r)
}

// byText maps the prior chunks' text keys to their term-count rows.
func (p *prior) byText() map[contentKey]int32 {
	m := make(map[contentKey]int32, len(p.chunks.keys))
	for i, k := range p.chunks.keys {
		m[k.text] = p.chunks.termOf[i]
	}
	return m
}

// byContext maps the prior chunks' context keys to their vector rows.
func (p *prior) byContext() map[contentKey]int32 {
	m := make(map[contentKey]int32, len(p.chunks.keys))
	for i, k := range p.chunks.keys {
		m[k.context] = p.chunks.rowOf[i]
	}
	return m
}

// reuseTerms fills terms with the prior counts of every chunk whose text
// the prior index had, and returns the chunks it must tokenise and how
// the counts are to be stored.
func (p *prior) reuseTerms(keys []chunkKeys) (*termTable, []int, rowPlan) {
	terms := newTermTable(p.chunks.vocab, len(keys))
	byText := p.byText()
	prev := make([]int32, len(keys))
	var fresh []int
	for i, k := range keys {
		r, ok := byText[k.text]
		if ok {
			terms.docs[i] = p.terms[r]
		} else {
			r = -1
			fresh = append(fresh, i)
		}
		prev[i] = r
	}
	return terms, fresh, planRows(prev, p.manifest.TermRows)
}

// reuseRows returns each chunk's prior vector row, -1 for the chunks whose
// context changed, and those chunks.
func (p *prior) reuseRows(keys []chunkKeys) ([]int32, []int) {
	byContext := p.byContext()
	rowOf := make([]int32, len(keys))
	var miss []int
	for i, k := range keys {
		r, ok := byContext[k.context]
		if !ok {
			r = -1
			miss = append(miss, i)
		}
		rowOf[i] = r
	}
	return rowOf, miss
}

// priorMatch is where a build's chunks find their vectors and paragraphs
// in the prior index: reuseRows's and paragraphPlan's results.
type priorMatch struct {
	rowOf    []int32
	miss     []int
	paraPlan rowPlan
}

// matchInBackground matches keys' contexts and records to pr's, in its
// own goroutine.
func matchInBackground(pr *prior, keys []chunkKeys) func() priorMatch {
	return inBackground(func() priorMatch {
		rowOf, miss := pr.reuseRows(keys)
		return priorMatch{rowOf: rowOf, miss: miss, paraPlan: pr.paragraphPlan(keys)}
	})
}

// vectorLayout is a build's vectors as stored: chunk i's is
// rows[plan.rowOf[i]]. While lazy is set, the base rows are still in its
// file and nil here.
type vectorLayout struct {
	rows [][]float32
	plan rowPlan
	lazy *lazyBase
}

// freshLayout stores vecs in chunk order as a new base.
func freshLayout(vecs [][]float32) vectorLayout {
	return vectorLayout{rows: vecs, plan: freshPlan(len(vecs))}
}

// layout places a build's vectors: chunk i reuses prior row rowOf[i], or,
// where that is -1, takes fresh[i] (planRows decides what is written).
func (p *prior) layout(rowOf []int32, fresh [][]float32) (vectorLayout, error) {
	plan := planRows(rowOf, p.baseRows)
	if !plan.linkBase {
		if err := p.loadBase(); err != nil {
			return vectorLayout{}, err
		}
	}
	vecOf := func(i int) []float32 {
		if rowOf[i] < 0 {
			return fresh[i]
		}
		return p.rows[rowOf[i]]
	}
	l := vectorLayout{plan: plan, rows: make([][]float32, 0, plan.rows())}
	if plan.linkBase {
		l.rows = append(l.rows, p.rows[:p.baseRows]...)
	} else {
		for i := range rowOf {
			l.rows = append(l.rows, vecOf(i))
		}
	}
	for _, i := range plan.deltaFrom {
		l.rows = append(l.rows, vecOf(int(i)))
	}
	if plan.linkBase {
		l.lazy = p.base
	}
	return l, nil
}

// vectors are the chunks' vectors under l.
func (l vectorLayout) vectors() [][]float32 {
	vecs := make([][]float32, len(l.plan.rowOf))
	for i, r := range l.plan.rowOf {
		vecs[i] = l.rows[r]
	}
	return vecs
}

// paragraphPlan places the paragraphs, matched on their keys: an article
// edited in one place changes its paragraphs after the edit too (their
// offsets move), but no other article's.
func (p *prior) paragraphPlan(keys []chunkKeys) rowPlan {
	byRecord := make(map[contentKey]int32, len(p.chunks.keys))
	for i, k := range p.chunks.keys {
		byRecord[k.record] = p.chunks.paraOf[i]
	}
	prev := make([]int32, len(keys))
	for i, k := range keys {
		r, ok := byRecord[k.record]
		if !ok {
			r = -1
		}
		prev[i] = r
	}
	return planRows(prev, p.manifest.ParagraphRows)
}

// tokens tokenises the chunks in idx into terms, with the BM25 tokenizer.
func tokenise(ctx context.Context, terms *termTable, texts func(i int) string, idx []int) error {
	stems := &analysis.StemCache{}
	var seen []int32
	for n, i := range idx {
		if n%1024 == 0 && ctx.Err() != nil {
			return fmt.Errorf("build index: %w", ctx.Err())
		}
		seen = terms.setTokens(i, stems.Tokens(texts(i)), seen)
	}
	return nil
}
