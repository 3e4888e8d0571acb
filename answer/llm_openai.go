package answer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/internal/openaiapi"
	openai "github.com/sashabaranov/go-openai"
)

// Defaults and bounds of the chat part of openaiapi.Config.
const (
	DefaultChatModel  = "gpt-4o-mini"
	DefaultLLMTimeout = 60 * time.Second
	DefaultMaxTokens  = 600
	MaxMaxTokens      = 4096
)

// OpenAIGenerator is a Generator backed by an OpenAI-compatible chat API
// through go-openai. It holds one client, reused for every call.
type OpenAIGenerator struct {
	client    *openai.Client
	model     string
	timeout   time.Duration
	maxTokens int
	apiKey    string
	// legacyMaxTokens sends the length cap as max_tokens, the field
	// compatible servers read, rather than OpenAI's max_completion_tokens.
	legacyMaxTokens bool
}

// NewOpenAIGenerator returns a generator for the chat part of cfg: its
// API, ChatModel, Timeout, MaxTokens and retry settings.
func NewOpenAIGenerator(cfg openaiapi.Config) *OpenAIGenerator {
	g := &OpenAIGenerator{model: cfg.ChatModel, timeout: cfg.Timeout, maxTokens: cfg.MaxTokens, apiKey: cfg.APIKey.Reveal(), legacyMaxTokens: !cfg.IsOpenAI()}
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
	g.client = openaiapi.NewClient(cfg)
	return g
}

// Generate implements Generator: a streaming request when onPartial is
// set, a plain one otherwise (as `ask --json` needs no partial text). Each
// call, retries included, is bounded by the configured timeout.
func (g *OpenAIGenerator) Generate(ctx context.Context, msgs []Message, onPartial func(string)) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, g.timeout)
	defer cancel()
	req := g.request()
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

// request starts a chat request with the model and the length cap. OpenAI
// deprecated max_tokens for max_completion_tokens, but Ollama and LM
// Studio read only max_tokens (Ollama's OpenAI layer ignores the new
// field): each server gets the field it understands.
func (g *OpenAIGenerator) request() openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{Model: g.model}
	if g.legacyMaxTokens {
		req.MaxTokens = g.maxTokens //nolint:staticcheck // compatible servers read only max_tokens; see above
	} else {
		req.MaxCompletionTokens = g.maxTokens
	}
	return req
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
	defer func() { _ = s.Close() }() // a read stream: a failed close loses nothing
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
