package answer_test

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
)

// newEngine answers from the built-in corpus with an in-memory index.
func newEngine(t testing.TB) *answer.Engine {
	t.Helper()
	return &answer.Engine{Retriever: builtinIndex(t)}
}

var marker = regexp.MustCompile(`\[(\d+)\]`)

func TestAskAnswersWithCitationsThatSupportTheText(t *testing.T) {
	eng := newEngine(t)
	tests := []struct {
		question string
		want     string // a phrase the answer must contain
	}{
		{"Why did Kim Jong Un skip the Victory Day parade in Moscow?", "declined Putin’s invitation"},
		{"What does juche mean?", "self-reliance"},
		{"Who did Kim sit next to at the luncheon after the parade?", "Peng Liyuan"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a, err := eng.Ask(context.Background(), answer.Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if a.Abstained || !strings.Contains(a.Text, tt.want) {
				t.Fatalf("answer %q (abstained %v), want it to contain %q", a.Text, a.Abstained, tt.want)
			}
			checkCitations(t, a)
		})
	}
}

// checkCitations asserts the footnote invariants: markers number 1..n in
// order of first use, every marker has a citation and every citation is
// used, and each cited sentence is quoted from its cited paragraph.
func checkCitations(t *testing.T, a answer.Answer) {
	t.Helper()
	used := map[int]bool{}
	next := 1
	for _, m := range marker.FindAllStringSubmatch(a.Text, -1) {
		n, err := strconv.Atoi(m[1]) // all its digits: [12] is twelve, not one
		if err != nil {
			t.Fatalf("marker %s: %v", m[0], err)
		}
		if !used[n] {
			if n != next {
				t.Errorf("marker [%d] first used where [%d] was expected", n, next)
			}
			used[n] = true
			next++
		}
	}
	if len(a.Citations) != len(used) {
		t.Errorf("%d citations for %d markers", len(a.Citations), len(used))
	}
	for i, c := range a.Citations {
		if c.N != i+1 || !used[c.N] || c.Text == "" || c.Title == "" || c.Paragraph < 1 {
			t.Errorf("citation %d is malformed or unused: %+v", i, c)
		}
	}
	for _, sentence := range regexp.MustCompile(`\s*\[\d+\]\s*`).Split(a.Text, -1) {
		if sentence == "" {
			continue
		}
		found := false
		for _, c := range a.Citations {
			found = found || strings.Contains(c.Text, sentence)
		}
		if !found {
			t.Errorf("sentence %q is not quoted from any cited paragraph", sentence)
		}
	}
}

func TestAskAbstainsWhenTheCorpusDoesNotSay(t *testing.T) {
	eng := newEngine(t)
	for _, q := range []string{
		"Anyone got a good kimchi recipe?",
		"Who won the last football World Cup?",
		"What is the population of Pyongyang?",
		"What was on the menu at the state banquet?",
	} {
		a, err := eng.Ask(context.Background(), answer.Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if !a.Abstained || a.Text != answer.AbstainText || len(a.Citations) != 0 {
			t.Errorf("%q: answer %q with %d citations, want an abstention with none", q, a.Text, len(a.Citations))
		}
		if a.Retrieved == nil || a.Citations == nil {
			t.Errorf("%q: nil slices would encode as JSON null", q)
		}
	}
}

func TestAskRejectsEmptyAndOverlongQuestions(t *testing.T) {
	eng := newEngine(t)
	tests := []struct {
		name, question string
		want           error
	}{
		{"empty", "", answer.ErrEmptyQuestion},
		{"only white space", " \t\n ", answer.ErrEmptyQuestion},
		{"only punctuation", "?!", answer.ErrEmptyQuestion},
		{"over the limit", strings.Repeat("why ", answer.MaxQuestionRunes/4+1), answer.ErrQuestionTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eng.Ask(context.Background(), answer.Request{Question: tt.question})
			if !errors.Is(err, tt.want) || !answer.IsUsageError(err) {
				t.Errorf("err = %v, want %v as a usage error", err, tt.want)
			}
		})
	}
	if _, err := answer.CheckQuestion(strings.Repeat("é", answer.MaxQuestionRunes)); err != nil {
		t.Errorf("a question of exactly %d characters was rejected: %v", answer.MaxQuestionRunes, err)
	}
}

func TestFollowUpCarriesTheEarlierTopic(t *testing.T) {
	eng := newEngine(t)
	history := []answer.Turn{{Question: "Why did Kim skip China's 2015 Victory Day parade?", Answer: "…"}}
	a, err := eng.Ask(context.Background(), answer.Request{Question: "What excuse did North Korea give?", History: history})
	if err != nil {
		t.Fatal(err)
	}
	if a.Standalone == "" || !strings.Contains(a.Standalone, "2015") {
		t.Errorf("standalone question = %q, want the earlier question's terms carried over", a.Standalone)
	}
	if !strings.Contains(a.Text, "domestic schedule") {
		t.Errorf("follow-up answer %q, want North Korea's excuse for 2015 (a domestic schedule)", a.Text)
	}
}
