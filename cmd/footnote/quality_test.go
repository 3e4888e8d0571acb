package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// qualityBars are the figures the offline default reaches on
// testdata/eval.jsonl, each set about one question below: a regression
// of two questions on any metric fails the build. Raise them as quality
// improves; never lower them to get green. .ci/run applies the same bars.
var qualityBars = []string{
	"--min-hit1", "0.70",
	"--min-hit5", "0.92",
	"--min-mrr", "0.80",
	"--min-ndcg", "0.83",
	"--min-keywords", "0.87",
	"--min-citation-hit", "0.88",
	"--min-citation-precision", "0.56",
	"--min-refusal-recall", "0.25",
	"--max-false-abstention", "0.02",
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
	args := append([]string{"eval"}, qualityBars...)
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
