package retrieval

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// Options configure Open. The zero value builds an in-memory index with
// the local embedder.
type Options struct {
	// Dir is where the index is stored; "" keeps it in memory only.
	Dir string
	// Embedder embeds paragraphs and queries; nil selects the local one.
	Embedder Embedder
	// Rebuild ignores any stored index.
	Rebuild bool
	// Progress, when set, is told how many paragraphs are embedded so far.
	Progress func(done, total int)
	// Warn receives one-line messages about problems footnote worked
	// around: a stale or corrupt index, a failed save, a failed embedder.
	Warn func(string)
}

// Status says how Open obtained the index.
type Status struct {
	// Built is true when the index was (re)built rather than loaded.
	Built bool
	// Reason says why it was built: "no index yet", "corpus changed", …
	Reason string
	// Took is how long loading or building took.
	Took time.Duration
	// SaveErr is why a built index could not be stored in Options.Dir
	// (also passed to Options.Warn); the index still answers, from memory.
	SaveErr error
}

// Open returns an index of c: the stored one in opts.Dir if it was built
// from the same corpus, chunker and embedder, otherwise a new one, which it
// then stores. A corrupt stored index is reported through opts.Warn and
// rebuilt; it never answers a question.
func Open(ctx context.Context, c *corpus.Corpus, opts Options) (*Index, Status, error) {
	start := time.Now()
	want := Manifest{Format: FormatVersion, CorpusHash: c.Hash, ChunkerVersion: corpus.ChunkerVersion, Tokenizer: analysis.TokenizerVersion, EmbedderID: embedderID(opts.Embedder)}
	reason := "no index folder configured"
	switch {
	case opts.Dir == "":
	case opts.Rebuild:
		reason = "rebuild requested"
	default:
		ix, err := load(ctx, opts.Dir, opts.Embedder, want)
		var corrupt *CorruptError
		var stale *staleError
		switch {
		case err == nil:
			ix.warn = opts.Warn
			return ix, Status{Took: time.Since(start)}, nil
		case errors.As(err, &stale):
			reason = stale.reason
		case errors.Is(err, ErrNoIndex):
			reason = "no index yet"
		case errors.As(err, &corrupt):
			reason = corrupt.Error()
			warn(opts.Warn, corrupt.Error()+"; rebuilding it")
		default:
			return nil, Status{}, err
		}
	}
	ix, err := build(ctx, c.Paragraphs(), opts.Embedder, opts.Progress)
	if err != nil {
		return nil, Status{}, err
	}
	ix.warn = opts.Warn
	want.Dimension = ix.embedder.Dimension()
	want.Chunks = ix.Len()
	want.Built = time.Now().UTC().Truncate(time.Second)
	ix.manifest = want
	st := Status{Built: true, Reason: reason}
	if opts.Dir != "" {
		if st.SaveErr = ix.save(opts.Dir); st.SaveErr != nil {
			warn(opts.Warn, fmt.Sprintf("%v; answering from memory", st.SaveErr))
		}
	}
	st.Took = time.Since(start)
	return ix, st, nil
}

// embedderID is the ID an index built with emb records; nil means local.
func embedderID(emb Embedder) string {
	if emb == nil {
		return NewLocalEmbedder(0, nil).ID()
	}
	return emb.ID()
}

func warn(w func(string), msg string) {
	if w != nil {
		w(msg)
	}
}
