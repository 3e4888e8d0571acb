package eval_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/eval"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestJSONRoundTrip(t *testing.T) {
	rep := sampleReport()
	var buf bytes.Buffer
	if err := eval.WriteJSON(&buf, rep); err != nil {
		t.Fatal(err)
	}
	back, err := eval.ReadReport(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Metrics, rep.Metrics) {
		t.Errorf("metrics after a round trip = %+v, want %+v", back.Metrics, rep.Metrics)
	}
	if len(back.Questions) != len(rep.Questions) || back.Questions[1].Why[0] != rep.Questions[1].Why[0] {
		t.Errorf("questions differ after a round trip")
	}
	c := eval.Compare(back, rep, "prev.json")
	for _, d := range c.Deltas {
		if d.Change != nil && *d.Change != 0 {
			t.Errorf("%s changed by %v comparing a report with itself", d.Key, *d.Change)
		}
	}
	if len(c.NowFailing)+len(c.NowPassing)+len(c.Added)+len(c.Removed) != 0 {
		t.Errorf("flips comparing a report with itself: %+v", c)
	}
}

func TestReadReportRejectsOtherJSON(t *testing.T) {
	tests := []struct{ name, in string }{
		{"an ask answer is not a report", `{"question": "q", "answer": "a"}`},
		{"a report from a newer footnote", `{"version": 99, "metrics": []}`},
		{"not JSON", `footnote eval`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := eval.ReadReport(strings.NewReader(tt.in)); err == nil {
				t.Error("ReadReport accepted it")
			}
		})
	}
}

func TestCompareFindsFlipsAndDeltas(t *testing.T) {
	prev := sampleReport()
	obs := sampleObservations()
	// q1 now abstains (pass → fail); q5 now abstains (fail → pass).
	for _, i := range []int{0, 4} {
		obs[i].Answer.Abstained, obs[i].Answer.Text, obs[i].Answer.Citations = true, "The corpus doesn't say.", nil
	}
	cur := eval.Score(obs, eval.Settings{Fixtures: "sample.jsonl", K: 2})
	c := eval.Compare(prev, cur, "prev.json")
	if ids(c.NowFailing) != "q1" || ids(c.NowPassing) != "q5" {
		t.Errorf("now failing %q, now passing %q; want q1 and q5", ids(c.NowFailing), ids(c.NowPassing))
	}
	for _, d := range c.Deltas {
		if d.Key == eval.KeyRefusalRecall && (!near(*d.Change, 0.5) || !d.Improved()) {
			t.Errorf("refusal recall change = %v, want +0.5 and better", *d.Change)
		}
		if d.Key == eval.KeyFalseAbstention && (!near(*d.Change, 1.0/3) || !d.Worsened()) {
			t.Errorf("false abstention change = %v, want +1/3 and worse", *d.Change)
		}
	}
}

func ids(flips []eval.Flip) string {
	var s []string
	for _, f := range flips {
		s = append(s, f.ID)
	}
	return strings.Join(s, ",")
}

func TestCheckBars(t *testing.T) {
	rep := sampleReport()
	tests := []struct {
		name string
		bars []eval.Bar
		want []string
	}{
		{"bars the run meets pass", []eval.Bar{{Key: eval.KeyHit1, Limit: 0.6}, {Key: eval.KeyLatencyP95, Limit: 10}}, nil},
		{"a bar exactly met passes", []eval.Bar{{Key: eval.KeyCitationHit, Limit: 0.5}}, nil},
		{"each missed bar is named", []eval.Bar{{Key: eval.KeyHitK, Limit: 0.9}, {Key: eval.KeyFalseAbstention, Limit: 0.05}},
			[]string{"hit@2 0.667 is below the bar 0.9", "false abstention 0.333 is above the bar 0.05"}},
		{"a metric without a value misses its bar", []eval.Bar{{Key: eval.KeyTokens, Limit: 1000}}, []string{"tokens has no value to hold to the bar 1000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			short, err := eval.CheckBars(rep, tt.bars)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range short {
				got = append(got, s.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("shortfalls = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGatesCoverEveryMetric(t *testing.T) {
	gated := map[string]bool{}
	for _, g := range eval.Gates() {
		gated[g.Key] = true
	}
	for _, m := range sampleReport().Metrics {
		if !gated[m.Key] {
			t.Errorf("metric %s has no --min/--max flag", m.Key)
		}
	}
}

func TestTextReportGolden(t *testing.T) {
	rep := sampleReport()
	c := eval.Calibrate(rep.Questions, 0.4, rep.Threshold)
	rep.Calibration = &c
	prev := sampleReport()
	prev.Metrics[0].Value = new(float64)
	prev.Questions[0].Pass, prev.Questions[0].Why = false, []string{"abstained on an answerable question"}
	cmp := eval.Compare(prev, rep, "prev.json")
	rep.Comparison = &cmp
	var buf bytes.Buffer
	if err := eval.WriteText(&buf, rep); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.golden.txt", buf.Bytes())
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff lists the lines that differ, numbered, as want/got pairs.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + "\n  want: " + wl + "\n  got:  " + gl + "\n")
		}
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
