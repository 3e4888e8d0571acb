package answer_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
)

// TestTheModelReadsSourcesTheExtractiveAnswerMissed pins what the LLM-mode
// gate is for: saving calls on hopeless questions only. The extractive
// answer to this question quotes Putin's invitation to Moscow, which the
// verifier finds off the question (it names no place for "where"), but a
// retrieved paragraph says where the summit is: the model must be asked.
func TestTheModelReadsSourcesTheExtractiveAnswerMissed(t *testing.T) {
	const q = "Where will the APEC summit be held this year?"
	ix := builtinIndex(t)
	offline := ask(t, &answer.Engine{Retriever: ix, Threshold: 1e-9}, answer.Request{Question: q})
	if strings.Contains(offline.Text, "Gyeongju") || offline.Gate.Signals.OffQuestion != 1 {
		t.Fatalf("the extractive answer %q (off_question %v) no longer misses: pick another question whose extraction does", offline.Text, offline.Gate.Signals.OffQuestion)
	}
	s := newLLMSetup(t, ix, openaiapi.Config{})
	s.srv.Chat(citingSourceWith("Gyeongju", "The Asia-Pacific Economic Cooperation summit will take place in Gyeongju in late October"))
	a := ask(t, s.eng, answer.Request{Question: q})
	if n := len(s.srv.ChatCalls()); n != 1 {
		t.Fatalf("%d chat calls, want 1: the gate kept an answerable question from the model (gate %+v)", n, a.Gate)
	}
	if a.Abstained || a.Mode != answer.LLM || !strings.Contains(a.Text, "Gyeongju") {
		t.Errorf("answer %q abstained %v mode %s, want the model's cited answer", a.Text, a.Abstained, a.Mode)
	}
}

// TestVetoesDoNotGateTheModelButDoGateItsFallback: the model reads whole
// paragraphs, where a kind of answer the extractive sentences lack may
// be; when the model fails, the extractive answer it falls back to is
// judged as offline, veto included.
func TestVetoesDoNotGateTheModelButDoGateItsFallback(t *testing.T) {
	const q = "How old is the alliance between Beijing and Pyongyang?"
	ix := builtinIndex(t)
	s := newLLMSetup(t, ix, openaiapi.Config{})
	s.srv.Chat(citingSourceWith("half-century", "The alliance between the two nations dates back more than a half-century to the Korean War"))
	a := ask(t, s.eng, answer.Request{Question: q})
	if n := len(s.srv.ChatCalls()); n != 1 || a.Mode != answer.LLM || a.Gate.Veto != "" {
		t.Errorf("%d chat calls, mode %s, gate %+v: want the model asked, no veto", n, a.Mode, a.Gate)
	}
	s.srv.AlwaysChat(fakeopenai.Status(http.StatusInternalServerError, "boom"))
	a = ask(t, s.eng, answer.Request{Question: q})
	if !a.Abstained || a.Mode != answer.Extractive || a.Gate.Veto != "type_missing" || a.Closest == nil {
		t.Errorf("answer %q abstained %v mode %s gate %+v: want the fallback vetoed, with a pointer", a.Text, a.Abstained, a.Mode, a.Gate)
	}
}

// citingSourceWith is a model that answers claim, citing the first source
// containing words, or abstains when none does.
func citingSourceWith(words, claim string) fakeopenai.Reply {
	return fakeopenai.Model(func(req openai.ChatCompletionRequest) string {
		_, sources, _ := fakeopenai.Prompt(req)
		for i, src := range sources {
			if strings.Contains(src, words) {
				return claim + " [" + strconv.Itoa(i+1) + "]."
			}
		}
		return answer.AbstainText
	})
}
