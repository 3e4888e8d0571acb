package retrieval

import (
	"context"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/internal/openaiapi"
	openai "github.com/sashabaranov/go-openai"
)

// Defaults of the embedding part of openaiapi.Config.
const (
	DefaultEmbeddingModel   = "text-embedding-3-small"
	DefaultEmbeddingBatch   = 128
	DefaultEmbeddingTimeout = 60 * time.Second
)

// OpenAIEmbedder embeds texts with an OpenAI-compatible API (OpenAI,
// Ollama, vLLM, llama.cpp server), many texts per request, and
// L2-normalises the vectors, since chromem-go stores them as given.
type OpenAIEmbedder struct {
	client  *openai.Client
	id      string
	model   string
	batch   int
	timeout time.Duration
	apiKey  string

	mu  sync.Mutex
	dim int
}

// NewOpenAIEmbedder returns an embedder for the embedding part of cfg:
// its API, EmbeddingModel, EmbeddingBatch, EmbeddingTimeout and retry
// settings. Its dimension is learnt from the first response.
func NewOpenAIEmbedder(cfg openaiapi.Config) *OpenAIEmbedder {
	e := &OpenAIEmbedder{model: cfg.EmbeddingModel, batch: cfg.EmbeddingBatch, timeout: cfg.EmbeddingTimeout, apiKey: cfg.APIKey.Reveal()}
	if e.model == "" {
		e.model = DefaultEmbeddingModel
	}
	if e.batch <= 0 {
		e.batch = DefaultEmbeddingBatch
	}
	if e.timeout <= 0 {
		e.timeout = DefaultEmbeddingTimeout
	}
	e.id = "openai/" + apiHost(cfg.BaseURL) + "/" + e.model
	e.client = openaiapi.NewClient(cfg)
	return e
}

// apiHost is the host (and port) of a base URL, without credentials: the
// same model name served by two servers may be two models.
func apiHost(base string) string {
	if base == "" {
		base = openaiapi.DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return "unknown-host"
	}
	return u.Host
}

// ID implements Embedder: "openai/<host>/<model>". It never holds the key.
func (e *OpenAIEmbedder) ID() string { return e.id }

// BatchSize is the most texts one request carries: the index hands it
// that many at a time.
func (e *OpenAIEmbedder) BatchSize() int { return e.batch }

// Dimension implements Embedder; 0 until the first response.
func (e *OpenAIEmbedder) Dimension() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dim
}

// Embed implements Embedder: one request per BatchSize texts, vectors
// placed by the index the server gives them.
func (e *OpenAIEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += e.batch {
		batch := texts[start:min(start+e.batch, len(texts))]
		vecs, err := e.embedBatch(ctx, batch)
		if err != nil {
			return nil, err
		}
		out = append(out, vecs...)
	}
	return out, nil
}

func (e *OpenAIEmbedder) embedBatch(ctx context.Context, texts []string) ([][]float32, error) {
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	resp, err := e.client.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: texts, Model: openai.EmbeddingModel(e.model)})
	if err != nil {
		return nil, fmt.Errorf("embeddings: %w", openaiapi.Scrub(err, e.apiKey))
	}
	if len(resp.Data) != len(texts) {
		return nil, fmt.Errorf("embeddings: got %d vectors for %d texts", len(resp.Data), len(texts))
	}
	out := make([][]float32, len(texts))
	for _, d := range resp.Data {
		if d.Index < 0 || d.Index >= len(texts) || out[d.Index] != nil {
			return nil, fmt.Errorf("embeddings: vector index %d out of place", d.Index)
		}
		if err := e.checkDimension(len(d.Embedding)); err != nil {
			return nil, err
		}
		v := append([]float32(nil), d.Embedding...)
		normalize(v)
		out[d.Index] = v
	}
	return out, nil
}

// checkDimension learns the dimension from the first vector and rejects
// any vector of another length.
func (e *OpenAIEmbedder) checkDimension(n int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case n == 0:
		return fmt.Errorf("embeddings: empty vector")
	case e.dim == 0:
		e.dim = n
	case n != e.dim:
		return fmt.Errorf("embeddings: vector of length %d, want %d", n, e.dim)
	}
	return nil
}
