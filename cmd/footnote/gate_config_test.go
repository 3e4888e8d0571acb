package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
)

func TestABrokenGateModelFileIsAOneLineUsageError(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{"a missing file", filepath.Join(dir, "absent.json"), "FOOTNOTE_GATE_MODEL: open"},
		{"not JSON", write("garbage.json", "{"), "gate model: unexpected EOF"},
		{"a signal without a weight", write("partial.json", `{"weights": {"coverage": 1}, "threshold": 0.5, "llm_threshold": 0.2}`), `no weight for signal`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := footnote(t, map[string]string{"FOOTNOTE_GATE_MODEL": tt.path}, "ask", "What does juche mean?")
			if code != 2 || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("exit %d, stderr %q: want exit 2 and one line containing %q", code, errOut, tt.want)
			}
		})
	}
}

func TestCalibrateWritesAGateModelThatAskThenUses(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gate.json")
	_, errOut, code := footnote(t, nil, "eval", "--fixtures", evalFixtures, "--calibrate", "--calibrate-without", "margin", "--calibrate-out", out)
	if code != 0 {
		t.Fatalf("eval --calibrate exited %d: %s", code, errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := answer.ParseGateModel(f)
	if err != nil {
		t.Fatalf("the written model does not read back: %v", err)
	}
	if m.Weights["margin"] != 0 || m.Weights["unknown_names"] >= 0 || m.LLMThreshold > m.Threshold {
		t.Errorf("model %+v: want margin left out, unknown names lowering the odds, llm_threshold ≤ threshold", m)
	}
	got, errOut, code := footnote(t, map[string]string{"FOOTNOTE_GATE_MODEL": out}, "ask", "What does juche mean?")
	if code != 0 || !strings.Contains(got, "self-reliance") {
		t.Errorf("ask with the fitted model: exit %d, %q %q", code, got, errOut)
	}
}
