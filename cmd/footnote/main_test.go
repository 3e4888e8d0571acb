package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// footnote runs the CLI in-process with a private index folder and the
// given environment, returning stdout, stderr and the exit code.
func footnote(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["FOOTNOTE_INDEX_DIR"]; !ok {
		env["FOOTNOTE_INDEX_DIR"] = filepath.Join(t.TempDir(), "index")
	}
	var stdout, stderr bytes.Buffer
	var environ []string
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	err := run(context.Background(), args, &stdout, &stderr, environ)
	code := exitCode(err, &stderr)
	return stdout.String(), stderr.String(), code
}

func TestAskPrintsAnAnswerWithSources(t *testing.T) {
	out, errOut, code := footnote(t, nil, "ask", "Why did Kim Jong Un skip the Victory Day parade in Moscow?")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"[1]", "\nSources\n[1] ", "¶", "declined Putin’s invitation"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// keys returns the sorted keys of a JSON object.
func keys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("not a JSON object: %s", raw)
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var (
	resultKeys   = []string{"doc", "paragraph", "rank", "score", "text", "title"}
	citationKeys = []string{"doc", "n", "paragraph", "text", "title"}
	// sourceKeys are optional: present only when the article states them.
	sourceKeys = []string{"author", "date", "page", "part", "publisher", "url"}
)

// checkKeys fails unless raw has every required key and no key but those
// and the optional ones.
func checkKeys(t *testing.T, what string, raw json.RawMessage, required, optional []string) {
	t.Helper()
	got := keys(t, raw)
	for _, k := range required {
		if !contains(got, k) {
			t.Errorf("%s lacks %q (has %v)", what, k, got)
		}
	}
	for _, k := range got {
		if !contains(required, k) && !contains(optional, k) {
			t.Errorf("%s has unknown key %q", what, k)
		}
	}
}

func TestAskJSONKeepsTheContract(t *testing.T) {
	out, _, code := footnote(t, nil, "ask", "--json", "What does juche mean?")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var a struct {
		Question  string            `json:"question"`
		Answer    string            `json:"answer"`
		Abstained bool              `json:"abstained"`
		Mode      string            `json:"mode"`
		Citations []json.RawMessage `json:"citations"`
		Retrieved []json.RawMessage `json:"retrieved"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	got := keys(t, json.RawMessage(out))
	for _, k := range []string{"abstained", "answer", "citations", "mode", "question", "retrieved"} {
		if !contains(got, k) {
			t.Errorf("ask JSON lacks %q (has %v)", k, got)
		}
	}
	if a.Question != "What does juche mean?" || a.Mode != "extractive" || a.Abstained || !strings.Contains(a.Answer, "[1]") {
		t.Errorf("unexpected answer: %+v", a)
	}
	if len(a.Citations) == 0 || len(a.Retrieved) == 0 {
		t.Fatalf("%d citations, %d retrieved", len(a.Citations), len(a.Retrieved))
	}
	checkKeys(t, "citation", a.Citations[0], citationKeys, sourceKeys)
	checkKeys(t, "retrieved result", a.Retrieved[0], resultKeys, sourceKeys)
}

func TestSearchJSONKeepsTheContract(t *testing.T) {
	out, _, code := footnote(t, nil, "search", "--json", "-k", "3", "balloons", "of", "trash")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var s struct {
		Query   string            `json:"query"`
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if got := keys(t, json.RawMessage(out)); !reflect.DeepEqual(got, []string{"query", "results"}) {
		t.Errorf("search keys = %v", got)
	}
	if s.Query != "balloons of trash" || len(s.Results) != 3 {
		t.Fatalf("query %q with %d results, want 3", s.Query, len(s.Results))
	}
	checkKeys(t, "result", s.Results[0], resultKeys, sourceKeys)
	if !strings.Contains(string(s.Results[0]), "balloons") {
		t.Errorf("top result does not mention balloons: %s", s.Results[0])
	}
}

func TestAbstainingIsASuccess(t *testing.T) {
	out, _, code := footnote(t, nil, "ask", "Anyone got a good kimchi recipe?")
	first, _, _ := strings.Cut(out, "\n")
	if code != 0 || !strings.HasPrefix(first, "The corpus doesn't say.") {
		t.Errorf("exit %d, output %q: want the abstention sentence, exit 0", code, out)
	}
	// An abstention cites nothing: the only source it may show is the
	// closest passage, announced as such.
	if strings.Contains(out, "Sources") && first != "The corpus doesn't say. The closest passage is [1] …" {
		t.Errorf("output %q shows sources without calling them the closest passage", out)
	}
	if strings.Contains(out, "[2]") {
		t.Errorf("output %q shows more than the closest passage", out)
	}
}

func TestAnUnknownNameAbstainsAndPointsAtTheClosestPassage(t *testing.T) {
	out, _, code := footnote(t, nil, "ask", "What is the capital of France?")
	want := "The corpus doesn't say. The closest passage is [1] …\n\nSources\n[1] "
	if code != 0 || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d, output %q: want it to start %q", code, out, want)
	}
	js, _, _ := footnote(t, nil, "ask", "--json", "What is the capital of France?")
	var a struct {
		Answer    string            `json:"answer"`
		Abstained bool              `json:"abstained"`
		Citations []json.RawMessage `json:"citations"`
		Evidence  *float64          `json:"evidence"`
		Closest   *struct {
			N    int    `json:"n"`
			Text string `json:"text"`
		} `json:"closest"`
		Gate *struct {
			Probability float64            `json:"probability"`
			Threshold   float64            `json:"threshold"`
			Signals     map[string]float64 `json:"signals"`
		} `json:"gate"`
	}
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatalf("ask --json: %v\n%s", err, js)
	}
	switch {
	case a.Answer != "The corpus doesn't say." || !a.Abstained || len(a.Citations) != 0:
		t.Errorf("answer %q abstained %v citations %d: want the bare abstention, nothing cited", a.Answer, a.Abstained, len(a.Citations))
	case a.Closest == nil || a.Closest.N != 1 || !strings.Contains(a.Closest.Text, "capital"):
		t.Errorf("closest = %+v, want the paragraph about the Russian capital as [1]", a.Closest)
	case a.Evidence == nil || a.Gate == nil || *a.Evidence != a.Gate.Probability || *a.Evidence >= a.Gate.Threshold:
		t.Errorf("evidence %v, gate %+v: want the gate's probability, below its threshold", a.Evidence, a.Gate)
	case a.Gate.Signals["unknown_names"] != 1:
		t.Errorf("signals %v: want France counted as one unknown name", a.Gate.Signals)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"an empty question", nil, []string{"ask", "  "}, 2, "question is empty"},
		{"no question at all", nil, []string{"search"}, 2, "question is empty"},
		{"a question over the limit", nil, []string{"ask", strings.Repeat("x", 2001)}, 2, "may be at most 2,000 characters"},
		{"an unknown command", nil, []string{"serch", "Kim"}, 2, `unknown command "serch": did you mean search?`},
		{"an extra argument to index", nil, []string{"index", "extra"}, 2, `unexpected argument "extra"`},
		{"an extra argument to bot", nil, []string{"bot", "extra"}, 2, `unexpected argument "extra"`},
		{"an extra argument to version", nil, []string{"version", "extra"}, 2, `unexpected argument "extra"`},
		{"a bad -k on ask", nil, []string{"ask", "-k", "0", "Kim"}, 2, "-k must be from 1 to 50, not 0"},
		{"a threshold that is not a number", map[string]string{"FOOTNOTE_THRESHOLD": "NaN"}, []string{"ask", "Kim"}, 2, "FOOTNOTE_THRESHOLD must be a number above 0 and at most 1"},
		{"a threshold of 0, which would never abstain", map[string]string{"FOOTNOTE_THRESHOLD": "0"}, []string{"ask", "Kim"}, 2, "0 would never abstain"},
		{"a threshold above 1", map[string]string{"FOOTNOTE_THRESHOLD": "1.5"}, []string{"ask", "Kim"}, 2, "FOOTNOTE_THRESHOLD"},
		{"a lexical weight that is not a number", map[string]string{"FOOTNOTE_LEXICAL_WEIGHT": "nan"}, []string{"search", "Kim"}, 2, "FOOTNOTE_LEXICAL_WEIGHT must be a number from 0 to 1"},
		{"a top k over the limit", map[string]string{"FOOTNOTE_TOP_K": "1000"}, []string{"ask", "Kim"}, 2, "FOOTNOTE_TOP_K must be a whole number from 1 to 50"},
		{"an LLM timeout of a year", map[string]string{"FOOTNOTE_LLM_TIMEOUT": "8760h"}, []string{"ask", "Kim"}, 2, "FOOTNOTE_LLM_TIMEOUT must be a duration above 0 and at most 1h"},
		{"a bot with zero workers", map[string]string{"DISCORD_TOKEN": "x", "FOOTNOTE_WORKERS": "0"}, []string{"bot"}, 2, "FOOTNOTE_WORKERS must be a whole number from 1 to 256"},
		{"a bot with a NaN rate limit", map[string]string{"DISCORD_TOKEN": "x", "FOOTNOTE_RATE_LIMIT": "NaN"}, []string{"bot"}, 2, "FOOTNOTE_RATE_LIMIT must be a whole number"},
		{"an unknown flag", nil, []string{"ask", "--nope", "q"}, 2, "unknown flag"},
		{"a bad -k", nil, []string{"search", "-k", "0", "Kim"}, 2, "-k must be from 1 to 50, not 0"},
		{"a bad embedder setting", map[string]string{"FOOTNOTE_EMBEDDER": "magic"}, []string{"ask", "Kim"}, 2, "FOOTNOTE_EMBEDDER"},
		{"a corpus folder that does not exist", nil, []string{"ask", "--corpus", "/nonexistent/footnote", "Kim"}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := footnote(t, tt.env, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q: want exit %d and one line mentioning %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

func TestVersionNamesTheBuild(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		// A broken setting must not hide the version: it is what a bug
		// report about that setting needs.
		out, errOut, code := footnote(t, map[string]string{"FOOTNOTE_EMBEDDER": "magic"}, args...)
		if code != 0 || errOut != "" || !regexp.MustCompile(`^footnote \S+ \(commit [^)]+\)\n$`).MatchString(out) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q: want one line naming version and commit", args, code, out, errOut)
		}
	}
}

func TestPipedOutputIsNotWrapped(t *testing.T) {
	out, _, code := footnote(t, nil, "search", "-k", "1", "balloons of trash")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1] // after the heading and its source line
	if len(lines) > 3 || len(last) < 200 || !strings.HasPrefix(last, quoteMargin) {
		t.Errorf("want the whole paragraph on one indented line after its heading, got %q", lines)
	}
}

func TestWrapIndentedKeepsEveryLineWithinTheWidth(t *testing.T) {
	text := "Unless he is the most respected figure at the table, Kim refuses to engage in any diplomatic event. [1] " +
		"This is precisely why he also declined Putin’s invitation to the Victory Day parade. [1]"
	tests := []struct {
		name   string
		margin string
		width  int
	}{
		{"an answer in an 80-column terminal", "", 80},
		{"a quote behind its margin in 80 columns", quoteMargin, 80},
		{"a quote in a narrow terminal", quoteMargin, 40},
		{"a quote in a wide terminal", quoteMargin, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapIndented(text, tt.margin, tt.width)
			if strings.Join(strings.Fields(got), " ") != text {
				t.Errorf("wrapping changed the words: %q", got)
			}
			for _, line := range strings.Split(got, "\n") {
				if n := utf8.RuneCountInString(line); n > tt.width || !strings.HasPrefix(line, tt.margin) {
					t.Errorf("line of %d runes (width %d) or without its margin: %q", n, tt.width, line)
				}
			}
			if wantLines := utf8.RuneCountInString(text)/tt.width + 1; strings.Count(got, "\n")+1 < wantLines {
				t.Errorf("%d lines, want at least %d", strings.Count(got, "\n")+1, wantLines)
			}
		})
	}
}

func TestIndexBuildsThenLoadsAndRecoversFromCorruption(t *testing.T) {
	env := map[string]string{"FOOTNOTE_INDEX_DIR": filepath.Join(t.TempDir(), "idx")}
	out, _, code := footnote(t, env, "index")
	if code != 0 || !strings.Contains(out, "built (no index yet)") || !strings.Contains(out, "5 documents") {
		t.Fatalf("first index: exit %d, %q", code, out)
	}
	out, _, _ = footnote(t, env, "index")
	if !strings.Contains(out, "index loaded") {
		t.Errorf("second index: %q, want a load", out)
	}
	current, err := os.ReadFile(filepath.Join(env["FOOTNOTE_INDEX_DIR"], "CURRENT")) // names the live build's folder
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(env["FOOTNOTE_INDEX_DIR"], strings.TrimSpace(string(current)), "vectors.f32"), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := footnote(t, env, "ask", "What does juche mean?")
	if code != 0 || !strings.Contains(out, "self-reliance") {
		t.Errorf("ask over a corrupt index: exit %d, %q", code, out)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "corrupt") {
		t.Errorf("stderr %q, want one line reporting the corrupt index", errOut)
	}
}

func TestUserCorpusFolderWithABadFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The harbour of Nampo froze in January, halting coal exports.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("caf\xe9\n"), 0o644)
	out, errOut, code := footnote(t, map[string]string{"FOOTNOTE_CORPUS_DIR": dir}, "ask", "Why did coal exports from Nampo stop?")
	if code != 0 || !strings.Contains(out, "froze in January") {
		t.Errorf("exit %d, output %q", code, out)
	}
	if !strings.Contains(errOut, "skipped b.txt: not UTF-8") {
		t.Errorf("stderr %q, want a warning naming b.txt", errOut)
	}
}

func TestDotEnvIsReadButEnvironmentWins(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile(".env", []byte("FOOTNOTE_EMBEDDER=magic\nFOOTNOTE_TOP_K=3\n"), 0o644)
	_, errOut, code := footnote(t, nil, "ask", "Kim")
	if code != 2 || !strings.Contains(errOut, "FOOTNOTE_EMBEDDER") {
		t.Errorf(".env not read: exit %d, %q", code, errOut)
	}
	_, _, code = footnote(t, map[string]string{"FOOTNOTE_EMBEDDER": "local"}, "ask", "Kim")
	if code != 0 {
		t.Errorf("environment should override .env: exit %d", code)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestIndexFailsWhenItCannotSave(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := footnote(t, map[string]string{"FOOTNOTE_INDEX_DIR": filepath.Join(file, "index")}, "index")
	if code != 1 || !strings.Contains(errOut, "nothing was saved") || strings.Contains(out, "index built") {
		t.Errorf("exit %d, stdout %q, stderr %q: want exit 1 saying nothing was saved", code, out, errOut)
	}
}
