package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/footnote-dev/footnote/internal/clip"

	"github.com/footnote-dev/footnote/answer"
)

// WriteText writes the report as a terminal table: a header line, the
// metrics by group, then every failing question with the reasons, and the
// calibration and comparison when present.
func WriteText(w io.Writer, r Report) error {
	ew := &errWriter{w: w}
	writeHeader(ew, r)
	writeMetrics(ew, r.Metrics)
	writeKinds(ew, r.Questions)
	writeFailures(ew, r)
	if r.Calibration != nil {
		writeCalibration(ew, *r.Calibration, r.Threshold)
	}
	if r.Comparison != nil {
		writeComparison(ew, *r.Comparison)
	}
	if ew.err != nil {
		return fmt.Errorf("write report: %w", ew.err)
	}
	return nil
}

func writeHeader(w io.Writer, r Report) {
	answerable := 0
	for _, q := range r.Questions {
		answerable += b2i(q.Answerable)
	}
	fmt.Fprintf(w, "footnote eval · %s · %d questions (%d answerable, %d unanswerable)\n",
		r.Fixtures, len(r.Questions), answerable, len(r.Questions)-answerable)
	fmt.Fprintf(w, "mode %s · k=%d · threshold %g · %d workers\n", r.Mode, r.K, r.Threshold, r.Workers)
	if r.Verdict != nil {
		fmt.Fprintf(w, "%s\n", r.Verdict.Summary())
	}
	fmt.Fprintln(w)
}

func writeMetrics(w io.Writer, metrics []Metric) {
	tw := newTable(w)
	group := ""
	for _, m := range metrics {
		if m.Group != group {
			group = m.Group
			fmt.Fprintf(tw, "%s\t\t\t\n", group)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t\n", m.Name, m.Format(), m.Counts())
	}
	tw.Flush()
}

// writeKinds shows refusal recall per kind of unanswerable question,
// when the fixtures label them.
func writeKinds(w io.Writer, rows []Row) {
	caught, total := map[string]int{}, map[string]int{}
	for _, q := range rows {
		if !q.Answerable && q.Kind != "" {
			total[q.Kind]++
			caught[q.Kind] += b2i(q.Abstained)
		}
	}
	if len(total) == 0 {
		return
	}
	fmt.Fprintf(w, "Refusal recall by kind\n")
	tw := newTable(w)
	for _, k := range Kinds {
		if total[k] > 0 {
			fmt.Fprintf(tw, "  %s\t%.3f\t%d/%d\t\n", k, float64(caught[k])/float64(total[k]), caught[k], total[k])
		}
	}
	tw.Flush()
}

func writeFailures(w io.Writer, r Report) {
	failed := r.Failures()
	fmt.Fprintf(w, "\nFailures: %d of %d questions\n", len(failed), len(r.Questions))
	for _, q := range failed {
		fmt.Fprintf(w, "  %-5s %s\n", q.ID, clip.Runes(q.Question, 90))
		for _, why := range q.Why {
			fmt.Fprintf(w, "        - %s\n", why)
		}
	}
}

func writeCalibration(w io.Writer, c Calibration, current float64) {
	what := "the evidence score"
	if c.Model != nil {
		what = "the fitted gate's probability"
	}
	fmt.Fprintf(w, "\nCalibration: abstain when %s is below the threshold; false abstention ≤ %g\n", what, c.MaxFalseAbstention)
	tw := newTable(w)
	fmt.Fprintf(tw, "  \tthreshold\trefusal F1\tprecision\trecall\tfalse abstention\t\n")
	if c.Model != nil {
		current = c.Current.Threshold // the model the run started with
	}
	fmt.Fprintf(tw, "  current\t%g\t%s\t%s\t%s\t%s\t\n", current, fmtRatio(c.Current.F1), fmtRatio(c.Current.Precision), fmtRatio(c.Current.Recall), fmtRatio(c.Current.FalseAbstention))
	if c.Best != nil {
		b := c.Best
		fmt.Fprintf(tw, "  best\t%g\t%s\t%s\t%s\t%s\t\n", b.Threshold, fmtRatio(b.F1), fmtRatio(b.Precision), fmtRatio(b.Recall), fmtRatio(b.FalseAbstention))
	}
	tw.Flush()
	if c.Best == nil {
		fmt.Fprintf(w, "No threshold keeps false abstention at or below %g on these fixtures.\n", c.MaxFalseAbstention)
		return
	}
	if c.Model != nil {
		fmt.Fprintf(w, "Any threshold in (%.4g, %.4g] gives the same outcome.\n", c.Best.Low, c.Best.High)
		writeModel(w, c)
		return
	}
	fmt.Fprintf(w, "Any threshold in (%.4g, %.4g] gives the same outcome. To use it, add to .env (or the environment):\n", c.Best.Low, c.Best.High)
	fmt.Fprintf(w, "  FOOTNOTE_THRESHOLD=%g\n", c.Best.Threshold)
	fmt.Fprintln(w, "`footnote ask`, the bot and `footnote eval` then all abstain below it.")
}

// writeModel prints the fitted gate's weights and risk–coverage curve.
func writeModel(w io.Writer, c Calibration) {
	m := c.Model
	fmt.Fprintf(w, "\nFitted gate (logistic regression; metrics above are at its threshold %g", m.Threshold)
	if len(c.Without) > 0 {
		fmt.Fprintf(w, "; without %s", strings.Join(c.Without, ", "))
	}
	fmt.Fprintf(w, ")\n")
	tw := newTable(w)
	fmt.Fprintf(tw, "  bias\t%+.3f\t\n", m.Bias)
	for _, n := range answer.SignalNames() {
		fmt.Fprintf(tw, "  %s\t%+.3f\t\n", n, m.Weights[n])
	}
	fmt.Fprintf(tw, "  llm_threshold\t%g\t\n", m.LLMThreshold)
	tw.Flush()
	if cv := c.CrossValidation; cv != nil {
		fmt.Fprintf(w, "\nCross-validated (%d folds: each fold judged by a gate fitted on the others)\n", cv.Folds)
		fmt.Fprintf(w, "  refusal recall    %.3f  %d/%d\n", cv.RefusalRecall, cv.Refused, cv.Unanswerable)
		fmt.Fprintf(w, "  false abstention  %.3f  %d/%d\n", cv.FalseAbstention, cv.Abstained, cv.Answerable)
		fmt.Fprintf(w, "  AUC               %.3f  (answerable above unanswerable, held-out probabilities)\n", cv.AUC)
	}
	fmt.Fprintf(w, "\nRisk–coverage (answered share, and the share of those answers that are wrong)\n")
	tw = newTable(w)
	fmt.Fprintf(tw, "  threshold\tcoverage\trisk\tfalse abstention\t\n")
	for _, p := range c.RiskCoverage {
		fmt.Fprintf(tw, "  %.2f\t%.3f\t%.3f\t%.3f\t\n", p.Threshold, p.Coverage, p.Risk, p.FalseAbstention)
	}
	tw.Flush()
	fmt.Fprintln(w, "Save it with --calibrate-out gate.json, then set FOOTNOTE_GATE_MODEL=gate.json (in .env or the")
	fmt.Fprintln(w, "environment): `footnote ask`, the bot and `footnote eval` then all use it.")
}

func writeComparison(w io.Writer, c Comparison) {
	fmt.Fprintf(w, "\nCompared with %s\n", c.Previous)
	if c.FixturesDiffer {
		fmt.Fprintf(w, "WARNING: %s\n", c.FixturesNote)
	}
	tw := newTable(w)
	fmt.Fprintf(tw, "  metric\tbefore\tafter\tchange\t\n")
	for _, d := range c.Deltas {
		m := Metric{Unit: d.Unit}
		before, after := m, m
		before.Value, after.Value = d.Before, d.After
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t\n", d.Name, before.Format(), after.Format(), fmtChange(d))
	}
	tw.Flush()
	writeFlips(w, "Now failing", c.NowFailing)
	writeFlips(w, "Now passing", c.NowPassing)
	if len(c.Added)+len(c.Removed) > 0 {
		fmt.Fprintf(w, "New questions: %s; removed: %s\n", listOrNone(c.Added), listOrNone(c.Removed))
	}
}

func writeFlips(w io.Writer, title string, flips []Flip) {
	fmt.Fprintf(w, "%s: %d\n", title, len(flips))
	for _, f := range flips {
		why := " — now passes"
		if len(f.WasWhy) > 0 {
			why += " (before: " + strings.Join(f.WasWhy, "; ") + ")"
		}
		if !f.Pass {
			why = " — " + strings.Join(f.Why, "; ")
		}
		fmt.Fprintf(w, "  %-5s %s%s\n", f.ID, clip.Runes(f.Question, 70), why)
	}
}

func fmtRatio(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.3f", *v)
}

// fmtChange renders a delta with its sign and a word for its direction.
func fmtChange(d Delta) string {
	if d.Change == nil {
		return "—"
	}
	if *d.Change == 0 {
		return "="
	}
	s := fmt.Sprintf("%+.3f", *d.Change)
	if d.Unit == "ms" {
		s = fmt.Sprintf("%+.1f ms", *d.Change)
	} else if d.Unit != "ratio" {
		s = fmt.Sprintf("%+.0f", *d.Change)
	}
	switch {
	case d.WithinNoise:
		return s + " (noise)"
	case d.Improved():
		return s + " better"
	}
	return s + " worse"
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// table aligns tab-separated cells and, on Flush, writes the lines
// without the padding tabwriter leaves at their ends.
type table struct {
	*tabwriter.Writer
	buf strings.Builder
	out io.Writer
}

func newTable(w io.Writer) *table {
	t := &table{out: w}
	t.Writer = tabwriter.NewWriter(&t.buf, 0, 0, 2, ' ', 0)
	return t
}

// Flush writes the aligned lines.
func (t *table) Flush() {
	_ = t.Writer.Flush() // into a strings.Builder, which cannot fail
	for _, line := range strings.SplitAfter(t.buf.String(), "\n") {
		// t.out keeps its first error (errWriter); WriteText returns it.
		_, _ = io.WriteString(t.out, strings.TrimRight(line, " \n")+strings.Repeat("\n", strings.Count(line, "\n")))
	}
	t.buf.Reset()
}

// errWriter remembers the first write error so report code can print
// freely and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, nil
}
