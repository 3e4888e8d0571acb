package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// Config is everything footnote reads from its environment, read once here
// and passed down as values. Precedence: flags > environment > .env >
// defaults. No other package reads the environment.
type Config struct {
	// CorpusDir is the user's folder of articles; "" means the built-in corpus.
	CorpusDir string
	// IndexDir is where the index lives; "" means under the user cache dir.
	IndexDir string
	// Embedder is "local" (default, offline) or "openai".
	Embedder string
	// Generator is "extractive", "llm" or "" (LLM when an OpenAI key or base
	// URL is set).
	Generator string
	// Verify is "lexical" (default) or "llm": the LLM judge re-checks what
	// the lexical verifier kept, one extra chat call per answer.
	Verify string
	OpenAI OpenAIConfig
	// Threshold is the gate probability below which answers abstain; 0
	// means the gate model's own.
	Threshold float64
	// Gate is the gate model read from FOOTNOTE_GATE_MODEL; nil means the
	// built-in one.
	Gate *answer.GateModel
	// K is how many paragraphs an answer draws on; 0 means the default.
	K int
	// Limits bound what is read from CorpusDir.
	Limits corpus.Limits
	// LexicalWeight is BM25's share in fusion, in [0, 1] (1: BM25 alone,
	// 0: vectors alone); nil means the default. For measuring what each
	// ranking adds (BENCHMARKS.md) more than for everyday use.
	LexicalWeight *float64
}

// searchOptions turns the configuration into retrieval's options, whose
// zero value means "default" and negative weight "vectors alone".
func (c Config) searchOptions() retrieval.SearchOptions {
	if c.LexicalWeight == nil {
		return retrieval.SearchOptions{}
	}
	if *c.LexicalWeight == 0 {
		return retrieval.SearchOptions{LexicalWeight: -1}
	}
	return retrieval.SearchOptions{LexicalWeight: *c.LexicalWeight}
}

// OpenAIConfig reaches an OpenAI-compatible API (OpenAI, Ollama, vLLM,
// llama.cpp server).
type OpenAIConfig struct {
	BaseURL        string
	APIKey         Secret
	EmbeddingModel string
	ChatModel      string
	Timeout        time.Duration
}

// Secret holds a token or API key. It prints as a mask, so a secret that
// slips into a log line or error message stays secret.
type Secret string

func (s Secret) String() string   { return "[redacted]" }
func (s Secret) GoString() string { return "[redacted]" }

// Reveal returns the secret for the one place that sends it.
func (s Secret) Reveal() string { return string(s) }

// environment looks a variable up in the process environment, then in .env.
type environment struct {
	getenv func(string) string
	dotenv map[string]string
}

// newEnvironment reads .env from the working directory when there is one.
func newEnvironment(getenv func(string) string) (environment, error) {
	env := environment{getenv: getenv, dotenv: map[string]string{}}
	m, err := readDotenv(".env")
	switch {
	case err == nil:
		env.dotenv = m
	case !errors.Is(err, os.ErrNotExist):
		return env, err
	}
	return env, nil
}

func (e environment) get(key string) string {
	if v := strings.TrimSpace(e.getenv(key)); v != "" {
		return v
	}
	return strings.TrimSpace(e.dotenv[key])
}

// configFromEnv fills a Config from the environment and defaults.
func configFromEnv(env environment) (Config, error) {
	cfg := Config{
		CorpusDir: env.get("FOOTNOTE_CORPUS_DIR"),
		IndexDir:  env.get("FOOTNOTE_INDEX_DIR"),
		Embedder:  strings.ToLower(env.get("FOOTNOTE_EMBEDDER")),
		Generator: strings.ToLower(env.get("FOOTNOTE_GENERATOR")),
		Verify:    strings.ToLower(env.get("FOOTNOTE_VERIFY")),
		OpenAI: OpenAIConfig{
			BaseURL:        env.get("OPENAI_BASE_URL"),
			APIKey:         Secret(env.get("OPENAI_API_KEY")),
			EmbeddingModel: env.get("FOOTNOTE_EMBEDDING_MODEL"),
			ChatModel:      env.get("FOOTNOTE_CHAT_MODEL"),
			Timeout:        60 * time.Second,
		},
	}
	if cfg.Embedder == "" {
		cfg.Embedder = "local"
	}
	if cfg.Embedder != "local" && cfg.Embedder != "openai" {
		return cfg, usageError{fmt.Errorf("FOOTNOTE_EMBEDDER must be local or openai, not %q", cfg.Embedder)}
	}
	if cfg.Verify == "" {
		cfg.Verify = "lexical"
	}
	if cfg.Verify != "lexical" && cfg.Verify != "llm" {
		return cfg, usageError{fmt.Errorf("FOOTNOTE_VERIFY must be lexical or llm, not %q", cfg.Verify)}
	}
	if cfg.Generator != "" && cfg.Generator != "extractive" && cfg.Generator != "llm" {
		return cfg, usageError{fmt.Errorf("FOOTNOTE_GENERATOR must be extractive or llm, not %q", cfg.Generator)}
	}
	var err error
	if cfg.Threshold, err = floatVar(env, "FOOTNOTE_THRESHOLD"); err != nil {
		return cfg, err
	}
	if cfg.Gate, err = gateModel(env.get("FOOTNOTE_GATE_MODEL")); err != nil {
		return cfg, err
	}
	if cfg.K, err = intVar(env, "FOOTNOTE_TOP_K"); err != nil {
		return cfg, err
	}
	if cfg.Limits, err = corpusLimits(env); err != nil {
		return cfg, err
	}
	if env.get("FOOTNOTE_LEXICAL_WEIGHT") != "" {
		w, err := floatVar(env, "FOOTNOTE_LEXICAL_WEIGHT")
		if err != nil {
			return cfg, err
		}
		cfg.LexicalWeight = &w
	}
	if v := env.get("FOOTNOTE_LLM_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, usageError{fmt.Errorf("FOOTNOTE_LLM_TIMEOUT must be a duration such as 60s, not %q", v)}
		}
		cfg.OpenAI.Timeout = d
	}
	return cfg, nil
}

// gateModel reads the gate model file at path, if one is set.
func gateModel(path string) (*answer.GateModel, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("FOOTNOTE_GATE_MODEL: %w", err)}
	}
	defer f.Close()
	m, err := answer.ParseGateModel(f)
	if err != nil {
		return nil, usageError{fmt.Errorf("FOOTNOTE_GATE_MODEL %s: %w", path, err)}
	}
	return &m, nil
}

func floatVar(env environment, key string) (float64, error) {
	v := env.get(key)
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		return 0, usageError{fmt.Errorf("%s must be a number between 0 and 1, not %q", key, v)}
	}
	return f, nil
}

func intVar(env environment, key string) (int, error) {
	v := env.get(key)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, usageError{fmt.Errorf("%s must be a whole number above 0, not %q", key, v)}
	}
	return n, nil
}

// indexDir is where the index of the configured corpus lives: one folder
// per corpus, so switching corpora does not rebuild every time. It is ""
// (keep the index in memory) when there is no user cache folder: the
// shared temporary folder is never a default, since another local user
// could plant an index there.
func (c Config) indexDir() (string, error) {
	if c.IndexDir != "" {
		return c.IndexDir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", nil
	}
	name := "builtin"
	if c.CorpusDir != "" {
		abs, err := filepath.Abs(c.CorpusDir)
		if err != nil {
			return "", fmt.Errorf("corpus folder: %w", err)
		}
		sum := sha256.Sum256([]byte(abs))
		name = filepath.Base(abs) + "-" + hex.EncodeToString(sum[:4])
	}
	return filepath.Join(base, "footnote", "index", name), nil
}
