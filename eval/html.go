package eval

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/footnote-dev/footnote/answer"
)

//go:embed report.html.tmpl
var reportTemplate string

// WriteHTML writes the report as one self-contained HTML file: styles
// inline, charts as inline SVG, no scripts, fonts or links to fetch.
func WriteHTML(w io.Writer, r Report) error {
	t, err := template.New("report").Funcs(template.FuncMap{
		"ratio": fmtRatio, "change": fmtChange,
		"add":   func(a, b float64) float64 { return a + b },
		"sub":   func(a, b float64) float64 { return a - b },
		"div":   func(a, b float64) float64 { return a / b },
		"noise": func() string { return fmt.Sprintf("%.0f%% or %.0f ms", 100*latencyNoiseShare, latencyNoiseMS) },
	}).Parse(reportTemplate)
	if err != nil {
		return fmt.Errorf("parse HTML template: %w", err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, newHTMLView(r)); err != nil {
		return fmt.Errorf("render HTML report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return nil
}

// barWidth is the width in pixels of a full metric bar.
const barWidth = 160

// htmlView is what the template renders.
type htmlView struct {
	Report
	Answerable, Failed int
	Rows               []metricRow
	Histogram          histogram
	Questions          []questionView
	// Verdict is the report's verdict; without one (a report built by
	// hand), the default targets are shown, ungated.
	Verdict Verdict
}

type metricRow struct {
	Metric
	// Width is the bar's filled width, TargetX the target's position on
	// it, both on the row's scale: 0 to 1 for ratios, 0 to ScaleMax for
	// other units (ScaleLabel says so).
	Width, TargetX float64
	ScaleLabel     string
	Target         *Target
	TargetText     string
	Delta          *Delta
}

// Status is "pass", "fail" (a bar missed), "short" (a default target
// missed, which fails nothing) or "" (no target) for the row's metric.
func (r metricRow) Status() string {
	switch {
	case r.Target == nil:
		return ""
	case r.Target.Met:
		return "pass"
	case r.Target.Gate:
		return "fail"
	}
	return "short"
}

type questionView struct {
	Row
	Cited []citedView
	// Signals is the gate's per-signal breakdown, "unknown_names 1.00 · …".
	Signals string
}

type citedView struct {
	Cited
	Segments []Segment
}

func newHTMLView(r Report) htmlView {
	v := htmlView{Report: r, Failed: len(r.Failures()), Histogram: newHistogram(r.Questions, 12)}
	if r.Verdict != nil {
		v.Verdict = *r.Verdict
	} else if verdict, _, err := Hold(r, nil); err == nil {
		v.Verdict = verdict
	}
	for _, q := range r.Questions {
		v.Answerable += b2i(q.Answerable)
	}
	v.Rows = metricRows(r, v.Verdict, v.Histogram.MaxMS)
	for _, q := range r.Questions {
		qv := questionView{Row: q, Signals: signalsLine(q.Gate)}
		for _, c := range q.Citations {
			qv.Cited = append(qv.Cited, citedView{c, Highlight(c.Text, q.EvidenceQuotes)})
		}
		v.Questions = append(v.Questions, qv)
	}
	sort.SliceStable(v.Questions, func(i, j int) bool { return !v.Questions[i].Pass && v.Questions[j].Pass })
	return v
}

// signalsLine lists the gate's signals for one question; "" without a gate.
func signalsLine(g *answer.Gate) string {
	if g == nil {
		return ""
	}
	names, values := answer.SignalNames(), g.Signals.Values()
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %.2f", n, values[i])
	}
	return fmt.Sprintf("threshold %.3f · %s", g.Threshold, strings.Join(parts, " · "))
}

// metricRows sizes a bar per metric and places its target: ratios on 0
// to 1; other units on a scale of their own from 0 to a round number
// above the largest figure or target of that unit (for latency, above
// the slowest question), so p95 is not always a full bar.
func metricRows(r Report, v Verdict, slowestMS float64) []metricRow {
	largest := map[string]float64{"ms": slowestMS}
	for _, m := range r.Metrics {
		if m.Value != nil {
			largest[m.Unit] = math.Max(largest[m.Unit], *m.Value)
		}
		if t, ok := v.Target(m.Key); ok {
			largest[m.Unit] = math.Max(largest[m.Unit], t.Limit)
		}
	}
	deltas := map[string]*Delta{}
	if r.Comparison != nil {
		for i, d := range r.Comparison.Deltas {
			deltas[d.Key] = &r.Comparison.Deltas[i]
		}
	}
	rows := make([]metricRow, len(r.Metrics))
	for i, m := range r.Metrics {
		row := metricRow{Metric: m, Delta: deltas[m.Key]}
		scale := 1.0
		if m.Unit != "ratio" {
			scale = niceCeil(largest[m.Unit])
			row.ScaleLabel = "0–" + Metric{Value: &scale, Unit: m.Unit}.Format()
		}
		if t, ok := v.Target(m.Key); ok {
			row.Target, row.TargetText = &t, t.Describe(m.Unit)
			row.TargetX = barWidth * math.Min(1, t.Limit/scale)
		}
		if m.Value != nil {
			row.Width = barWidth * math.Min(1, math.Max(0, *m.Value/scale))
		}
		rows[i] = row
	}
	return rows
}

// niceCeil rounds x up to 1, 2 or 5 times a power of ten (at least 1).
func niceCeil(x float64) float64 {
	if x <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{1, 2, 5, 10} {
		if x <= f*p {
			return f * p
		}
	}
	return 10 * p
}

// histogram is a latency histogram drawn as SVG bars in a plot area with
// labelled axes: latency in ms along x, questions along y.
type histogram struct {
	Bars          []histBar
	Width, Height float64
	// Left, Right and Bottom are the margins the axis labels take.
	Left, Right, Bottom float64
	MaxMS               float64
	MaxCount            int
	XTicks              []tick
	YTicks              []tick
}

type histBar struct {
	X, Y, W, H float64
	Count      int
	From, To   float64
}

type tick struct {
	Pos   float64
	Label string
}

// newHistogram puts latencies into n equal bins from 0 to the slowest.
func newHistogram(rows []Row, n int) histogram {
	h := histogram{Width: 540, Height: 170, Left: 40, Right: 20, Bottom: 36}
	for _, r := range rows {
		h.MaxMS = math.Max(h.MaxMS, r.LatencyMS)
	}
	if len(rows) == 0 || h.MaxMS == 0 {
		return h
	}
	counts := make([]int, n)
	for _, r := range rows {
		counts[min(n-1, int(r.LatencyMS/h.MaxMS*float64(n)))]++
	}
	for _, c := range counts {
		h.MaxCount = max(h.MaxCount, c)
	}
	plotW, plotH := h.Width-h.Left-h.Right, h.Height-h.Bottom-14
	w := plotW / float64(n)
	for i, c := range counts {
		height := plotH * float64(c) / float64(h.MaxCount)
		h.Bars = append(h.Bars, histBar{
			X: h.Left + float64(i)*w + 1, W: w - 2, Y: h.Height - h.Bottom - height, H: height, Count: c,
			From: h.MaxMS * float64(i) / float64(n), To: h.MaxMS * float64(i+1) / float64(n),
		})
	}
	for i := 0; i <= 4; i++ {
		ms := h.MaxMS * float64(i) / 4
		h.XTicks = append(h.XTicks, tick{Pos: h.Left + plotW*float64(i)/4, Label: fmt.Sprintf("%.1f", ms)})
	}
	h.YTicks = []tick{{Pos: h.Height - h.Bottom, Label: "0"}, {Pos: h.Height - h.Bottom - plotH, Label: fmt.Sprint(h.MaxCount)}}
	return h
}
