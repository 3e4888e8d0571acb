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
	t, err := template.New("report").Funcs(template.FuncMap{"ratio": fmtRatio, "change": fmtChange}).Parse(reportTemplate)
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
}

type metricRow struct {
	Metric
	// Width is the bar's filled width; Scaled says the bar is relative to
	// the largest metric of its unit rather than to 1.
	Width  float64
	Scaled bool
	Delta  *Delta
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
	for _, q := range r.Questions {
		v.Answerable += b2i(q.Answerable)
	}
	v.Rows = metricRows(r)
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

// metricRows sizes a bar per metric: ratios against 1, other units
// against the largest value of the same unit.
func metricRows(r Report) []metricRow {
	largest := map[string]float64{}
	for _, m := range r.Metrics {
		if m.Value != nil {
			largest[m.Unit] = math.Max(largest[m.Unit], *m.Value)
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
		row := metricRow{Metric: m, Delta: deltas[m.Key], Scaled: m.Unit != "ratio"}
		switch {
		case m.Value == nil:
		case m.Unit == "ratio":
			row.Width = barWidth * math.Min(1, math.Max(0, *m.Value))
		case largest[m.Unit] > 0:
			row.Width = barWidth * *m.Value / largest[m.Unit]
		}
		rows[i] = row
	}
	return rows
}

// histogram is a latency histogram drawn as SVG bars.
type histogram struct {
	Bars          []histBar
	Width, Height float64
	MaxMS         float64
	MaxCount      int
}

type histBar struct {
	X, Y, W, H float64
	Count      int
	From, To   float64
}

// newHistogram puts latencies into n equal bins from 0 to the slowest.
func newHistogram(rows []Row, n int) histogram {
	h := histogram{Width: 480, Height: 120}
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
	w := h.Width / float64(n)
	for i, c := range counts {
		height := (h.Height - 16) * float64(c) / float64(h.MaxCount)
		h.Bars = append(h.Bars, histBar{
			X: float64(i)*w + 1, W: w - 2, Y: h.Height - height, H: height, Count: c,
			From: h.MaxMS * float64(i) / float64(n), To: h.MaxMS * float64(i+1) / float64(n),
		})
	}
	return h
}
