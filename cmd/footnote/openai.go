package main

import (
	"errors"
	"fmt"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/retrieval"
)

// errNoOpenAIEndpoint is returned when the configuration asks for the
// OpenAI-compatible API but says neither where it is nor how to sign in.
var errNoOpenAIEndpoint = errors.New("set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a local server such as Ollama)")

// llmEnabled reports whether answers come from an LLM: FOOTNOTE_GENERATOR
// decides when set; otherwise an OpenAI key or base URL turns it on.
func (c Config) llmEnabled() bool {
	switch c.Generator {
	case "llm":
		return true
	case "extractive":
		return false
	}
	return c.OpenAI.APIKey != "" || c.OpenAI.BaseURL != ""
}

// generator returns the configured LLM generator, or nil for extractive
// answers.
func (a *app) generator() (answer.Generator, error) {
	if !a.cfg.llmEnabled() {
		return nil, nil
	}
	o := a.cfg.OpenAI
	if o.APIKey == "" && o.BaseURL == "" {
		return nil, usageError{fmt.Errorf("FOOTNOTE_GENERATOR=llm: %w", errNoOpenAIEndpoint)}
	}
	return answer.NewOpenAIGenerator(answer.LLMConfig{
		BaseURL: o.BaseURL, APIKey: o.APIKey.Reveal(), ChatModel: o.ChatModel, Timeout: o.Timeout,
	}), nil
}

// openAIEmbedder returns the embedder for FOOTNOTE_EMBEDDER=openai.
func (a *app) openAIEmbedder() (retrieval.Embedder, error) {
	o := a.cfg.OpenAI
	if o.APIKey == "" && o.BaseURL == "" {
		return nil, usageError{fmt.Errorf("FOOTNOTE_EMBEDDER=openai: %w", errNoOpenAIEndpoint)}
	}
	return retrieval.NewOpenAIEmbedder(retrieval.OpenAIEmbedderConfig{
		BaseURL: o.BaseURL, APIKey: o.APIKey.Reveal(), Model: o.EmbeddingModel,
	}), nil
}
