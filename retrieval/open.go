package retrieval

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/trust"
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
	// Embedded is how many paragraphs a build embedded in their context;
	// the others' vectors came from the index it replaced or, with a
	// remote embedder, from the embedding cache.
	Embedded int
	// Refitted is true when a build that could have kept the local
	// embedder's fit refitted it, the corpus having drifted too far.
	Refitted bool
}

// Open returns an index of c: the stored one in opts.Dir if it was built
// from the same corpus, chunker and embedder, otherwise a new one, which it
// then stores. A corrupt stored index is reported through opts.Warn and
// rebuilt; it never answers a question. A folder (or a file in it) that
// another user owns or may write to is refused with a *trust.Error: its
// contents could have been planted.
//
// Building and publishing hold the folder's build lock: a second process
// that finds the index missing or stale waits for the first, then loads
// what it built, while readers of a current index never wait.
func Open(ctx context.Context, c *corpus.Corpus, opts Options) (*Index, Status, error) {
	return OpenLazily(ctx, c.Hash, func() (*corpus.Corpus, error) { return c, nil }, opts)
}

// OpenLazily is Open for a corpus known by its Hash before it is read:
// load reads it, and is called only when the index must be built. A warm
// start over the built-in corpus then parses no article (that parse, only
// to learn a hash of the embedded bytes, was a tenth of a warm ask).
func OpenLazily(ctx context.Context, hash string, load func() (*corpus.Corpus, error), opts Options) (*Index, Status, error) {
	start := time.Now()
	c := lazyCorpus(load)
	want := Manifest{Format: FormatVersion, CorpusHash: hash, ChunkerVersion: corpus.ChunkerVersion, Tokenizer: analysis.TokenizerVersion, EmbedderID: embedderID(opts.Embedder)}
	if opts.Dir == "" {
		return buildOnly(ctx, c, opts, want, "no index folder configured", start)
	}
	if !opts.Rebuild {
		// Quiet: a corrupt index is reported once, by the attempt below
		// that holds the lock and rebuilds it.
		ix, _, err := tryLoad(ctx, opts, want, false)
		if err != nil || ix != nil {
			if ix != nil {
				tidy(opts.Dir)
			}
			return ix, Status{Took: time.Since(start)}, err
		}
	}
	if err := trust.MkdirAll(opts.Dir); err != nil {
		if errors.Is(err, trust.ErrUntrusted) {
			return nil, Status{}, fmt.Errorf("refusing the index folder: %w", err)
		}
		warn(opts.Warn, fmt.Sprintf("save index: %v; answering from memory", err))
		ix, st, berr := buildOnly(ctx, c, opts, want, "index folder unusable", start)
		st.SaveErr = fmt.Errorf("save index: %w", err)
		return ix, st, berr
	}
	l, err := lock(ctx, opts.Dir, func(s string) { warn(opts.Warn, s) })
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, Status{}, ctx.Err()
	case err != nil:
		// A folder we may read but not write (a read-only mount): answer
		// from a build in memory, as when saving fails.
		warn(opts.Warn, fmt.Sprintf("%v; answering from memory", err))
		return buildOnly(ctx, c, opts, want, "index folder not writable", start)
	}
	defer l.unlock()
	reason := "rebuild requested"
	if !opts.Rebuild {
		// Another process may have built it while this one waited.
		ix, why, err := tryLoad(ctx, opts, want, true)
		if err != nil || ix != nil {
			return ix, Status{Took: time.Since(start)}, err
		}
		reason = why
	}
	// The generations this build will supersede go while it builds
	// (lease.go), listed before it writes its own; it waits for that
	// before it releases the lock.
	old := superseded(opts.Dir)
	removed := inBackground(func() bool { removeSuperseded(old); return true })
	defer removed()
	pr := noPrior
	if reason == "corpus changed" {
		pr = priorInBackground(ctx, opts.Dir, want)
	}
	ix, err := buildIndex(ctx, c, opts, want, pr)
	if err != nil {
		return nil, Status{}, err
	}
	if err := ctx.Err(); err != nil {
		return nil, Status{}, err // interrupted: publish nothing
	}
	st := Status{Built: true, Reason: reason, Embedded: ix.embedded, Refitted: ix.refitted(pr())}
	if st.SaveErr = ix.save(opts.Dir); st.SaveErr != nil {
		warn(opts.Warn, fmt.Sprintf("%v; answering from memory", st.SaveErr))
	} else if ix.cache != nil {
		if err := ix.saveCache(opts.Dir); err != nil {
			warn(opts.Warn, fmt.Sprintf("%v; the next change re-embeds everything", err))
		}
	}
	removed()
	cleanup(opts.Dir)
	st.Took = time.Since(start)
	return ix, st, nil
}

// tryLoad loads the stored index. It returns the index, or nil and why it
// must be built, or an error that must stop Open (an untrusted folder, a
// cancelled context).
func tryLoad(ctx context.Context, opts Options, want Manifest, report bool) (*Index, string, error) {
	ix, err := load(ctx, opts.Dir, opts.Embedder, want)
	var corrupt *CorruptError
	var stale *staleError
	switch {
	case err == nil:
		if reason := ix.dimensionChanged(ctx); reason != "" {
			return nil, reason, ctx.Err()
		}
		ix.warn = opts.Warn
		return ix, "", nil
	case errors.As(err, &stale):
		return nil, stale.reason, nil
	case errors.Is(err, ErrNoIndex):
		return nil, "no index yet", nil
	case errors.As(err, &corrupt):
		if report {
			warn(opts.Warn, corrupt.Error()+"; rebuilding it")
		}
		return nil, corrupt.Error(), nil
	case errors.Is(err, trust.ErrUntrusted):
		return nil, "", fmt.Errorf("refusing the stored index: %w", err)
	}
	return nil, "", err
}

// tidy removes what killed builds left behind, when no build is running.
// Most starts find nothing to remove, and then take no lock.
func tidy(dir string) {
	if len(leftovers(dir)) == 0 {
		return
	}
	if l, ok, err := tryLock(dir); err == nil && ok {
		cleanup(dir)
		l.unlock()
	}
}

// buildOnly builds an index that is not stored.
func buildOnly(ctx context.Context, c func() (*corpus.Corpus, error), opts Options, want Manifest, reason string, start time.Time) (*Index, Status, error) {
	ix, err := buildIndex(ctx, c, opts, want, noPrior)
	if err != nil {
		return nil, Status{}, err
	}
	return ix, Status{Built: true, Reason: reason, Took: time.Since(start), Embedded: ix.embedded}, nil
}

// buildIndex builds the index of c and fills in its manifest, reusing what
// it can of pr(), the index it replaces (nil for a full build).
func buildIndex(ctx context.Context, load func() (*corpus.Corpus, error), opts Options, want Manifest, pr func() *prior) (*Index, error) {
	c, err := load()
	if err != nil {
		return nil, err
	}
	var cache cacheSource
	if opts.Embedder != nil {
		id := opts.Embedder.ID()
		cache = func(want map[textKey]bool) *embedCache { return loadEmbedCache(opts.Dir, id, want) }
	}
	ps := c.Paragraphs()
	ix, err := build(ctx, ps, opts.Embedder, cache, pr, opts.Progress)
	var corrupt *CorruptError
	if errors.As(err, &corrupt) && ctx.Err() == nil {
		// A base of the prior index that the build had to read failed its
		// checksum (a linked base is checked only when read: lazybase.go):
		// nothing of it is kept.
		warn(opts.Warn, corrupt.Error()+"; rebuilding it")
		ix, err = build(ctx, ps, opts.Embedder, cache, noPrior, opts.Progress)
	}
	if err != nil {
		return nil, err
	}
	ix.warn = opts.Warn
	want.Dimension = ix.dimension()
	want.Chunks = ix.Len()
	want.Built = time.Now().UTC().Truncate(time.Second)
	ix.manifest = want
	return ix, nil
}

// lazyCorpus calls load once, on first use, for the builds of one Open.
func lazyCorpus(load func() (*corpus.Corpus, error)) func() (*corpus.Corpus, error) {
	return sync.OnceValues(load)
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
