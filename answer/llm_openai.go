package answer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/internal/openaiapi"
	openai "github.com/sashabaranov/go-openai"
)

// LLMConfig reaches an OpenAI-compatible chat API. cmd/footnote fills it
// from OPENAI_BASE_URL, OPENAI_API_KEY, FOOTNOTE_CHAT_MODEL and
// FOOTNOTE_LLM_TIMEOUT.
type LLMConfig struct {
	// BaseURL is the API root; "" means OpenAI's.
	BaseURL string
	// APIKey is the bearer token; local servers accept any value.
	APIKey string
	// ChatModel names the model; "" means DefaultChatModel.
	ChatModel string
	// Timeout bounds each call, streaming included; 0 means
	// DefaultLLMTimeout.
	Timeout time.Duration
	// MaxTokens bounds an answer's length; 0 means DefaultMaxTokens, and
	// it is capped at MaxMaxTokens.
	MaxTokens int
	// MaxRetries, Backoff and MaxWait tune retries of 429 and 5xx answers
	// (see openaiapi.Config); zero values mean the defaults.
	MaxRetries int
	Backoff    time.Duration
	MaxWait    time.Duration
	// HTTPClient sends the requests; nil means a new one.
	HTTPClient *http.Client
}

// Defaults and bounds of LLMConfig.
const (
	DefaultChatModel  = "gpt-4o-mini"
	DefaultLLMTimeout = 60 * time.Second
	DefaultMaxTokens  = 600
	MaxMaxTokens      = 4096
)

// String describes the configuration without its key.
func (c LLMConfig) String() string {
	return fmt.Sprintf("LLMConfig{BaseURL: %q, ChatModel: %q, Timeout: %s, APIKey: [redacted]}", c.BaseURL, c.ChatModel, c.Timeout)
}

// GoString is String, for %#v.
func (c LLMConfig) GoString() string { return c.String() }

// OpenAIGenerator is a Generator backed by an OpenAI-compatible chat API
// through go-openai. It holds one client, reused for every call.
type OpenAIGenerator struct {
	client    *openai.Client
	model     string
	timeout   time.Duration
	maxTokens int
	apiKey    string
}

// NewOpenAIGenerator returns a generator for cfg.
func NewOpenAIGenerator(cfg LLMConfig) *OpenAIGenerator {
	g := &OpenAIGenerator{model: cfg.ChatModel, timeout: cfg.Timeout, maxTokens: cfg.MaxTokens, apiKey: cfg.APIKey}
	if g.model == "" {
		g.model = DefaultChatModel
	}
	if g.timeout <= 0 {
		g.timeout = DefaultLLMTimeout
	}
	if g.maxTokens <= 0 {
		g.maxTokens = DefaultMaxTokens
	}
	g.maxTokens = min(g.maxTokens, MaxMaxTokens)
	g.client = openaiapi.NewClient(openaiapi.Config{
		BaseURL: cfg.BaseURL, APIKey: cfg.APIKey, MaxRetries: cfg.MaxRetries,
		Backoff: cfg.Backoff, MaxWait: cfg.MaxWait, HTTPClient: cfg.HTTPClient,
	})
	return g
}

// Generate implements Generator: a streaming request when onPartial is
// set, a plain one otherwise (as `ask --json` needs no partial text). Each
// call, retries included, is bounded by the configured timeout.
func (g *OpenAIGenerator) Generate(ctx context.Context, msgs []Message, onPartial func(string)) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, g.timeout)
	defer cancel()
	req := openai.ChatCompletionRequest{Model: g.model, MaxTokens: g.maxTokens}
	for _, m := range msgs {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: string(m.Role), Content: m.Content})
	}
	var text string
	var err error
	if onPartial == nil {
		text, err = g.complete(ctx, req)
	} else {
		text, err = g.stream(ctx, req, onPartial)
	}
	if err != nil {
		return "", g.describe(ctx, err)
	}
	return text, nil
}

func (g *OpenAIGenerator) complete(ctx context.Context, req openai.ChatCompletionRequest) (string, error) {
	resp, err := g.client.CreateChatCompletion(ctx, req)
	if err != nil {
		return "", err
	}
	if len(resp.Choices) == 0 {
		return "", errors.New("the model returned no choices")
	}
	c := resp.Choices[0]
	if err := finished(c.FinishReason); err != nil {
		return "", err
	}
	return nonEmpty(c.Message.Content)
}

func (g *OpenAIGenerator) stream(ctx context.Context, req openai.ChatCompletionRequest, onPartial func(string)) (string, error) {
	ctx, watch := openaiapi.WithStreamWatch(ctx)
	req.Stream = true
	s, err := g.client.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return "", err
	}
	defer s.Close()
	var b strings.Builder
	var reason openai.FinishReason
	for {
		resp, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		if len(resp.Choices) == 0 {
			continue // e.g. a usage-only chunk
		}
		c := resp.Choices[0]
		if c.Delta.Content != "" {
			b.WriteString(c.Delta.Content)
			onPartial(b.String())
		}
		if c.FinishReason != "" {
			reason = c.FinishReason
		}
	}
	if reason == "" && !watch.Done() {
		return "", ErrIncompleteAnswer
	}
	if err := finished(reason); err != nil {
		return "", err
	}
	return nonEmpty(b.String())
}

// finished accepts a finish reason that leaves a usable answer: "stop",
// "length" (the verifier drops a cut-off last sentence, which has no
// citation) or none given alongside [DONE].
func finished(reason openai.FinishReason) error {
	switch reason {
	case "", openai.FinishReasonStop, openai.FinishReasonLength:
		return nil
	}
	return fmt.Errorf("the model stopped early (finish reason %q)", reason)
}

func nonEmpty(text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", errors.New("the model returned an empty answer")
	}
	return text, nil
}

// describe turns a failure into a short error without secrets, naming a
// timeout as such.
func (g *OpenAIGenerator) describe(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("chat: timed out after %s", g.timeout)
	}
	if errors.Is(err, ErrIncompleteAnswer) {
		return fmt.Errorf("chat: %w", err)
	}
	return fmt.Errorf("chat: %w", openaiapi.Scrub(err, g.apiKey))
}
