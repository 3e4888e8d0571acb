package answer_test

import (
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
)

// twoClaims cites the luncheon paragraph, retrieved first for kimQuestion:
// both sentences pass the lexical verifier.
const twoClaims = "Kim was seated next to Chinese first lady Peng Liyuan [1]. Beijing offered him the second-highest level of protocol after Putin [1]."

func TestTheLLMJudgeRemovesWhatItFindsUnsupportedAndDegradesOnAnyFailure(t *testing.T) {
	ix := builtinIndex(t)
	tests := []struct {
		name       string
		judge      fakeopenai.Reply
		wantText   string
		wantStatus string // prefix
		wantWarn   bool
	}{
		{"an unsupported verdict removes the sentence", fakeopenai.Text("```json\n{\"verdicts\": [{\"id\": 1, \"verdict\": \"supported\"}, {\"id\": 2, \"verdict\": \"unsupported\", \"why\": \"not in the source\"}]}\n```"),
			"Kim was seated next to Chinese first lady Peng Liyuan [1].", "ok", false},
		{"two supported verdicts keep both", fakeopenai.Text(`{"verdicts": [{"id": 2, "verdict": "supported"}, {"id": 1, "verdict": "supported"}]}`),
			twoClaims, "ok", false},
		{"a reply that is not JSON keeps the lexical verdicts", fakeopenai.Text("Both claims look fine to me."), twoClaims, "failed:", true},
		{"a missing verdict keeps the lexical verdicts", fakeopenai.Text(`{"verdicts": [{"id": 1, "verdict": "unsupported"}]}`), twoClaims, "failed:", true},
		{"an unknown verdict keeps the lexical verdicts", fakeopenai.Text(`{"verdicts": [{"id": 1, "verdict": "maybe"}, {"id": 2, "verdict": "supported"}]}`), twoClaims, "failed:", true},
		{"a server error keeps the lexical verdicts", fakeopenai.Status(500, "boom"), twoClaims, "failed:", true},
		{"a judge slower than the timeout keeps the lexical verdicts", fakeopenai.Hang(), twoClaims, "failed: chat: timed out", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newLLMSetup(t, ix, openaiapi.Config{MaxRetries: -1, Timeout: 300 * time.Millisecond})
			s.eng.Judge = answer.LLMJudge{Generator: s.eng.Generator}
			s.srv.Chat(fakeopenai.Text(twoClaims), tt.judge)
			a := ask(t, s.eng, answer.Request{Question: kimQuestion})
			if a.Text != tt.wantText || a.Mode != answer.LLM || !strings.HasPrefix(a.JudgeStatus, tt.wantStatus) {
				t.Errorf("answer %q mode %s judge %q; want %q, judge %q…", a.Text, a.Mode, a.JudgeStatus, tt.wantText, tt.wantStatus)
			}
			if got := len(s.warn.all()) > 0; got != tt.wantWarn {
				t.Errorf("warnings %q, want some: %v", s.warn.all(), tt.wantWarn)
			}
			calls := s.srv.ChatCalls()
			if len(calls) < 2 {
				t.Fatalf("%d chat calls, want the answer and the judge", len(calls))
			}
			judge := calls[1].Chat
			if judge.Stream || !strings.Contains(judge.Messages[0].Content, `<claim id="2">`) || !strings.Contains(judge.Messages[0].Content, "Peng Liyuan") {
				t.Errorf("the judge call should be one plain request carrying both claims and their paragraph:\n%s", judge.Messages[0].Content)
			}
			checkMarkers(t, a)
		})
	}
}

func TestTheJudgeIsNotCalledWhenNothingWasKept(t *testing.T) {
	s := newLLMSetup(t, builtinIndex(t), openaiapi.Config{})
	s.eng.Judge = answer.LLMJudge{Generator: s.eng.Generator}
	// Only one reply is scripted: a judge call would fail the test.
	s.srv.Chat(fakeopenai.Text("I'm sorry, the provided articles don't say who Kim sat next to."))
	a := ask(t, s.eng, answer.Request{Question: kimQuestion})
	if !a.Abstained || a.Mode != answer.LLM {
		t.Errorf("answer %q abstained %v mode %s, want an LLM-mode abstention", a.Text, a.Abstained, a.Mode)
	}
	if n := len(s.srv.ChatCalls()); n != 1 {
		t.Errorf("%d chat calls, want 1", n)
	}
}
