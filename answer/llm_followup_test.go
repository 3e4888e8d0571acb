package answer_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
	openai "github.com/sashabaranov/go-openai"
)

// chinaRefused is the paragraph that says what China did about Kim's
// request at its 2015 parade.
const chinaRefused = "Xi, however, rejected the request"

func TestAnLLMFollowUpIsRewrittenIntoAStandaloneQuestionBeforeRetrieval(t *testing.T) {
	ix := builtinIndex(t)
	history := []answer.Turn{{
		Question: "What did Kim Jong-un ask for at China's 2015 Victory Day parade?",
		Answer:   "He asked to be positioned next to Xi Jinping during the ceremony [1].",
	}}
	const rewritten = "What did China do when Kim Jong-un asked to stand next to Xi Jinping at its 2015 Victory Day parade?"
	s := newLLMSetup(t, ix, openaiapi.Config{})
	s.srv.Chat(fakeopenai.Text("Standalone question: \""+rewritten+"\"\n"), fakeopenai.Model(citing(chinaRefused,
		"Xi rejected Kim's request and placed the UN Secretary General and the leaders of blood-alliance countries closest to him instead")))

	a := ask(t, s.eng, answer.Request{Question: "and what did China do?", History: history})

	if a.Standalone != rewritten {
		t.Errorf("standalone question %q, want the model's rewrite without label or quotes", a.Standalone)
	}
	if !topHas(a, 3, chinaRefused) {
		t.Errorf("retrieved %v, want the paragraph on Xi rejecting Kim's request in the top 3", ids(a))
	}
	if a.Mode != answer.LLM || !strings.Contains(a.Text, "rejected") {
		t.Errorf("answer %q mode %s (%s), want the LLM answer on Xi's refusal", a.Text, a.Mode, a.FallbackReason)
	}
	calls := s.srv.ChatCalls()
	if len(calls) != 2 {
		t.Fatalf("%d chat calls, want a rewrite and an answer", len(calls))
	}
	prompt := calls[0].Chat.Messages[0].Content
	for _, want := range []string{history[0].Question, history[0].Answer, "<follow_up>\nand what did China do?\n</follow_up>"} {
		if !strings.Contains(prompt, want) {
			t.Errorf("the rewrite prompt lacks %q:\n%s", want, prompt)
		}
	}
	if !strings.Contains(calls[1].Chat.Messages[1].Content, "<question>\n"+rewritten) {
		t.Errorf("the answer prompt should ask the standalone question")
	}
}

func TestAFailedRewriteFallsBackToTheExtractiveFollowUp(t *testing.T) {
	s := newLLMSetup(t, builtinIndex(t), openaiapi.Config{MaxRetries: -1})
	s.srv.Chat(fakeopenai.Status(500, "down"))
	history := []answer.Turn{{Question: "Why did Kim skip China's 2015 Victory Day parade?", Answer: "…"}}
	a := ask(t, s.eng, answer.Request{Question: "What excuse did North Korea give?", History: history})
	if a.Mode != answer.Extractive || !strings.Contains(a.FallbackReason, "rewrite") || !strings.Contains(a.Standalone, "2015") {
		t.Errorf("mode %s reason %q standalone %q; want the extractive follow-up with a reason", a.Mode, a.FallbackReason, a.Standalone)
	}
	if n := len(s.srv.ChatCalls()); n != 1 {
		t.Errorf("%d chat calls, want only the failed rewrite", n)
	}
	if w := s.warn.all(); len(w) != 1 {
		t.Errorf("warnings %q, want one", w)
	}
}

func topHas(a answer.Answer, k int, phrase string) bool {
	for _, r := range a.Retrieved[:min(k, len(a.Retrieved))] {
		if strings.Contains(r.Text, phrase) {
			return true
		}
	}
	return false
}

func ids(a answer.Answer) []string {
	var out []string
	for _, r := range a.Retrieved {
		out = append(out, r.ID)
	}
	return out
}

// citing is a model that states claim citing the source containing
// phrase, as a model that read the sources would.
func citing(phrase, claim string) func(openai.ChatCompletionRequest) string {
	return func(req openai.ChatCompletionRequest) string {
		prompt := req.Messages[len(req.Messages)-1].Content
		for n := 1; ; n++ {
			tag := `<source n="` + strconv.Itoa(n) + `"`
			i := strings.Index(prompt, tag)
			if i < 0 {
				return answer.AbstainText
			}
			if j := strings.Index(prompt[i:], "</source>"); strings.Contains(prompt[i:i+j], phrase) {
				return claim + " [" + strconv.Itoa(n) + "]."
			}
		}
	}
}
