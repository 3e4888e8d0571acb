package weaviate

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// property is one property of a collection.
type property struct {
	Name            string   `json:"name"`
	DataType        []string `json:"dataType"`
	Tokenization    string   `json:"tokenization,omitempty"`
	IndexFilterable *bool    `json:"indexFilterable,omitempty"`
	IndexSearchable *bool    `json:"indexSearchable,omitempty"`
}

func ptr[T any](v T) *T { return &v }

// stored is a property kept and returned but never searched or filtered.
func stored(name, typ string) property {
	return property{Name: name, DataType: []string{typ}, IndexFilterable: ptr(false), IndexSearchable: ptr(false)}
}

// paragraphClass is the schema of one build's paragraph collection. The
// BM25 field holds footnote's own stems separated by spaces, tokenized on
// whitespace with no stopwords and BM25's usual k1 and b, so Weaviate's
// scores are footnote's. One shard with a replica on every node: BM25's
// statistics are then those of the whole corpus, as in process, and any
// node alone can answer.
func paragraphClass(name string, replicas int) map[string]any {
	props := []property{
		{Name: "terms", DataType: []string{"text"}, Tokenization: "whitespace", IndexFilterable: ptr(false), IndexSearchable: ptr(true)},
		{Name: "doc", DataType: []string{"text"}, Tokenization: "field", IndexFilterable: ptr(true), IndexSearchable: ptr(false)},
		stored("pid", "text"), stored("text", "text"), stored("title", "text"),
		stored("paragraph", "int"), stored("part", "int"), stored("chunk", "int"),
		stored("start", "int"), stored("end", "int"),
		stored("url", "text"), stored("publisher", "text"), stored("date", "text"),
		stored("author", "text"), stored("page", "int"),
	}
	return map[string]any{
		"class":           name,
		"description":     "footnote paragraphs, one object per citable chunk",
		"vectorizer":      "none",
		"vectorIndexType": "hnsw",
		"vectorIndexConfig": map[string]any{
			"distance": "cosine",
			// HNSW is approximate; the in-process store is an exact scan.
			// Weaviate's dynamic ef (8 × limit, at least 100) let a
			// near-tied paragraph slip out of the candidates at 10k
			// paragraphs; a fixed, wider search keeps the fused ranking
			// equal to the in-process one at the cost of a slower query.
			"ef": hnswEf,
		},
		"invertedIndexConfig": map[string]any{
			"bm25":      map[string]any{"k1": 1.2, "b": 0.75},
			"stopwords": map[string]any{"preset": "none"},
		},
		"replicationConfig": replication(replicas),
		"shardingConfig":    map[string]any{"desiredCount": 1},
		"properties":        props,
	}
}

// metaClass holds one build's manifest and term statistics, beside the
// paragraphs, so that any process can weigh questions without a local
// index.
func metaClass(name string, replicas int) map[string]any {
	return map[string]any{
		"class":             name,
		"description":       "footnote index manifests and term statistics",
		"vectorizer":        "none",
		"replicationConfig": replication(replicas),
		"shardingConfig":    map[string]any{"desiredCount": 1},
		"properties": []property{
			stored("collection", "text"), stored("kind", "text"), stored("data", "blob"),
		},
	}
}

// replication keeps a copy on every node (up to replicas) and repairs a
// node that missed writes while down in the background.
func replication(replicas int) map[string]any {
	return map[string]any{"factor": replicas, "asyncEnabled": true, "deletionStrategy": "TimeBasedResolution"}
}

// createClass creates a collection; one that already exists is fine (a
// retried request, or another process that got there first).
func (c *client) createClass(ctx context.Context, class map[string]any) error {
	err := c.do(ctx, http.MethodPost, "/v1/schema", class, nil)
	var se *statusError
	if errors.As(err, &se) && se.code == http.StatusUnprocessableEntity && strings.Contains(se.body, "already exists") {
		return nil
	}
	if err != nil {
		return fmt.Errorf("create collection %s: %w", class["class"], err)
	}
	return nil
}

func (c *client) deleteClass(ctx context.Context, name string) error {
	err := c.do(ctx, http.MethodDelete, "/v1/schema/"+url.PathEscape(name), nil, nil)
	if err != nil && !errors.Is(err, errNotFound) {
		return fmt.Errorf("delete collection %s: %w", name, err)
	}
	return nil
}

func (c *client) classExists(ctx context.Context, name string) (bool, error) {
	err := c.do(ctx, http.MethodGet, "/v1/schema/"+url.PathEscape(name), nil, &struct{}{})
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, errNotFound):
		return false, nil
	}
	return false, fmt.Errorf("look up collection %s: %w", name, err)
}

// classes lists the collections whose name starts with prefix, sorted.
func (c *client) classes(ctx context.Context, prefix string) ([]string, error) {
	var schema struct {
		Classes []struct {
			Class string `json:"class"`
		} `json:"classes"`
	}
	if err := c.do(ctx, http.MethodGet, "/v1/schema", nil, &schema); err != nil {
		return nil, fmt.Errorf("list collections: %w", err)
	}
	var out []string
	for _, cl := range schema.Classes {
		if strings.HasPrefix(cl.Class, prefix) {
			out = append(out, cl.Class)
		}
	}
	sort.Strings(out)
	return out, nil
}

// aliasTarget returns the collection alias points to, "" when there is no
// such alias.
func (c *client) aliasTarget(ctx context.Context, alias string) (string, error) {
	var a struct {
		Class string `json:"class"`
	}
	err := c.do(ctx, http.MethodGet, "/v1/aliases/"+url.PathEscape(alias), nil, &a)
	switch {
	case errors.Is(err, errNotFound):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("look up alias %s: %w", alias, err)
	}
	return a.Class, nil
}

// pointAlias makes alias point to class, creating it when needed: readers
// switch from the old build to the complete new one in one step.
func (c *client) pointAlias(ctx context.Context, alias, class string) error {
	cur, err := c.aliasTarget(ctx, alias)
	if err != nil {
		return err
	}
	if cur == "" {
		err = c.do(ctx, http.MethodPost, "/v1/aliases", map[string]string{"alias": alias, "class": class}, nil)
	} else {
		err = c.do(ctx, http.MethodPut, "/v1/aliases/"+url.PathEscape(alias), map[string]string{"class": class}, nil)
	}
	if err != nil {
		return fmt.Errorf("point alias %s at %s: %w", alias, class, err)
	}
	return nil
}

// hnswEf is the HNSW search breadth of every collection footnote creates.
const hnswEf = 512
