// Package openaiapi is footnote's one door to OpenAI-compatible APIs
// (OpenAI, Ollama, vLLM, llama.cpp server): it builds go-openai clients
// that retry rate limits and server errors, keeps API keys out of error
// messages, and tells a finished stream from a cut one. The chat generator
// (answer) and the embedder (retrieval) both build their client here.
package openaiapi

import (
	"net/http"
	"time"

	"github.com/footnote-dev/footnote/internal/redact"
	openai "github.com/sashabaranov/go-openai"
)

// Config is footnote's one configuration of an OpenAI-compatible API:
// cmd/footnote builds it once from the environment and hands the same
// value to the chat generator (answer) and the embedder (retrieval), each
// reading its part. Zero values mean the defaults of the package that
// uses them. Its key is a redact.Secret, so printing a Config in any way
// shows the mask, never the key.
type Config struct {
	// BaseURL is the API root, e.g. "https://api.openai.com/v1" (the
	// default) or "http://localhost:11434/v1" for Ollama.
	BaseURL string
	// APIKey is sent as a bearer token; local servers accept any value.
	APIKey redact.Secret

	// ChatModel names the chat model; Timeout bounds one chat call,
	// retries and streaming included; MaxTokens bounds an answer's length.
	ChatModel string
	Timeout   time.Duration
	MaxTokens int

	// EmbeddingModel names the embedding model; EmbeddingBatch is the most
	// texts sent in one request; EmbeddingTimeout bounds one request.
	EmbeddingModel   string
	EmbeddingBatch   int
	EmbeddingTimeout time.Duration

	// MaxRetries is how many times a request that met 429 or 5xx is sent
	// again; 0 means DefaultMaxRetries, a negative value none.
	MaxRetries int
	// Backoff is the first wait before a retry, doubled for each further
	// one; 0 means DefaultBackoff.
	Backoff time.Duration
	// MaxWait is the longest single wait, also the most of a server's
	// Retry-After that is honoured: a server asking for longer gets no
	// retry. 0 means DefaultMaxWait.
	MaxWait time.Duration
	// HTTPClient sends the requests; nil means a new http.Client.
	HTTPClient *http.Client
}

// Defaults for Config.
const (
	DefaultBaseURL    = "https://api.openai.com/v1"
	DefaultMaxRetries = 3
	DefaultBackoff    = 500 * time.Millisecond
	DefaultMaxWait    = 20 * time.Second
)

// Configured reports whether c says where the API is or how to sign in:
// without either there is no API to call.
func (c Config) Configured() bool { return c.APIKey.IsSet() || c.BaseURL != "" }

// IsOpenAI reports whether c reaches OpenAI itself rather than a
// compatible server (Ollama, vLLM, llama.cpp), which may lag behind
// OpenAI's newest request fields.
func (c Config) IsOpenAI() bool { return c.baseURL() == DefaultBaseURL }

func (c Config) baseURL() string {
	if c.BaseURL == "" {
		return DefaultBaseURL
	}
	return c.BaseURL
}

// NewClient returns a go-openai client for cfg whose requests retry 429 and
// 5xx answers with backoff. Build one per generator or embedder and reuse
// it: it holds the connection pool.
func NewClient(cfg Config) *openai.Client {
	oc := openai.DefaultConfig(cfg.APIKey.Reveal())
	oc.BaseURL = cfg.baseURL()
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	oc.HTTPClient = &retrier{
		next:    hc,
		retries: pick(cfg.MaxRetries, DefaultMaxRetries),
		backoff: pick(cfg.Backoff, DefaultBackoff),
		maxWait: pick(cfg.MaxWait, DefaultMaxWait),
	}
	return openai.NewClientWithConfig(oc)
}

// pick returns v, or def when v is zero; a negative v means "none".
func pick[T int | time.Duration](v, def T) T {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}
