package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/retrieval"
)

const (
	fakeKey   = "sk-cli-test-0123456789abcdef"
	fakeChat  = "fake-chat"
	fakeEmbed = "fake-embed"
)

// openAIEnv points footnote at a fake OpenAI-compatible server.
func openAIEnv(t *testing.T) (*fakeopenai.Server, map[string]string) {
	t.Helper()
	srv := fakeopenai.New(t, fakeopenai.Options{APIKey: fakeKey, ChatModel: fakeChat, EmbeddingModel: fakeEmbed})
	return srv, map[string]string{
		"OPENAI_BASE_URL": srv.URL, "OPENAI_API_KEY": fakeKey,
		"FOOTNOTE_CHAT_MODEL": fakeChat, "FOOTNOTE_EMBEDDING_MODEL": fakeEmbed,
	}
}

// llmAnswer is the part of `ask --json` issue 3 adds.
type llmAnswer struct {
	Answer           string            `json:"answer"`
	Mode             string            `json:"mode"`
	Abstained        bool              `json:"abstained"`
	DroppedCitations *int              `json:"dropped_citations"`
	FallbackReason   string            `json:"fallback_reason"`
	Citations        []json.RawMessage `json:"citations"`
	Verification     []struct {
		Sentence  string `json:"sentence"`
		Kept      bool   `json:"kept"`
		Reason    string `json:"reason"`
		Cited     []int  `json:"cited"`
		Citations []int  `json:"citations"`
		Judge     string `json:"judge"`
	} `json:"verification"`
	Judge string `json:"judge"`
}

func decodeLLMAnswer(t *testing.T, out string) llmAnswer {
	t.Helper()
	var a llmAnswer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return a
}

func TestAskJSONWithAnLLMVerifiesItsCitations(t *testing.T) {
	srv, env := openAIEnv(t)
	srv.Chat(fakeopenai.Text("Juche is Korean for self-reliance, a mantra of Kim Jong Il [1][9]."))
	out, errOut, code := footnote(t, env, "ask", "--json", "What does juche mean?")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	a := decodeLLMAnswer(t, out)
	if a.Mode != "llm" || a.DroppedCitations == nil || *a.DroppedCitations != 1 || len(a.Citations) != 1 {
		t.Errorf("got %+v, want an LLM answer with one citation and one dropped", a)
	}
	if a.Answer != "Juche is Korean for self-reliance, a mantra of Kim Jong Il [1]." {
		t.Errorf("answer %q", a.Answer)
	}
	if c := srv.ChatCalls(); len(c) != 1 || c[0].Chat.Stream {
		t.Errorf("want one non-streaming chat call for --json")
	}
}

func TestAskJSONListsTheVerifiersDecisionOnEverySentence(t *testing.T) {
	srv, env := openAIEnv(t)
	srv.Chat(fakeopenai.Text("Juche is Korean for self-reliance [Source 1]. The sources do not say who coined it [1]."))
	out, errOut, code := footnote(t, env, "ask", "--json", "What does juche mean?")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	a := decodeLLMAnswer(t, out)
	if len(a.Verification) != 2 || a.Judge != "" {
		t.Fatalf("verification %+v judge %q, want two entries and no judge", a.Verification, a.Judge)
	}
	kept, refusal := a.Verification[0], a.Verification[1]
	if !kept.Kept || kept.Reason != "supported" || len(kept.Cited) != 1 || len(kept.Citations) != 1 || kept.Citations[0] != 1 {
		t.Errorf("first sentence %+v, want kept as [1]", kept)
	}
	if refusal.Kept || refusal.Reason != "refusal" || len(refusal.Citations) != 0 {
		t.Errorf("second sentence %+v, want removed as a refusal", refusal)
	}
	if a.Answer != "Juche is Korean for self-reliance [1]." {
		t.Errorf("answer %q", a.Answer)
	}
}

func TestFootnoteVerifyLLMAsksTheModelToJudgeTheKeptSentences(t *testing.T) {
	srv, env := openAIEnv(t)
	env["FOOTNOTE_VERIFY"] = "llm"
	srv.Chat(fakeopenai.Text("Juche is Korean for self-reliance [1]. It was a mantra of Kim Jong Il [1]."),
		fakeopenai.Text(`{"verdicts": [{"id": 1, "verdict": "supported"}, {"id": 2, "verdict": "unsupported"}]}`))
	out, errOut, code := footnote(t, env, "ask", "--json", "What does juche mean?")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	a := decodeLLMAnswer(t, out)
	if a.Judge != "ok" || a.Answer != "Juche is Korean for self-reliance [1]." || len(a.Verification) != 2 || a.Verification[1].Reason != "judge_unsupported" {
		t.Errorf("got %+v, want the judge's verdicts applied", a)
	}
	if n := len(srv.ChatCalls()); n != 2 {
		t.Errorf("%d chat calls, want the answer and one judge call", n)
	}
}

func TestFootnoteVerifySetting(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
	}{
		{"an unknown verifier is a usage error", map[string]string{"FOOTNOTE_VERIFY": "nli"}},
		{"the LLM judge without LLM answers is a usage error", map[string]string{"FOOTNOTE_VERIFY": "llm", "FOOTNOTE_GENERATOR": "extractive"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, env := openAIEnv(t)
			for k, v := range tt.env {
				env[k] = v
			}
			_, errOut, code := footnote(t, env, "ask", "--json", "What does juche mean?")
			if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "FOOTNOTE_VERIFY") {
				t.Errorf("exit %d, stderr %q; want exit 2 and one line naming FOOTNOTE_VERIFY", code, errOut)
			}
			if n := len(srv.Calls()); n != 0 {
				t.Errorf("%d API calls, want none", n)
			}
		})
	}
}

func TestAskFallsBackToExtractiveOnOneStderrLineWithoutTheKey(t *testing.T) {
	srv, env := openAIEnv(t)
	srv.Chat(fakeopenai.Status(http.StatusUnauthorized, "Incorrect API key provided: "+fakeKey))
	out, errOut, code := footnote(t, env, "ask", "--json", "What does juche mean?")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	a := decodeLLMAnswer(t, out)
	if a.Mode != "extractive" || !strings.Contains(a.FallbackReason, "401") || !strings.Contains(a.Answer, "self-reliance") {
		t.Errorf("got %+v, want the extractive answer with a fallback reason", a)
	}
	if strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr %q, want one line", errOut)
	}
	if strings.Contains(out+errOut, fakeKey) {
		t.Errorf("the API key leaked:\n%s\n%s", out, errOut)
	}
}

func TestGeneratorSetting(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		wantCode int
	}{
		{"FOOTNOTE_GENERATOR=extractive keeps answers extractive despite a key", map[string]string{"FOOTNOTE_GENERATOR": "extractive"}, 0},
		{"FOOTNOTE_GENERATOR=llm with no API to reach is a usage error", map[string]string{"FOOTNOTE_GENERATOR": "llm", "OPENAI_BASE_URL": "", "OPENAI_API_KEY": ""}, 2},
		{"FOOTNOTE_EMBEDDER=openai with no API to reach is a usage error", map[string]string{"FOOTNOTE_EMBEDDER": "openai", "OPENAI_BASE_URL": "", "OPENAI_API_KEY": ""}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, env := openAIEnv(t) // no chat reply scripted: a call fails the test
			for k, v := range tt.env {
				env[k] = v
			}
			out, errOut, code := footnote(t, env, "ask", "--json", "What does juche mean?")
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, errOut)
			}
			if code == 0 && decodeLLMAnswer(t, out).Mode != "extractive" {
				t.Errorf("mode is not extractive: %s", out)
			}
			if n := len(srv.Calls()); n != 0 {
				t.Errorf("%d API calls, want none", n)
			}
		})
	}
}

func TestOpenAIEmbedderBuildsTheIndexThroughTheAPI(t *testing.T) {
	srv, env := openAIEnv(t)
	env["FOOTNOTE_EMBEDDER"], env["FOOTNOTE_GENERATOR"] = "openai", "extractive"
	srv.AlwaysEmbed(fakeopenai.Vectors(retrieval.NewLocalEmbedder(64, func(string) float64 { return 1 })))
	out, errOut, code := footnote(t, env, "search", "--json", "What does juche mean?")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "self-reliance") {
		t.Errorf("search output lacks the juche paragraph:\n%s", out)
	}
	calls := srv.EmbedCalls()
	if len(calls) < 2 || len(calls[0].Embed.Input) < 2 {
		t.Errorf("%d embedding calls, want batched index building plus the query", len(calls))
	}
}
