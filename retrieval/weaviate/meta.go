package weaviate

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/footnote-dev/footnote/retrieval"
)

// Kinds of meta record kept per build.
const (
	metaManifest   = "manifest"
	metaTerms      = "terms"
	metaParagraphs = "paragraphs"
)

// termStats are a build's document frequencies: what weighs a question's
// terms (retrieval.TermStats). EmbedDF and EmbedN are the frequencies the
// local embedder was fitted on at the last full build; updates keep them,
// so that an unchanged paragraph keeps its vector and is not rewritten.
type termStats struct {
	N int `json:"n"`
	// AvgLength is the mean chunk length in stems, for BM25.
	AvgLength float64        `json:"avg_length"`
	DF        map[string]int `json:"df"`
	EmbedN    int            `json:"embed_n"`
	EmbedDF   map[string]int `json:"embed_df"`
}

// IDF is BM25's inverse document frequency of stem in the build.
func (t *termStats) IDF(stem string) float64 { return retrieval.BM25IDF(t.N, t.DF[stem]) }

// DocFreq is how many chunks of the build contain stem.
func (t *termStats) DocFreq(stem string) int { return t.DF[stem] }

// Len is the number of chunks in the build.
func (t *termStats) Len() int { return t.N }

// embedIDF is the IDF the local embedder weighs stems by.
func (t *termStats) embedIDF(stem string) float64 {
	return retrieval.BM25IDF(t.EmbedN, t.EmbedDF[stem])
}

// countTerms counts the chunks each stem occurs in.
func countTerms(chunks [][]string) map[string]int {
	df := map[string]int{}
	for _, toks := range chunks {
		seen := map[string]bool{}
		for _, t := range toks {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	return df
}

// metaID is the object ID of one meta record of a build.
func metaID(collection, kind string) string {
	return formatUUID(uuid5(namespace, "meta:"+collection+":"+kind))
}

// putMeta stores v as a compressed JSON blob.
func (s *Store) putMeta(ctx context.Context, collection, kind string, v any) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return fmt.Errorf("encode %s: %w", kind, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress %s: %w", kind, err)
	}
	obj := map[string]any{
		"class": s.metaClass(), "id": metaID(collection, kind),
		"properties": map[string]any{"collection": collection, "kind": kind, "data": base64.StdEncoding.EncodeToString(buf.Bytes())},
	}
	return s.writeBatch(ctx, []any{obj})
}

// errNoMeta means a build has no such meta record (yet).
var errNoMeta = errors.New("no meta record")

// getMeta reads a meta record into v.
func (s *Store) getMeta(ctx context.Context, collection, kind string, v any) error {
	var obj struct {
		Properties struct {
			Data string `json:"data"`
		} `json:"properties"`
	}
	err := s.c.do(ctx, http.MethodGet, "/v1/objects/"+url.PathEscape(s.metaClass())+"/"+metaID(collection, kind)+"?consistency_level="+s.opts.ReadConsistency, nil, &obj)
	if errors.Is(err, errNotFound) {
		return errNoMeta
	}
	if err != nil {
		return fmt.Errorf("read %s of %s: %w", kind, collection, err)
	}
	raw, err := base64.StdEncoding.DecodeString(obj.Properties.Data)
	if err != nil {
		return fmt.Errorf("read %s of %s: %w", kind, collection, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("read %s of %s: %w", kind, collection, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("read %s of %s: %w", kind, collection, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("read %s of %s: %w", kind, collection, err)
	}
	return nil
}
