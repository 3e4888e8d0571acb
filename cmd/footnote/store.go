package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/internal/redact"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/retrieval"
	"github.com/footnote-dev/footnote/retrieval/weaviate"
)

// Stores footnote can keep its index in.
const (
	storeChromem  = "chromem"
	storeWeaviate = "weaviate"
)

// WeaviateConfig reaches a Weaviate cluster (FOOTNOTE_STORE=weaviate).
type WeaviateConfig struct {
	// URLs are the nodes' REST endpoints; requests fail over in order.
	URLs []string
	// APIKey is sent as a bearer token when set.
	APIKey redact.Secret
	// Collection is the alias the index is searched under.
	Collection string
	// ReadConsistency and WriteConsistency are ONE, QUORUM or ALL.
	ReadConsistency, WriteConsistency string
	// Timeout bounds one request to one node.
	Timeout time.Duration
}

// weaviateFromEnv reads the Weaviate settings; they are checked only when
// the store is weaviate.
func weaviateFromEnv(env environment, store string) (WeaviateConfig, error) {
	w := WeaviateConfig{
		URLs:             list(env.get("FOOTNOTE_WEAVIATE_URL")),
		APIKey:           redact.Secret(env.get("FOOTNOTE_WEAVIATE_API_KEY")),
		Collection:       env.get("FOOTNOTE_WEAVIATE_COLLECTION"),
		ReadConsistency:  strings.ToUpper(env.get("FOOTNOTE_WEAVIATE_READ_CONSISTENCY")),
		WriteConsistency: strings.ToUpper(env.get("FOOTNOTE_WEAVIATE_WRITE_CONSISTENCY")),
	}
	if store != storeWeaviate {
		return w, nil
	}
	var errs []error
	if len(w.URLs) == 0 {
		errs = append(errs, usageError{errors.New("FOOTNOTE_STORE=weaviate needs FOOTNOTE_WEAVIATE_URL, e.g. http://127.0.0.1:8080,http://127.0.0.1:8081")})
	}
	for _, kv := range [][2]string{{"FOOTNOTE_WEAVIATE_READ_CONSISTENCY", w.ReadConsistency}, {"FOOTNOTE_WEAVIATE_WRITE_CONSISTENCY", w.WriteConsistency}} {
		if v := kv[1]; v != "" && v != "ONE" && v != "QUORUM" && v != "ALL" {
			errs = append(errs, usageError{fmt.Errorf("%s must be ONE, QUORUM or ALL, not %q", kv[0], v)})
		}
	}
	if v := env.get("FOOTNOTE_WEAVIATE_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, usageError{fmt.Errorf("FOOTNOTE_WEAVIATE_TIMEOUT must be a duration such as 10s, not %q", v)})
		}
		w.Timeout = d
	}
	return w, errors.Join(errs...)
}

// searchIndex is what the commands need from an index, in process or in
// Weaviate.
type searchIndex interface {
	answer.Retriever
	Len() int
	Manifest() retrieval.Manifest
}

// openStore opens the index of src in the configured store; where reports
// where it lives (a folder, or the Weaviate collection).
func (a *app) openStore(ctx context.Context, src corpusSource, rebuild bool, progress func(done, total int)) (ix searchIndex, st retrieval.Status, where string, err error) {
	emb, err := a.embedder()
	if err != nil {
		return nil, st, "", err
	}
	if a.cfg.Store == storeWeaviate {
		w := a.cfg.Weaviate
		c, err := src.load()
		if err != nil {
			return nil, st, "", err
		}
		s, st, err := weaviate.Open(ctx, c, weaviate.Options{
			Endpoints: w.URLs, APIKey: w.APIKey.Reveal(), Collection: w.Collection,
			ReadConsistency: w.ReadConsistency, WriteConsistency: w.WriteConsistency, Timeout: w.Timeout,
			Embedder: emb, Rebuild: rebuild, Progress: progress, Warn: a.warn,
		})
		if err != nil {
			return nil, st, "", fmt.Errorf("open the Weaviate index: %w", err)
		}
		return s, st, "weaviate collection " + s.Collection(), nil
	}
	dir, err := a.cfg.indexDir()
	if err != nil {
		return nil, st, "", err
	}
	where = dir
	if dir == "" {
		a.warn("no user cache folder (set HOME or XDG_CACHE_HOME, or FOOTNOTE_INDEX_DIR): keeping the index in memory")
		where = "(in memory only)"
	}
	rix, st, err := retrieval.OpenLazily(ctx, src.hash, src.load, retrieval.Options{Dir: dir, Embedder: emb, Rebuild: rebuild, Progress: progress, Warn: a.warn})
	if err != nil {
		return nil, st, "", err
	}
	return rix, st, where, nil
}
