// Package weaviate keeps footnote's index in a Weaviate cluster instead of
// in process: one object per paragraph, with footnote's own stems as the
// BM25 field and footnote's embedder's vectors, so that a search ranks
// exactly as retrieval.Index does (the same fusion and rerank run here, on
// Weaviate's two rankings). Any number of processes can share one index;
// a node that dies is failed over.
package weaviate

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// FormatVersion changes when the objects or meta records change shape.
const FormatVersion = 2

// Defaults for the zero values of Options.
const (
	DefaultCollection = "Footnote"
	DefaultTimeout    = 10 * time.Second
	DefaultBatchSize  = 100
	// DefaultAttempts is how often a write is tried before giving up: a
	// new Raft leader takes 8–11 s to be elected on loopback.
	DefaultAttempts = 8
)

// Options configure Open.
type Options struct {
	// Endpoints are the nodes' REST URLs; requests fail over in order.
	Endpoints []string
	// APIKey, when set, is sent as a bearer token. It never appears in
	// errors or logs.
	APIKey string
	// Collection is the alias readers use; each build is a collection
	// named after it. "" means DefaultCollection.
	Collection string
	// Replicas is the replication factor of new builds; 0 means one
	// replica per endpoint, at most 3.
	Replicas int
	// WriteConsistency and ReadConsistency are Weaviate consistency levels
	// (ONE, QUORUM, ALL); "" means QUORUM and ONE.
	WriteConsistency, ReadConsistency string
	// Timeout bounds every request to one node; 0 means DefaultTimeout.
	Timeout time.Duration
	// BatchSize is how many objects go in one write; 0 means the default.
	BatchSize int
	// Attempts is how often a write is tried; 0 means DefaultAttempts.
	Attempts int
	// Embedder embeds paragraphs and queries; nil selects the local one.
	Embedder retrieval.Embedder
	// Rebuild writes a new build even if the stored one is current.
	Rebuild bool
	// Progress, when set, is told how many paragraphs are written so far.
	Progress func(done, total int)
	// Warn receives one-line notices (a retried write, a failed embedder).
	Warn func(string)
}

func (o Options) withDefaults() Options {
	if o.Collection == "" {
		o.Collection = DefaultCollection
	}
	if o.Replicas <= 0 {
		o.Replicas = min(len(o.Endpoints), 3)
	}
	o.WriteConsistency = strings.ToUpper(o.WriteConsistency)
	if o.WriteConsistency == "" {
		o.WriteConsistency = "QUORUM"
	}
	o.ReadConsistency = strings.ToUpper(o.ReadConsistency)
	if o.ReadConsistency == "" {
		o.ReadConsistency = "ONE"
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.Attempts <= 0 {
		o.Attempts = DefaultAttempts
	}
	return o
}

func (o Options) validate() error {
	var errs []error
	for _, l := range []string{o.WriteConsistency, o.ReadConsistency} {
		if l != "ONE" && l != "QUORUM" && l != "ALL" {
			errs = append(errs, fmt.Errorf("consistency level must be ONE, QUORUM or ALL, not %q", l))
		}
	}
	if !validClassName(o.Collection) {
		errs = append(errs, fmt.Errorf("collection name %q must start with a capital letter and hold only letters and digits", o.Collection))
	}
	return errors.Join(errs...)
}

func validClassName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Store is an index in a Weaviate cluster. It answers searches the way
// retrieval.Index does and satisfies the same interface.
type Store struct {
	c        *client
	opts     Options
	class    string // the build readers search
	manifest retrieval.Manifest
	terms    *termStats
	embedder retrieval.Embedder
}

// Open connects to the cluster and returns the index of c stored there,
// writing it first when there is none or it is stale: a changed corpus
// updates the changed paragraphs in place; a changed chunker, tokenizer or
// embedder (or opts.Rebuild) writes a new build and switches the alias to
// it once complete.
func Open(ctx context.Context, c *corpus.Corpus, opts Options) (*Store, retrieval.Status, error) {
	start := time.Now()
	opts = opts.withDefaults()
	if err := opts.validate(); err != nil {
		return nil, retrieval.Status{}, fmt.Errorf("weaviate: %w", err)
	}
	cl, err := newClient(opts.Endpoints, opts.APIKey, opts.Timeout)
	if err != nil {
		return nil, retrieval.Status{}, fmt.Errorf("weaviate: %w", err)
	}
	s := &Store{c: cl, opts: opts}
	want := s.wantManifest(c)
	// Reading the alias goes through the Raft leader: while a new one is
	// elected (8–11 s after the old one dies) the live nodes time out.
	var cur *buildInfo
	err = s.retry(ctx, "read the index's manifest", func(ctx context.Context) error {
		var err error
		cur, err = s.current(ctx)
		return err
	})
	if err != nil {
		return nil, retrieval.Status{}, err
	}
	reason := ""
	switch {
	case cur == nil:
		reason = "no index yet"
	case opts.Rebuild:
		reason = "rebuild requested"
	default:
		reason = cur.manifest.Stale(want)
	}
	switch reason {
	case "":
		s.adopt(cur)
		return s, retrieval.Status{Took: time.Since(start)}, nil
	case "corpus changed":
		err = s.update(ctx, c, cur, want)
	default:
		err = s.build(ctx, c, want)
	}
	if err != nil {
		return nil, retrieval.Status{}, err
	}
	return s, retrieval.Status{Built: true, Reason: reason, Took: time.Since(start), Embedded: s.Len()}, nil
}

// wantManifest is the manifest a build of c with the configured embedder
// would have.
func (s *Store) wantManifest(c *corpus.Corpus) retrieval.Manifest {
	id := retrieval.NewLocalEmbedder(0, nil).ID()
	if s.opts.Embedder != nil {
		id = s.opts.Embedder.ID()
	}
	return retrieval.Manifest{Format: FormatVersion, CorpusHash: c.Hash, ChunkerVersion: corpus.ChunkerVersion, Tokenizer: analysis.TokenizerVersion, EmbedderID: id}
}

// build is a stored build: its collection, manifest and term statistics.
type buildInfo struct {
	class    string
	manifest retrieval.Manifest
	terms    *termStats
}

// current returns the build the alias points to, nil when there is none
// or it is incomplete (its manifest is written last).
func (s *Store) current(ctx context.Context) (*buildInfo, error) {
	class, err := s.c.aliasTarget(ctx, s.opts.Collection)
	if err != nil || class == "" {
		return nil, err
	}
	b := &buildInfo{class: class, terms: &termStats{}}
	if err := s.getMeta(ctx, class, metaManifest, &b.manifest); err != nil {
		if errors.Is(err, errNoMeta) {
			return nil, nil
		}
		return nil, err
	}
	if err := s.getMeta(ctx, class, metaTerms, b.terms); err != nil {
		if errors.Is(err, errNoMeta) {
			return nil, nil
		}
		return nil, err
	}
	return b, nil
}

// adopt makes b the build this store searches.
func (s *Store) adopt(b *buildInfo) {
	s.class, s.manifest, s.terms = b.class, b.manifest, b.terms
	s.embedder = s.opts.Embedder
	if s.embedder == nil {
		s.embedder = retrieval.NewLocalEmbedder(0, b.terms.embedIDF)
	}
}

// metaClass is the collection of every build's meta records.
func (s *Store) metaClass() string { return s.opts.Collection + "Meta" }

// newClassName names a new build after the alias and the time, so that
// builds sort by age.
func (s *Store) newClassName() string {
	return s.opts.Collection + "_" + strings.ToUpper(strconv.FormatInt(time.Now().UnixMilli(), 36))
}

// Manifest describes what the searched build was made from.
func (s *Store) Manifest() retrieval.Manifest { return s.manifest }

// Len is the number of chunks in the searched build.
func (s *Store) Len() int { return s.terms.N }

// Terms returns the build's document frequencies, which weigh questions.
func (s *Store) Terms() analysis.TermStats { return s.terms }

// Collection is the Weaviate collection searched (the alias's target when
// the store was opened).
func (s *Store) Collection() string { return s.class }

func (s *Store) warnf(format string, args ...any) {
	if s.opts.Warn != nil {
		s.opts.Warn(fmt.Sprintf(format, args...))
	}
}
