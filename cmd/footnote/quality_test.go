package main

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/eval"
)

// qualityBars are eval.DefaultTargets as flags: the figures the offline
// default reaches on testdata/eval.jsonl, each set about one question
// below. .ci/run applies the same bars (TestCIRunAppliesTheDefaultTargets).
func qualityBars() []string {
	flags := map[string]string{}
	for _, g := range eval.Gates() {
		flags[g.Key] = g.Flag
	}
	var args []string
	for _, b := range eval.DefaultTargets() {
		args = append(args, "--"+flags[b.Key], strconv.FormatFloat(b.Limit, 'f', -1, 64))
	}
	return args
}

// TestOfflineQualityOnTheFixturesHoldsItsBars runs the built-in fixture
// set from a folder without testdata/, as an installed footnote would, so
// it also checks that the set embedded in the binary is the whole of
// testdata/eval.jsonl.
func TestOfflineQualityOnTheFixturesHoldsItsBars(t *testing.T) {
	file, err := os.ReadFile("../../testdata/eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	questions := strings.Count(strings.TrimSpace(string(file)), "\n") + 1
	t.Chdir(t.TempDir())
	args := append([]string{"eval"}, qualityBars()...)
	out, errOut, code := footnote(t, nil, args...)
	if code != 0 {
		t.Fatalf("footnote eval exited %d:\n%s\n%s", code, errOut, firstLines(out, 24))
	}
	if want := fmt.Sprintf("testdata/eval.jsonl · %d questions", questions); !strings.Contains(out, want) {
		t.Errorf("report does not say %q:\n%s", want, firstLines(out, 3))
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TestCIRunAppliesTheDefaultTargets keeps the bars of .ci/run's eval gate
// the same as eval.DefaultTargets, which the report draws and this
// package's quality test applies.
func TestCIRunAppliesTheDefaultTargets(t *testing.T) {
	script, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	bars := qualityBars()
	for i := 0; i < len(bars); i += 2 {
		want[bars[i]] = bars[i+1]
	}
	got := map[string]string{}
	for _, m := range regexp.MustCompile(`(--(?:min|max)-[a-z0-9-]+) ([0-9.]+)`).FindAllStringSubmatch(string(script), -1) {
		got[m[1]] = strings.TrimRight(strings.TrimRight(m[2], "0"), ".")
	}
	if got["--min-hit5"] != "" { // .ci/run spells hit@k at k=5 as --min-hit5
		got["--min-hitk"] = got["--min-hit5"]
		delete(got, "--min-hit5")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf(".ci/run gates on\n  %v\nbut the default targets are\n  %v", got, want)
	}
}
