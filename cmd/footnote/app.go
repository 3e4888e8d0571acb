package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/redact"
	"github.com/footnote-dev/footnote/retrieval"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// app holds what every command shares: its outside world and the
// configuration read once before any command runs.
type app struct {
	stdout, stderr io.Writer
	environ        []string
	// terminal, when set, replaces terminal detection (see onTerminal).
	terminal func(io.Writer) bool
	cfg      Config
	// env is the environment configure read (process environment over
	// .env), kept for commands with settings of their own, like bot.
	env environment
	// redactor masks every secret of the configuration in what leaves
	// the process; nil (before configure) masks credential shapes only.
	redactor *redact.Redactor
	// flags bound by the root command; applied over cfg in configure.
	corpusFlag, indexFlag string
	// wholeProcess is set by main: the run owns the process (and its
	// garbage collector), which the tests' in-process runs do not.
	wholeProcess bool
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "footnote",
		Short: "Answer questions about a corpus of articles, citing the paragraph each claim comes from",
		Long: "footnote answers questions about a corpus of articles — the built-in news articles or your own\n" +
			"folder of .txt, .md, .html and .pdf files — and cites the paragraph every claim comes from.",
		Version:                    versionLine(),
		SilenceUsage:               true,
		SilenceErrors:              true,
		Args:                       unknownCommand,
		SuggestionsMinimumDistance: 2,
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		PersistentPreRunE:          func(cmd *cobra.Command, _ []string) error { return a.configure(cmd) },
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentFlags().StringVar(&a.corpusFlag, "corpus", "", "folder of articles: .txt, .md, .html, .pdf (default: the built-in corpus; env FOOTNOTE_CORPUS_DIR)")
	root.PersistentFlags().StringVar(&a.indexFlag, "index", "", "index folder (default: under the user cache dir; env FOOTNOTE_INDEX_DIR)")
	for _, c := range a.subcommands() {
		root.AddCommand(c)
	}
	markUsageErrors(root)
	return root
}

// subcommands lists footnote's commands; each lives in its own file.
func (a *app) subcommands() []*cobra.Command {
	return []*cobra.Command{a.indexCommand(), a.searchCommand(), a.askCommand(), a.evalCommand(), a.botCommand(), a.addCommand(), a.versionCommand()}
}

// configure reads the configuration once: flags over environment over .env.
func (a *app) configure(cmd *cobra.Command) error {
	env, err := newEnvironment(a.environ)
	if err != nil {
		return err
	}
	a.env = env
	a.redactor = newRedactor(env)
	for _, w := range env.unknownVariables() {
		a.warn(w)
	}
	if a.cfg, err = configFromEnv(env); err != nil {
		return err
	}
	if cmd.Flags().Changed("corpus") {
		a.cfg.CorpusDir = a.corpusFlag
	}
	if cmd.Flags().Changed("index") {
		a.cfg.IndexDir = a.indexFlag
	}
	return nil
}

// warn prints a one-line notice on stderr.
func (a *app) warn(msg string) { fmt.Fprintf(a.stderr, "footnote: %s\n", oneLine(msg)) }

// loadCorpus returns the configured corpus and the files it skipped. A
// corpus that does not load prints them at once: they say why.
func (a *app) loadCorpus(ctx context.Context) (*corpus.Corpus, []corpus.Warning, error) {
	if a.cfg.CorpusDir == "" {
		c, err := corpus.Builtin()
		return c, nil, err
	}
	c, warnings, err := corpus.LoadDirContext(ctx, a.cfg.CorpusDir, a.cfg.Limits)
	if err != nil {
		a.warnSkipped(warnings)
		return nil, nil, fmt.Errorf("load corpus %s: %w", a.cfg.CorpusDir, err)
	}
	return c, warnings, nil
}

// warnSkipped lists the files a corpus load skipped, one line each.
func (a *app) warnSkipped(warnings []corpus.Warning) {
	for _, w := range warnings {
		a.warn(w.String())
	}
}

// corpusSource is a corpus known by its hash, read by load only when an
// index must be built from it.
type corpusSource struct {
	hash string
	load func() (*corpus.Corpus, error)
}

// sourceOf is the source of a corpus already read.
func sourceOf(c *corpus.Corpus) corpusSource {
	return corpusSource{hash: c.Hash, load: func() (*corpus.Corpus, error) { return c, nil }}
}

// corpusSource returns the configured corpus's source. The built-in corpus
// is hashed from its embedded bytes and parsed only if the index must be
// built; a folder is read now (its hash covers the files that load, which
// only reading tells).
func (a *app) corpusSource(ctx context.Context) (corpusSource, []corpus.Warning, error) {
	if a.cfg.CorpusDir == "" {
		hash, err := corpus.BuiltinHash()
		return corpusSource{hash: hash, load: corpus.Builtin}, nil, err
	}
	c, skipped, err := a.loadCorpus(ctx)
	if err != nil {
		return corpusSource{}, nil, err
	}
	return sourceOf(c), skipped, nil
}

// openIndex loads the index of the configured corpus from the configured
// store, building it first when missing or stale. The files the corpus
// skipped are listed once per build, not on every question that loads the
// index built then.
func (a *app) openIndex(ctx context.Context, rebuild bool, progress func(done, total int)) (searchIndex, retrieval.Status, error) {
	src, skipped, err := a.corpusSource(ctx)
	if err != nil {
		return nil, retrieval.Status{}, err
	}
	ix, st, _, err := a.openStore(ctx, src, rebuild, progress)
	if err == nil && st.Built {
		a.warnSkipped(skipped)
	}
	return ix, st, err
}

// embedder returns the configured embedder; nil selects the local one.
func (a *app) embedder() (retrieval.Embedder, error) {
	if a.cfg.Embedder == "local" {
		return nil, nil
	}
	return a.openAIEmbedder()
}

// engine builds the answer engine every surface shares.
func (a *app) engine(ctx context.Context) (*answer.Engine, error) {
	gen, err := a.generator()
	if err != nil {
		return nil, err
	}
	judge, err := a.judge(gen)
	if err != nil {
		return nil, err
	}
	ix, _, err := a.openIndex(ctx, false, a.progressBar())
	if err != nil {
		return nil, err
	}
	return &answer.Engine{Retriever: ix, K: a.cfg.K, Threshold: a.cfg.Threshold, Gate: a.cfg.Gate, Search: a.cfg.searchOptions(), Warn: a.warn, Generator: gen, Judge: judge}, nil
}

// isTerminal reports whether w is an interactive terminal.
func isTerminal(w io.Writer) bool {
	if r, ok := w.(redactingWriter); ok {
		w = r.w // stderr masked on its way out is still the terminal
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// onTerminal reports whether w is a terminal, as a.terminal says when set
// (tests drive the terminal paths with it), else as isTerminal does.
func (a *app) onTerminal(w io.Writer) bool {
	if a.terminal != nil {
		return a.terminal(w)
	}
	return isTerminal(w)
}

// progressDelay is how long embedding must run before a bar appears: a
// bar that flashes for 50 ms is noise.
const progressDelay = 500 * time.Millisecond
