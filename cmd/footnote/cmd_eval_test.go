package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/eval"
)

const evalFixtures = "../../testdata/eval.jsonl"

// fixtureFile writes lines to a fixture file in a temporary folder.
func fixtureFile(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixtures.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// someFixtures returns a few lines of the project's fixture set: two
// answerable questions and the last, unanswerable, one.
func someFixtures(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(evalFixtures)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	return []string{lines[0], lines[2], lines[len(lines)-1]}
}

func TestEvalRunsTheFixtureSet(t *testing.T) {
	out, errOut, code := footnote(t, nil, "eval", "--fixtures", evalFixtures, "--calibrate")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"96 questions (54 answerable, 42 unanswerable)", "hit@5", "MRR@10", "refusal F1", "tokens              —", "Calibration:",
		"Fitted gate", "unknown_names", "Risk–coverage", "FOOTNOTE_GATE_MODEL="} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalReportsEveryFixtureProblemAndEvaluatesNothing(t *testing.T) {
	good := someFixtures(t)
	path := fixtureFile(t,
		good[0],
		`{"id": "q02", "question": "Who?", "answerable": "yes", "answer_keywords": [], "evidence": []}`,
		`{"id": "q03", "question": "What did Kim say?", "answerable": true, "answer_keywords": [["x"]], "evidence": ["words that appear nowhere at all"]}`,
		`{"id": "q04", "question": "broken"`,
		strings.Replace(good[1], `"q03"`, `"q01"`, 1),
	)
	out, errOut, code := footnote(t, nil, "eval", "--fixtures", path)
	if code != 2 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing evaluated", code, out)
	}
	for _, want := range []string{
		`line 2: field "answerable": want true or false, got a string "yes"`,
		`line 3: field "evidence[0]": quote "words that appear nowhere at all" occurs in no paragraph`,
		`line 4: malformed JSON`,
		`line 5: field "id": duplicate id "q01" (first used on line 1)`,
		`4 problem(s) in the fixtures; nothing was evaluated`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestEvalJSONHTMLAndCompareRoundTrip(t *testing.T) {
	path := fixtureFile(t, someFixtures(t)...)
	out, errOut, code := footnote(t, nil, "eval", "--fixtures", path, "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var first eval.Report
	if err := json.Unmarshal([]byte(out), &first); err != nil {
		t.Fatalf("--json output: %v", err)
	}
	if len(first.Questions) != 3 || len(first.Metrics) == 0 || first.Questions[0].Retrieved == nil {
		t.Fatalf("report = %d questions, %d metrics", len(first.Questions), len(first.Metrics))
	}
	for _, key := range []string{`"question"`, `"answer"`, `"abstained"`, `"citations"`, `"retrieved"`, `"hit_rank"`, `"keywords"`, `"latency_ms"`, `"why_failed"`} {
		if !strings.Contains(out, key) {
			t.Errorf("--json rows lack %s", key)
		}
	}
	prev := filepath.Join(t.TempDir(), "prev.json")
	if err := os.WriteFile(prev, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "report.html")
	out, errOut, code = footnote(t, nil, "eval", "--fixtures", path, "--compare", prev, "--html", page)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Compared with "+prev) || !strings.Contains(out, "Now failing: 0\nNow passing: 0") {
		t.Errorf("comparing a run with itself shows flips:\n%s", out)
	}
	if regexp.MustCompile(`(?m)^  (hit@|keyword|citation|refusal).*(better|worse)$`).MatchString(out) {
		t.Errorf("a quality metric changed between identical runs:\n%s", out)
	}
	html, err := os.ReadFile(page)
	if err != nil || !bytes.Contains(html, []byte(`<table id="metrics">`)) {
		t.Errorf("HTML report missing or without metrics: %v", err)
	}
}

func TestEvalGatesNameEveryMetricBelowItsBar(t *testing.T) {
	path := fixtureFile(t, someFixtures(t)...)
	_, errOut, code := footnote(t, nil, "eval", "--fixtures", path, "--min-hit1", "0", "--max-false-abstention", "1")
	if code != 0 {
		t.Fatalf("bars every run meets: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = footnote(t, nil, "eval", "--fixtures", path, "--max-latency-p95", "0", "--max-latency-p50", "0", "--min-hit1", "0")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"2 metric(s) missed the bar", "latency p95", "is above the bar 0"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %s", want, errOut)
		}
	}
}

func TestEvalNeedsFixturesForTheUsersOwnCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The harbour of Nampo froze in January.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := footnote(t, map[string]string{"FOOTNOTE_CORPUS_DIR": dir}, "eval")
	if code != 2 || !strings.Contains(errOut, "--fixtures is needed with your own corpus") {
		t.Errorf("exit %d, stderr %q; want 2 and a request for --fixtures", code, errOut)
	}
}

func TestEvalReadsSeveralFixtureFilesAsOneSet(t *testing.T) {
	lines := someFixtures(t)
	a, b := fixtureFile(t, lines[:2]...), fixtureFile(t, lines[2:]...)
	out, errOut, code := footnote(t, nil, "eval", "--fixtures", a+","+b)
	if code != 0 || !strings.Contains(out, "3 questions (2 answerable, 1 unanswerable)") || !strings.Contains(out, a+"+"+b) {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant the three questions of both files, named together", code, errOut, out)
	}
}

func TestEvalAsksEachFixtureFileOfItsOwnCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The harbour of Nampo froze in January, and the ferries stopped for six weeks.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	own := fixtureFile(t, `{"id": "own1", "question": "How long did the Nampo ferries stop?", "answerable": true, "answer_keywords": [["six weeks"]], "evidence": ["the ferries stopped for six weeks"]}`)
	builtin := fixtureFile(t, someFixtures(t)...)
	// Each corpus gets its index in its own folder of the user cache.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out, errOut, code := footnote(t, map[string]string{"FOOTNOTE_INDEX_DIR": ""}, "eval", "--fixtures", builtin+","+own+"@"+dir)
	if code != 0 || !strings.Contains(out, "4 questions (3 answerable, 1 unanswerable)") || !strings.Contains(out, own+"@"+dir) {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant the built-in questions and the one about the folder, named together", code, errOut, out)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	path := fixtureFile(t, someFixtures(t)...)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"k below 1", []string{"-k", "0"}, "-k must be from 1 to 50, not 0"},
		{"k above the limit", []string{"-k", "51"}, "-k must be from 1 to 50, not 51"},
		{"a ratio bar above 1", []string{"--min-hit1", "1.5"}, "--min-hit1 is a share from 0 to 1, not 1.5"},
		{"a bar that is not a number", []string{"--min-mrr", "NaN"}, "--min-mrr must be a number, not NaN"},
		{"a negative count bar", []string{"--max-dropped", "-1"}, "--max-dropped must be at least 0, not -1"},
		{"an infinite latency bar", []string{"--max-latency-p95", "+Inf"}, "--max-latency-p95 must be a number"},
		{"a calibration bound that is not a number", []string{"--calibrate-max-false-abstention", "NaN"}, "must be from 0 to 1, not NaN"},
		{"an HTML report in a folder that does not exist", []string{"--html", "no/such/folder/report.html"}, "--html: cannot write no/such/folder/report.html"},
		{"an HTML report path that is a folder", []string{"--html", "."}, "--html: . is a folder"},
		{"a gate model in a folder that does not exist", []string{"--calibrate", "--calibrate-out", "no/such/gate.json"}, "--calibrate-out: cannot write no/such/gate.json"},
		{"min-hit5 with another k", []string{"-k", "3", "--min-hit5", "0.9"}, "use --min-hitk"},
		{"no fixture file", []string{"--fixtures", "no/such.jsonl"}, "fixtures: open no/such.jsonl"},
		{"two fixture files that share an id", []string{"--fixtures", path + "," + path}, "is in both"},
		{"a list of fixture files with an empty name", []string{"--fixtures", path + ","}, "an empty file name in the list"},
		{"a list naming a file that does not exist", []string{"--fixtures", path + ",no/such.jsonl"}, "fixtures: open no/such.jsonl"},
		{"a compare file that is not a report", []string{"--compare", path}, "not a `footnote eval --json` report"},
		{"zero workers", []string{"--workers", "0"}, "--workers must be from 1 to 64, not 0"},
		{"a corpus folder without a file", []string{"--fixtures", "@testdata"}, "write FILE@FOLDER, both named"},
		{"a file without its corpus folder", []string{"--fixtures", path + "@"}, "write FILE@FOLDER, both named"},
		{"a fixture file on its own corpus with one index for all", []string{"--index", t.TempDir(), "--fixtures", path + "," + path + "@" + t.TempDir()}, "leave --index and FOOTNOTE_INDEX_DIR unset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"eval", "--fixtures", path}, tt.args...)
			_, errOut, code := footnote(t, nil, args...)
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
		})
	}
}

func TestEvalVerdictMatchesTheExitCode(t *testing.T) {
	path := fixtureFile(t, someFixtures(t)...)
	tests := []struct {
		name string
		bars []string
		code int
		pass bool
	}{
		{"bars every run meets", []string{"--min-hit1", "0"}, 0, true},
		{"a bar no run meets", []string{"--max-latency-p95", "0"}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := filepath.Join(t.TempDir(), "report.html")
			args := append([]string{"eval", "--fixtures", path, "--json", "--html", page}, tt.bars...)
			out, errOut, code := footnote(t, nil, args...)
			var rep eval.Report
			if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Verdict == nil {
				t.Fatalf("no verdict in the JSON report (%v): %s", err, errOut)
			}
			if code != tt.code || rep.Verdict.Pass != tt.pass || !rep.Verdict.Gated {
				t.Errorf("exit %d, verdict %+v; want exit %d and pass %v", code, *rep.Verdict, tt.code, tt.pass)
			}
			html, err := os.ReadFile(page)
			if err != nil || !strings.Contains(string(html), rep.Verdict.Summary()) {
				t.Errorf("the HTML report does not lead with %q (%v)", rep.Verdict.Summary(), err)
			}
		})
	}
}

func TestEvalCompareWarnsAcrossFixtureSets(t *testing.T) {
	lines := someFixtures(t)
	out, _, code := footnote(t, nil, "eval", "--fixtures", fixtureFile(t, lines[:2]...), "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	prev := filepath.Join(t.TempDir(), "prev.json")
	if err := os.WriteFile(prev, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := footnote(t, nil, "eval", "--fixtures", fixtureFile(t, lines...), "--compare", prev)
	if code != 0 || !strings.Contains(errOut, "--compare: the fixture sets differ") || !strings.Contains(out, "WARNING: the fixture sets differ") {
		t.Errorf("exit %d, stderr %q; want a warning on stderr and in the report:\n%s", code, errOut, out)
	}
}
