package weaviate

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// prepared is a corpus turned into objects, with the statistics they were
// made with.
type prepared struct {
	objects []object
	terms   *termStats
	emb     retrieval.Embedder
}

// prepare tokenizes and embeds every paragraph of c for collection class.
// embedN and embedDF are the frequencies the local embedder is fitted on;
// nil means this corpus's own (a full build).
func (s *Store) prepare(ctx context.Context, c *corpus.Corpus, class string, embedN int, embedDF map[string]int) (*prepared, error) {
	paras := c.Paragraphs()
	if len(paras) == 0 {
		return nil, errors.New("build index: the corpus has no paragraphs")
	}
	toks := make([][]string, len(paras))
	for i, p := range paras {
		toks[i] = retrieval.ChunkTokens(p)
	}
	total := 0
	for _, t := range toks {
		total += len(t)
	}
	ts := &termStats{N: len(paras), AvgLength: float64(total) / float64(len(paras)), DF: countTerms(toks), EmbedN: embedN, EmbedDF: embedDF}
	if embedDF == nil {
		ts.EmbedN, ts.EmbedDF = ts.N, ts.DF
	}
	emb := s.opts.Embedder
	if emb == nil {
		emb = retrieval.NewLocalEmbedder(0, ts.embedIDF)
	}
	vecs, err := retrieval.EmbedParagraphs(ctx, emb, paras, nil)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	p := &prepared{terms: ts, emb: emb, objects: make([]object, len(paras))}
	for i, para := range paras {
		p.objects[i] = newObject(class, para, i, toks[i], retrieval.UsableVector(vecs[i], emb.Dimension()))
	}
	return p, nil
}

// build writes c as a new collection and, once every object and meta
// record is stored, points the alias at it: readers see the old build or
// the whole new one, never half of one.
func (s *Store) build(ctx context.Context, c *corpus.Corpus, want retrieval.Manifest) error {
	class := s.newClassName()
	p, err := s.prepare(ctx, c, class, 0, nil)
	if err != nil {
		return err
	}
	if err := s.createClasses(ctx, class); err != nil {
		return err
	}
	if err := s.writeObjects(ctx, p.objects); err != nil {
		return err
	}
	if err := s.finish(ctx, class, p, want); err != nil {
		return err
	}
	if err := s.retry(ctx, "switch alias", func(ctx context.Context) error { return s.c.pointAlias(ctx, s.opts.Collection, class) }); err != nil {
		return err
	}
	s.dropOldBuilds(ctx, class)
	return nil
}

// update rewrites only the paragraphs of c that differ from build cur and
// deletes the ones c no longer has, then its statistics and manifest.
func (s *Store) update(ctx context.Context, c *corpus.Corpus, cur *buildInfo, want retrieval.Manifest) error {
	var old map[string]string
	if err := s.getMeta(ctx, cur.class, metaParagraphs, &old); err != nil {
		if errors.Is(err, errNoMeta) {
			return s.build(ctx, c, want)
		}
		return err
	}
	p, err := s.prepare(ctx, c, cur.class, cur.terms.EmbedN, cur.terms.EmbedDF)
	if err != nil {
		return err
	}
	var changed []object
	keep := map[string]bool{}
	for _, o := range p.objects {
		keep[o.Properties.PID] = true
		if old[o.Properties.PID] != o.fingerprint() {
			changed = append(changed, o)
		}
	}
	if err := s.writeObjects(ctx, changed); err != nil {
		return err
	}
	for pid := range old {
		if !keep[pid] {
			if err := s.deleteObject(ctx, cur.class, objectID(pid)); err != nil {
				return err
			}
		}
	}
	return s.finish(ctx, cur.class, p, want)
}

// finish stores a build's meta records, the manifest last: a build whose
// manifest is missing is incomplete and never searched.
func (s *Store) finish(ctx context.Context, class string, p *prepared, want retrieval.Manifest) error {
	prints := make(map[string]string, len(p.objects))
	for _, o := range p.objects {
		prints[o.Properties.PID] = o.fingerprint()
	}
	want.Dimension = p.emb.Dimension()
	want.Chunks = len(p.objects)
	want.Built = time.Now().UTC().Truncate(time.Second)
	for _, m := range []struct {
		kind string
		v    any
	}{{metaParagraphs, prints}, {metaTerms, p.terms}, {metaManifest, want}} {
		if err := s.putMeta(ctx, class, m.kind, m.v); err != nil {
			return fmt.Errorf("store %s: %w", m.kind, err)
		}
	}
	s.class, s.manifest, s.terms, s.embedder = class, want, p.terms, p.emb
	return nil
}

func (s *Store) createClasses(ctx context.Context, class string) error {
	for _, cl := range []map[string]any{metaClass(s.metaClass(), s.opts.Replicas), paragraphClass(class, s.opts.Replicas)} {
		err := s.retry(ctx, "create collection", func(ctx context.Context) error {
			if err := s.c.createClass(ctx, cl); err != nil {
				return err
			}
			ok, err := s.c.classExists(ctx, cl["class"].(string))
			if err == nil && !ok {
				err = &statusError{code: http.StatusServiceUnavailable, body: "collection not visible yet"}
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// writeObjects writes objects in batches, a few at once (a node indexes
// one batch while the next is on the wire), reporting progress. A failed
// batch is retried whole with the same IDs: a write that did land is
// overwritten with the same content, so retries never duplicate.
func (s *Store) writeObjects(ctx context.Context, objs []object) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		done  int
	)
	slots := make(chan struct{}, writeParallelism)
	for start := 0; start < len(objs); start += s.opts.BatchSize {
		end := min(start+s.opts.BatchSize, len(objs))
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(start, end int) {
			defer wg.Done()
			defer func() { <-slots }()
			batch := make([]any, 0, end-start)
			for _, o := range objs[start:end] {
				batch = append(batch, o)
			}
			err := s.writeBatch(ctx, batch)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && first == nil {
				first = fmt.Errorf("write paragraphs %d-%d: %w", start+1, end, err)
				cancel()
			}
			done += end - start
			if err == nil && s.opts.Progress != nil {
				s.opts.Progress(done, len(objs))
			}
		}(start, end)
	}
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return first
}

// writeParallelism is how many batches are written at once.
const writeParallelism = 3

// writeBatch writes one batch at the write consistency level, retrying.
func (s *Store) writeBatch(ctx context.Context, objs []any) error {
	return s.retry(ctx, "write batch", func(ctx context.Context) error {
		var res []struct {
			ID     string `json:"id"`
			Result struct {
				Errors *struct {
					Error []struct {
						Message string `json:"message"`
					} `json:"error"`
				} `json:"errors"`
			} `json:"result"`
		}
		path := "/v1/batch/objects?consistency_level=" + s.opts.WriteConsistency
		if err := s.c.do(ctx, http.MethodPost, path, map[string]any{"objects": objs}, &res); err != nil {
			return err
		}
		var failed []string
		for _, r := range res {
			if r.Result.Errors != nil {
				for _, e := range r.Result.Errors.Error {
					failed = append(failed, e.Message)
				}
			}
		}
		if len(failed) > 0 {
			return &statusError{code: http.StatusServiceUnavailable, body: fmt.Sprintf("%d objects not written: %s", len(failed), failed[0])}
		}
		if len(res) != len(objs) {
			return &statusError{code: http.StatusServiceUnavailable, body: fmt.Sprintf("%d results for %d objects", len(res), len(objs))}
		}
		return nil
	})
}

func (s *Store) deleteObject(ctx context.Context, class, id string) error {
	path := "/v1/objects/" + url.PathEscape(class) + "/" + id + "?consistency_level=" + s.opts.WriteConsistency
	return s.retry(ctx, "delete paragraph", func(ctx context.Context) error {
		err := s.c.do(ctx, http.MethodDelete, path, nil, nil)
		if errors.Is(err, errNotFound) {
			return nil
		}
		return err
	})
}

// retry runs f until it succeeds, fails permanently (a 4xx answer) or has
// been tried opts.Attempts times, waiting longer after each failure.
func (s *Store) retry(ctx context.Context, what string, f func(context.Context) error) error {
	wait := 500 * time.Millisecond
	var err error
	for attempt := 1; ; attempt++ {
		if err = f(ctx); err == nil || ctx.Err() != nil || !retryable(err) || attempt == s.opts.Attempts {
			break
		}
		s.warnf("%s failed (attempt %d of %d), retrying in %v: %v", what, attempt, s.opts.Attempts, wait, err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 4*time.Second)
	}
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// dropOldBuilds deletes the builds older than the one before keep: a
// reader that resolved the alias just before the switch can still finish
// its search. Builds newer than keep (another process's, in progress) are
// left alone. Failures only leave garbage, so they are warned about.
func (s *Store) dropOldBuilds(ctx context.Context, keep string) {
	names, err := s.c.classes(ctx, s.opts.Collection+"_")
	if err != nil {
		s.warnf("list old builds: %v", err)
		return
	}
	var older []string
	for _, n := range names {
		if strings.Compare(n, keep) < 0 {
			older = append(older, n)
		}
	}
	for i := 0; i+1 < len(older); i++ {
		if err := s.c.deleteClass(ctx, older[i]); err != nil {
			s.warnf("drop old build: %v", err)
			continue
		}
		for _, kind := range []string{metaManifest, metaTerms, metaParagraphs} {
			_ = s.c.do(ctx, http.MethodDelete, "/v1/objects/"+url.PathEscape(s.metaClass())+"/"+metaID(older[i], kind), nil, nil)
		}
	}
}
