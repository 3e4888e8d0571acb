package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/openaiapi"
	"github.com/footnote-dev/footnote/internal/redact"
	"github.com/footnote-dev/footnote/retrieval"
	"github.com/spf13/cobra"
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
	// OpenAI reaches an OpenAI-compatible API (OpenAI, Ollama, vLLM,
	// llama.cpp server): built once here, passed whole to the generator
	// and the embedder.
	OpenAI openaiapi.Config
	// Threshold is the gate probability below which answers abstain, in
	// (0, 1]; unset (0), the gate model's own, which differs by mode, so
	// the engine resolves it (Engine.ThresholdFor). FOOTNOTE_THRESHOLD=0
	// is rejected, not read as "the default": it would never abstain.
	Threshold float64
	// Gate is the gate model read from FOOTNOTE_GATE_MODEL; nil means the
	// built-in one.
	Gate *answer.GateModel
	// K is how many paragraphs an answer draws on, 1 to maxTopK (default
	// answer.DefaultK); -k overrides it.
	K int
	// Limits bound what is read from CorpusDir.
	Limits corpus.Limits
	// LexicalWeight is BM25's share in fusion, in [0, 1] (1: BM25 alone,
	// 0: vectors alone); nil means the default. For measuring what each
	// ranking adds (BENCHMARKS.md) more than for everyday use.
	LexicalWeight *float64
	// Store is where the index lives: "chromem" (in process, default) or
	// "weaviate" (a cluster, see Weaviate).
	Store    string
	Weaviate WeaviateConfig
}

// maxTopK bounds FOOTNOTE_TOP_K and -k: more paragraphs than this make a
// prompt no model reads well and an extractive answer no better.
const maxTopK = 50

// searchOptions turns the configuration into retrieval's options.
func (c Config) searchOptions() retrieval.SearchOptions {
	return retrieval.SearchOptions{LexicalWeight: c.LexicalWeight}
}

// environment looks a variable up in the process environment, then in .env.
type environment struct {
	process map[string]string
	dotenv  map[string]string
}

// newEnvironment reads .env from the working directory when there is one;
// environ is the process environment as os.Environ returns it.
func newEnvironment(environ []string) (environment, error) {
	env := environment{process: map[string]string{}, dotenv: map[string]string{}}
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env.process[k] = v
		}
	}
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
	if v := strings.TrimSpace(e.process[key]); v != "" {
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
		OpenAI: openaiapi.Config{
			BaseURL:        env.get("OPENAI_BASE_URL"),
			APIKey:         redact.Secret(env.get("OPENAI_API_KEY")),
			EmbeddingModel: env.get("FOOTNOTE_EMBEDDING_MODEL"),
			ChatModel:      env.get("FOOTNOTE_CHAT_MODEL"),
			Timeout:        defaultLLMTimeout,
		},
	}
	if cfg.Embedder == "" {
		cfg.Embedder = "local"
	}
	if cfg.Embedder != "local" && cfg.Embedder != "openai" {
		return cfg, usagef("FOOTNOTE_EMBEDDER must be local or openai, not %q", cfg.Embedder)
	}
	if cfg.Verify == "" {
		cfg.Verify = "lexical"
	}
	if cfg.Verify != "lexical" && cfg.Verify != "llm" {
		return cfg, usagef("FOOTNOTE_VERIFY must be lexical or llm, not %q", cfg.Verify)
	}
	if cfg.Generator != "" && cfg.Generator != "extractive" && cfg.Generator != "llm" {
		return cfg, usagef("FOOTNOTE_GENERATOR must be extractive or llm, not %q", cfg.Generator)
	}
	if cfg.Store = strings.ToLower(env.get("FOOTNOTE_STORE")); cfg.Store == "" {
		cfg.Store = storeChromem
	}
	if cfg.Store != storeChromem && cfg.Store != storeWeaviate {
		return cfg, usagef("FOOTNOTE_STORE must be chromem or weaviate, not %q", cfg.Store)
	}
	var errs []error
	var err error
	if cfg.Weaviate, err = weaviateFromEnv(env, cfg.Store); err != nil {
		return cfg, err
	}
	if v := env.get("FOOTNOTE_THRESHOLD"); v != "" {
		cfg.Threshold, err = parseFraction("FOOTNOTE_THRESHOLD", v, false)
		errs = append(errs, err)
	}
	if cfg.Gate, err = gateModel(env.get("FOOTNOTE_GATE_MODEL")); err != nil {
		return cfg, err
	}
	cfg.K = answer.DefaultK
	if env.get("FOOTNOTE_TOP_K") != "" {
		cfg.K, err = intVar(env, "FOOTNOTE_TOP_K", 1, maxTopK)
		errs = append(errs, err)
	}
	if cfg.Limits, err = corpusLimits(env); err != nil {
		return cfg, err
	}
	if v := env.get("FOOTNOTE_LEXICAL_WEIGHT"); v != "" {
		w, err := parseFraction("FOOTNOTE_LEXICAL_WEIGHT", v, true)
		cfg.LexicalWeight = &w
		errs = append(errs, err)
	}
	if v := env.get("FOOTNOTE_LLM_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 || d > maxLLMTimeout {
			errs = append(errs, usagef("FOOTNOTE_LLM_TIMEOUT must be a duration above 0 and at most 1h, such as 60s, not %q", v))
		}
		cfg.OpenAI.Timeout = d
	}
	return cfg, errors.Join(errs...)
}

// defaultLLMTimeout and maxLLMTimeout bound one LLM answer, retries
// included: past an hour a timeout is a typo, not a choice.
const (
	defaultLLMTimeout = 60 * time.Second
	maxLLMTimeout     = time.Hour
)

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

// parseFraction reads a number in [0, 1], or (0, 1] unless zeroOK. NaN and
// infinities are rejected: strconv accepts them, and NaN passes every
// comparison a range check makes.
func parseFraction(key, v string, zeroOK bool) (float64, error) {
	f, err := strconv.ParseFloat(v, 64)
	switch {
	case err != nil || math.IsNaN(f) || f > 1 || f < 0:
	case f == 0 && !zeroOK:
		return 0, usagef("%s must be above 0 (0 would never abstain) and at most 1, not %q", key, v)
	default:
		return f, nil
	}
	if !zeroOK {
		return 0, usagef("%s must be a number above 0 and at most 1, not %q", key, v)
	}
	return 0, usagef("%s must be a number from 0 to 1, not %q", key, v)
}

// intVar reads a whole number from lo to hi; unset, it is 0 and the
// setting's default applies (the bot's, for its settings).
func intVar(env environment, key string, lo, hi int) (int, error) {
	v := env.get(key)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, usagef("%s must be a whole number from %d to %d, not %q", key, lo, hi, v)
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

// kFlag adds -k to a command that retrieves paragraphs, defaulting to the
// configured K.
func kFlag(cmd *cobra.Command, k *int, what string) {
	cmd.Flags().IntVarP(k, "k", "k", 0, fmt.Sprintf("%s (default: FOOTNOTE_TOP_K or %d)", what, answer.DefaultK))
}

// applyK puts a -k given on the command line over the configuration.
func (a *app) applyK(cmd *cobra.Command, k int) error {
	if !cmd.Flags().Changed("k") {
		return nil
	}
	if k < 1 || k > maxTopK {
		return usagef("-k must be from 1 to %d, not %d", maxTopK, k)
	}
	a.cfg.K = k
	return nil
}
