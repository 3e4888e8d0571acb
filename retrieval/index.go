package retrieval

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"

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
// fitted on this corpus's IDF.
func build(ctx context.Context, paragraphs []corpus.Paragraph, emb Embedder, progress func(done, total int)) (*Index, error) {
	if len(paragraphs) == 0 {
		return nil, errors.New("build index: the corpus has no paragraphs")
	}
	stems := &analysis.StemCache{}
	toks := make([][]string, len(paragraphs))
	for i, p := range paragraphs {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("build index: %w", ctx.Err())
		}
		toks[i] = stems.Tokens(embeddingText(p))
	}
	ix := &Index{paragraphs: paragraphs, lexical: NewLexical(toks), stems: stems}
	ix.embedder = emb
	if ix.embedder == nil {
		ix.embedder = NewLocalEmbedder(0, ix.lexical.IDF)
	}
	vecs, err := embedAll(ctx, ix.embedder, paragraphs, progress)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := checkVectors(vecs, paragraphs); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := ix.storeVectors(ctx, vecs); err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// embeddingText is what gets embedded and indexed for a paragraph: its
// title too, since paragraphs often leave implicit who the article is about.
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

// embedBatch is how many chunks go into one embedding request.
const embedBatch = 64

func embedAll(ctx context.Context, emb Embedder, paragraphs []corpus.Paragraph, progress func(done, total int)) ([][]float32, error) {
	vecs := make([][]float32, 0, len(paragraphs))
	for start := 0; start < len(paragraphs); start += embedBatch {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := min(start+embedBatch, len(paragraphs))
		texts := make([]string, 0, end-start)
		for i := start; i < end; i++ {
			texts = append(texts, contextText(paragraphs, i))
		}
		batch, err := emb.Embed(ctx, texts)
		if err != nil {
			return nil, fmt.Errorf("embed paragraphs %d-%d: %w", start+1, end, err)
		}
		if len(batch) != len(texts) {
			return nil, fmt.Errorf("embed paragraphs %d-%d: got %d vectors for %d texts", start+1, end, len(batch), len(texts))
		}
		vecs = append(vecs, batch...)
		if progress != nil {
			progress(end, len(paragraphs))
		}
	}
	return vecs, nil
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
