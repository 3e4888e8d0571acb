package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	shipped "github.com/footnote-dev/footnote"
	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/eval"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// evalOptions are the flags of `footnote eval`.
type evalOptions struct {
	fixtures, html, compare string
	// calibrateOut is where --calibrate writes the fitted gate model.
	calibrateOut string
	// without names signals --calibrate fits the gate without.
	without            []string
	k, workers         int
	asJSON, calibrate  bool
	maxFalseAbstention float64
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
	f.StringVar(&o.fixtures, "fixtures", "", "fixture file, one JSON question per line; several, comma-separated, are read as one set; FILE@FOLDER asks FILE's questions of that folder of articles (default: the built-in "+shipped.EvalFixturesName+", for the built-in corpus)")
	kFlag(cmd, &o.k, "paragraphs each answer draws on, and the k of hit@k")
	f.IntVar(&o.workers, "workers", eval.DefaultWorkers, "questions answered at once")
	f.BoolVar(&o.asJSON, "json", false, "print the report as JSON: metrics and one row per question")
	f.StringVar(&o.html, "html", "", "also write a self-contained HTML report to this file")
	f.StringVar(&o.compare, "compare", "", "compare with an earlier --json report: change per metric, questions that flipped")
	f.BoolVar(&o.calibrate, "calibrate", false, "fit the answerability gate on these fixtures, sweep its threshold and report it at the best")
	f.StringVar(&o.calibrateOut, "calibrate-out", "", "--calibrate writes the fitted gate model to this file (use it with FOOTNOTE_GATE_MODEL)")
	f.StringSliceVar(&o.without, "calibrate-without", nil, "--calibrate fits the gate without these signals (for ablations): "+strings.Join(answer.SignalNames(), ", "))
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
	for flag, path := range map[string]string{"--html": o.html, "--calibrate-out": o.calibrateOut} {
		if path == "" {
			continue
		}
		if err := checkWritable(path); err != nil {
			return usagef("%s: %w", flag, err)
		}
	}
	groups, err := fixtureGroups(o.fixtures)
	if err != nil {
		return err
	}
	var prev *eval.Report
	if o.compare != "" {
		if prev, err = readReport(o.compare); err != nil {
			return err
		}
	}
	obs, eng, name, err := a.observe(ctx, groups, o)
	if err != nil {
		return err
	}
	mode := answer.Extractive
	if eng.Generator != nil {
		mode = answer.LLM
	}
	eng.Threshold = a.cfg.Threshold
	threshold, err := eng.ThresholdFor(mode)
	if err != nil {
		return err
	}
	settings := eval.Settings{Fixtures: name, K: eng.TopK(), Threshold: threshold, Workers: o.workers}
	var rep eval.Report
	if o.calibrate {
		if rep, err = a.calibrate(eng, obs, settings, o); err != nil {
			return err
		}
	} else {
		rep = eval.Score(obs, settings)
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

// minThreshold answers every question while --calibrate observes them.
const minThreshold = math.SmallestNonzeroFloat64

// maxEvalWorkers bounds --workers: answering is CPU-bound offline, and an LLM
// API rate-limits long before this many calls at once.
const maxEvalWorkers = 64

// calibrate fits a gate model on observations answered without
// abstaining, picks its thresholds, and scores the run as that model
// would have answered it; the current model's outcome is kept for
// comparison. It writes the model to --calibrate-out.
func (a *app) calibrate(eng *answer.Engine, obs []eval.Observation, s eval.Settings, o evalOptions) (eval.Report, error) {
	eng.Threshold = a.cfg.Threshold
	current, err := eng.ThresholdFor(answer.Extractive)
	if err != nil {
		return eval.Report{}, err
	}
	var base answer.GateModel // the configured model: eng's observed without its vetoes
	if a.cfg.Gate != nil {
		base = *a.cfg.Gate
	} else if base, err = answer.DefaultGateModel(); err != nil {
		return eval.Report{}, err
	}
	fitted, err := eval.FitGate(obs, o.without, base)
	if err != nil {
		return eval.Report{}, usageError{fmt.Errorf("--calibrate: %w", err)}
	}
	fitted, c := eval.PickThresholds(obs, fitted, o.maxFalseAbstention)
	cv, err := eval.CrossValidate(obs, o.without, base, o.maxFalseAbstention)
	if err != nil {
		return eval.Report{}, usageError{fmt.Errorf("--calibrate: %w", err)}
	}
	c.CrossValidation = &cv
	fitted.Comment = fmt.Sprintf("fitted by footnote eval --calibrate on %s", s.Fixtures)
	before := eval.Score(eval.Regate(obs, base.WithThreshold(current)), s)
	c.Current = eval.Calibrate(before.Questions, o.maxFalseAbstention, current).Current
	c.Model, c.Without = &fitted, o.without
	c.RiskCoverage = eval.RiskCoverage(eval.Score(eval.Regate(obs, fitted.WithThreshold(0)), s).Questions,
		[]float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, fitted.Threshold})
	s.Threshold = fitted.Threshold
	rep := eval.Score(eval.Regate(obs, fitted), s)
	rep.Calibration = &c
	if o.calibrateOut != "" {
		if err := writeGateModel(o.calibrateOut, fitted); err != nil {
			return eval.Report{}, err
		}
	}
	return rep, nil
}

func writeGateModel(path string, m answer.GateModel) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("--calibrate-out: %w", err)
	}
	if err := writeFileAtomic(path, append(b, '\n')); err != nil {
		return fmt.Errorf("--calibrate-out: %w", err)
	}
	return nil
}

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

// loadFixtureFiles loads each of a comma-separated list of fixture files
// as one set — the gate is calibrated on more questions than one split
// holds — and refuses an id two files share: a report's rows are keyed by
// it.
func (a *app) loadFixtureFiles(ctx context.Context, paths string) ([]eval.Fixture, string, error) {
	if !strings.Contains(paths, ",") {
		return a.loadFixtures(ctx, paths)
	}
	var all []eval.Fixture
	var names []string
	from := map[string]string{}
	for _, p := range strings.Split(paths, ",") {
		if p = strings.TrimSpace(p); p == "" {
			return nil, "", usagef("--fixtures %q: an empty file name in the list", paths)
		}
		fs, name, err := a.loadFixtures(ctx, p)
		if err != nil {
			return nil, "", err
		}
		for _, f := range fs {
			if first, dup := from[f.ID]; dup {
				return nil, "", usagef("fixtures: id %q is in both %s and %s", f.ID, first, name)
			}
			from[f.ID] = name
		}
		all, names = append(all, fs...), append(names, name)
	}
	return all, strings.Join(names, "+"), nil
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
