package main

import (
	"context"
	"errors"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/redact"
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
	return c.OpenAI.Configured()
}

// generator returns the configured LLM generator, or nil for extractive
// answers.
func (a *app) generator() (answer.Generator, error) {
	if !a.cfg.llmEnabled() {
		return nil, nil
	}
	if !a.cfg.OpenAI.Configured() {
		return nil, usagef("FOOTNOTE_GENERATOR=llm: %w", errNoOpenAIEndpoint)
	}
	gen := answer.NewOpenAIGenerator(a.cfg.OpenAI)
	return redactingGenerator{next: gen, r: a.redactor}, nil
}

// judge returns the LLM judge for FOOTNOTE_VERIFY=llm, asking the same
// model through the same generator, or nil for lexical verification. It
// needs LLM answers: there is nothing to judge without them.
func (a *app) judge(gen answer.Generator) (answer.Judge, error) {
	if a.cfg.Verify != "llm" {
		return nil, nil
	}
	if gen == nil {
		return nil, usageError{errors.New("FOOTNOTE_VERIFY=llm judges LLM answers: turn them on with OPENAI_API_KEY or OPENAI_BASE_URL")}
	}
	return answer.LLMJudge{Generator: gen}, nil
}

// redactingGenerator masks the generator's errors at their source: their
// text becomes an answer's fallback_reason (JSON, eval reports, bot logs),
// not only a line on stderr.
type redactingGenerator struct {
	next answer.Generator
	r    *redact.Redactor
}

func (g redactingGenerator) Generate(ctx context.Context, msgs []answer.Message, onPartial func(string)) (string, error) {
	text, err := g.next.Generate(ctx, msgs, onPartial)
	return text, g.r.Error(err)
}

// openAIEmbedder returns the embedder for FOOTNOTE_EMBEDDER=openai.
func (a *app) openAIEmbedder() (retrieval.Embedder, error) {
	if !a.cfg.OpenAI.Configured() {
		return nil, usagef("FOOTNOTE_EMBEDDER=openai: %w", errNoOpenAIEndpoint)
	}
	return retrieval.NewOpenAIEmbedder(a.cfg.OpenAI), nil
}
