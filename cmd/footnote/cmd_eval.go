package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	shipped "github.com/footnote-dev/footnote"
	"github.com/footnote-dev/footnote/eval"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// evalOptions are the flags of `footnote eval`.
type evalOptions struct {
	fixtures, html, compare string
	k, workers              int
	asJSON, calibrate       bool
	maxFalseAbstention      float64
	// bars holds the --min-…/--max-… values; only flags that were set count.
	bars map[string]*float64
}

// hit5Flag is the spelling of --min-hitk at the default k.
const hit5Flag = "min-hit5"

func (a *app) evalCommand() *cobra.Command {
	o := evalOptions{bars: map[string]*float64{}}
	cmd := &cobra.Command{
		Use:   "eval [flags]",
		Short: "Score answers, citations and refusals against a fixture set",
		Long: "eval asks every question of a fixture file (JSONL, see README) the way `footnote ask` does and\n" +
			"scores retrieval, answers, citations and refusals. Exit status: 0 pass, 1 a metric missed its\n" +
			"--min-/--max- bar (or footnote failed), 2 a usage error or a broken fixture file (nothing evaluated).",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runEval(cmd, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.fixtures, "fixtures", "", "fixture file, one JSON question per line (default: the built-in "+shipped.EvalFixturesName+", for the built-in corpus)")
	kFlag(cmd, &o.k, "paragraphs each answer draws on, and the k of hit@k")
	f.IntVar(&o.workers, "workers", eval.DefaultWorkers, "questions answered at once")
	f.BoolVar(&o.asJSON, "json", false, "print the report as JSON: metrics and one row per question")
	f.StringVar(&o.html, "html", "", "also write a self-contained HTML report to this file")
	f.StringVar(&o.compare, "compare", "", "compare with an earlier --json report: change per metric, questions that flipped")
	f.BoolVar(&o.calibrate, "calibrate", false, "sweep the abstention threshold and print the best FOOTNOTE_THRESHOLD")
	f.Float64Var(&o.maxFalseAbstention, "calibrate-max-false-abstention", eval.DefaultMaxFalseAbstention, "--calibrate keeps false abstention at or below this")
	for _, g := range eval.Gates() {
		o.bars[g.Flag] = f.Float64(g.Flag, 0, g.Usage)
	}
	o.bars[hit5Flag] = f.Float64(hit5Flag, 0, "fail below this hit@5 (same as --min-hitk with -k 5)")
	return cmd
}

// runEval validates the flags, output paths and fixtures before anything
// is indexed or asked, runs them, prints the report and applies the bars.
func (a *app) runEval(cmd *cobra.Command, o evalOptions) error {
	ctx := cmd.Context()
	if err := a.applyK(cmd, o.k); err != nil {
		return err
	}
	bars, err := o.checkFlags(cmd.Flags(), a.cfg.K)
	if err != nil {
		return err
	}
	if o.html != "" {
		if err := checkWritable(o.html); err != nil {
			return usagef("--html: %w", err)
		}
	}
	fixtures, name, err := a.loadFixtures(ctx, o.fixtures)
	if err != nil {
		return err
	}
	var prev *eval.Report
	if o.compare != "" {
		if prev, err = readReport(o.compare); err != nil {
			return err
		}
	}
	eng, err := a.engine(ctx)
	if err != nil {
		return err
	}
	runner := eval.Runner{Asker: eng, Searcher: eng.Retriever, Search: eng.Search, K: eng.TopK(), Workers: o.workers, Progress: a.questionBar()}
	obs, err := runner.Run(ctx, fixtures)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	rep := eval.Score(obs, eval.Settings{Fixtures: name, K: eng.TopK(), Threshold: eng.AbstainBelow(), Workers: o.workers})
	if o.calibrate {
		c := eval.Calibrate(rep.Questions, o.maxFalseAbstention, rep.Threshold)
		rep.Calibration = &c
	}
	if prev != nil {
		c := eval.Compare(*prev, rep, o.compare)
		rep.Comparison = &c
		if c.FixturesDiffer {
			a.warn("--compare: " + c.FixturesNote)
		}
	}
	verdict, short, err := eval.Hold(rep, bars)
	if err != nil {
		return err
	}
	rep.Verdict = &verdict
	if err := a.writeEvalReport(rep, o); err != nil {
		return err
	}
	return gateError(short)
}

// maxEvalWorkers bounds --workers: answering is CPU-bound offline, and an LLM
// API rate-limits long before this many calls at once.
const maxEvalWorkers = 64

// checkFlags rejects impossible values and returns the bars that were set.
func (o evalOptions) checkFlags(flags *pflag.FlagSet, k int) ([]eval.Bar, error) {
	if o.workers < 1 || o.workers > maxEvalWorkers {
		return nil, usagef("--workers must be from 1 to %d, not %d", maxEvalWorkers, o.workers)
	}
	if f := o.maxFalseAbstention; math.IsNaN(f) || f < 0 || f > 1 {
		return nil, usagef("--calibrate-max-false-abstention must be from 0 to 1, not %g", f)
	}
	if flags.Changed(hit5Flag) && k != 5 {
		return nil, usagef("--%s needs k=5, but k is %d: use --min-hitk", hit5Flag, k)
	}
	var bars []eval.Bar
	for _, g := range eval.Gates() {
		flag := g.Flag
		if g.Key == eval.KeyHitK && flags.Changed(hit5Flag) {
			flag = hit5Flag
		}
		if !flags.Changed(flag) {
			continue
		}
		limit := *o.bars[flag]
		if err := g.CheckLimit(limit); err != nil {
			return nil, usageError{err}
		}
		bars = append(bars, eval.Bar{Key: g.Key, Limit: limit})
	}
	return bars, nil
}

// loadFixtures reads and validates the fixture file against the corpus;
// path "" is the built-in set, which only fits the built-in corpus. Every
// problem goes to stderr on its own line; the error sums them up. It
// returns the fixtures and the name reports give them.
func (a *app) loadFixtures(ctx context.Context, path string) ([]eval.Fixture, string, error) {
	c, _, err := a.loadCorpus(ctx) // openIndex lists the skipped files
	if err != nil {
		return nil, "", err
	}
	var src io.Reader
	name := path
	if path == "" {
		if a.cfg.CorpusDir != "" {
			return nil, "", usagef("--fixtures is needed with your own corpus: the built-in questions are about the built-in articles")
		}
		src, name = bytes.NewReader(shipped.EvalFixtures()), shipped.EvalFixturesName
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", usagef("fixtures: %w", err)
		}
		defer f.Close()
		src = f
	}
	fixtures, err := eval.Load(src, name, c.Paragraphs())
	var fe *eval.FixtureError
	if errors.As(err, &fe) {
		for _, p := range fe.Problems {
			fmt.Fprintf(a.stderr, "footnote: %s %s\n", name, p)
		}
		return nil, "", usagef("%s: %d problem(s) in the fixtures; nothing was evaluated", name, len(fe.Problems))
	}
	return fixtures, name, err
}

func readReport(path string) (*eval.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("--compare: %w", err)}
	}
	defer f.Close()
	r, err := eval.ReadReport(f)
	if err != nil {
		return nil, usageError{fmt.Errorf("--compare %s: %w", path, err)}
	}
	return &r, nil
}

// writeEvalReport prints the report (table or JSON) and writes the HTML.
func (a *app) writeEvalReport(rep eval.Report, o evalOptions) error {
	if o.html != "" {
		var buf bytes.Buffer
		if err := eval.WriteHTML(&buf, rep); err != nil {
			return err
		}
		if err := writeFileAtomic(o.html, buf.Bytes()); err != nil {
			return fmt.Errorf("write HTML report: %w", err)
		}
	}
	if o.asJSON {
		return eval.WriteJSON(a.stdout, rep)
	}
	return eval.WriteText(a.stdout, rep)
}

// gateError fails, naming every metric that missed its bar; the report's
// verdict was built from the same shortfalls, so page and exit code agree.
func gateError(short []eval.Shortfall) error {
	if len(short) == 0 {
		return nil
	}
	msgs := make([]string, len(short))
	for i, s := range short {
		msgs[i] = s.String()
	}
	return fmt.Errorf("%d metric(s) missed the bar: %s", len(short), strings.Join(msgs, "; "))
}
