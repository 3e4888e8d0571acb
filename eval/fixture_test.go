package eval_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/eval"
)

func paragraphs() []corpus.Paragraph {
	return []corpus.Paragraph{
		{ID: "moscow#p3", Doc: "moscow", N: 3, Text: paraParade},
		{ID: "juche#p1", Doc: "juche", N: 1, Text: paraJuche},
		{ID: "juche#p2", Doc: "juche", N: 2, Text: "Juche is Korean for self-reliance, again."},
	}
}

const goodLine = `{"id": "q1", "question": "What does juche mean?", "answerable": true, "answer_keywords": [["self-reliance"]], "evidence": ["Korean for self-reliance"]}`

const unanswerableLine = `{"id": "q2", "question": "Any good kimchi recipe?", "answerable": false, "answer_keywords": [], "evidence": [], "kind": "off_topic"}`

func TestLoadReadsTheOptionalKind(t *testing.T) {
	fx, err := eval.Load(strings.NewReader(unanswerableLine+"\n"+goodLine+"\n"), "kinds.jsonl", paragraphs())
	if err != nil {
		t.Fatal(err)
	}
	if fx[0].Kind != "off_topic" || fx[1].Kind != "" {
		t.Errorf("kinds = %q, %q; want off_topic and none", fx[0].Kind, fx[1].Kind)
	}
}

func TestLoadAcceptsAValidSet(t *testing.T) {
	in := goodLine + "\n\n" + `{"id": "q2", "question": "Who is Kim's wife?", "answerable": false, "answer_keywords": [], "evidence": []}` + "\n"
	fx, err := eval.Load(strings.NewReader(in), "ok.jsonl", paragraphs())
	if err != nil {
		t.Fatal(err)
	}
	if len(fx) != 2 || fx[0].ID != "q1" || fx[1].Line != 3 {
		t.Fatalf("fixtures = %+v", fx)
	}
	if fx[0].Gold != 2 {
		t.Errorf("q1 gold paragraphs = %d, want 2 (the quote occurs in two)", fx[0].Gold)
	}
}

func TestLoadReportsEachProblem(t *testing.T) {
	tests := []struct {
		name string
		line string
		want []string
	}{
		{"malformed JSON names the line", `{"id": "q1",`, []string{"line 1: malformed JSON"}},
		{"a line that is not an object", `["q1"]`, []string{"line 1: malformed JSON: want a JSON object, got array"}},
		{"a missing field is named", `{"id": "q1", "question": "What does juche mean?", "answer_keywords": [["x"]], "evidence": ["Korean for self-reliance"]}`,
			[]string{`line 1: field "answerable": missing`}},
		{"a mistyped field says what it wanted and got", strings.Replace(goodLine, `true`, `"yes"`, 1),
			[]string{`line 1: field "answerable": want true or false, got a string "yes"`}},
		{"keywords that are not groups", strings.Replace(goodLine, `[["self-reliance"]]`, `["self-reliance"]`, 1),
			[]string{`line 1: field "answer_keywords": want a list of keyword groups`}},
		{"an unknown field catches a typo", strings.Replace(goodLine, `"evidence"`, `"evidnce"`, 1),
			[]string{`line 1: field "evidnce": unknown field`, `line 1: field "evidence": missing`}},
		{"a quote in no paragraph names the quote", strings.Replace(goodLine, "Korean for self-reliance", "Korean for independence", 1),
			[]string{`line 1: field "evidence[0]": quote "Korean for independence" occurs in no paragraph of the corpus`}},
		{"an unanswerable question with evidence", strings.Replace(goodLine, "true", "false", 1),
			[]string{`line 1: field "answer_keywords": must be empty`, `line 1: field "evidence": must be empty`}},
		{"an answerable question without evidence", strings.Replace(goodLine, `["Korean for self-reliance"]`, `[]`, 1),
			[]string{`line 1: field "evidence": an answerable question needs at least one evidence quote`}},
		{"a question of stop words only", strings.Replace(goodLine, "What does juche mean?", "???", 1),
			[]string{`line 1: field "question": `}},
		{"a kind that is not one of the known kinds", strings.Replace(unanswerableLine, `"off_topic"`, `"offtopic"`, 1),
			[]string{`line 1: field "kind": want one of absent_entity, `}},
		{"a kind on an answerable question", strings.Replace(goodLine, `}`, `, "kind": "off_topic"}`, 1),
			[]string{`line 1: field "kind": only unanswerable questions have a kind`}},
		{"a kind that is not a string", strings.Replace(unanswerableLine, `"off_topic"`, `3`, 1),
			[]string{`line 1: field "kind": want a string, got a number 3`}},
		{"an empty file", ``, []string{"line 1: the file holds no fixtures"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problems(t, tt.line)
			if len(got) != len(tt.want) {
				t.Fatalf("problems = %q, want %d starting %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %d = %q, want it to start %q", i, got[i], w)
				}
			}
		})
	}
}

// TestLoadReportsAllProblemsAtOnce reads a file with one mistake per line
// and expects one problem per mistake, in line order, and no fixtures.
func TestLoadReportsAllProblemsAtOnce(t *testing.T) {
	f, err := os.Open("testdata/bad.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = eval.Load(f, "bad.jsonl", paragraphs())
	var fe *eval.FixtureError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a *FixtureError", err)
	}
	var lines []int
	for _, p := range fe.Problems {
		lines = append(lines, p.Line)
	}
	want := []int{2, 3, 4, 5, 6}
	if len(lines) != len(want) {
		t.Fatalf("problem lines = %v, want %v: %s", lines, want, err)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("problem lines = %v, want %v", lines, want)
		}
	}
	if !strings.Contains(fe.Problems[4].String(), `duplicate id "q1" (first used on line 1)`) {
		t.Errorf("line 6 problem = %q, want a duplicate id", fe.Problems[4])
	}
}

func problems(t *testing.T, in string) []string {
	t.Helper()
	_, err := eval.Load(strings.NewReader(in), "x.jsonl", paragraphs())
	var fe *eval.FixtureError
	if !errors.As(err, &fe) {
		t.Fatalf("Load(%q) err = %v, want a *FixtureError", in, err)
	}
	out := make([]string, len(fe.Problems))
	for i, p := range fe.Problems {
		out[i] = p.String()
	}
	return out
}
