package answer_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
	"github.com/sashabaranov/go-openai"
)

// paceDelay is the fake model's delay between words in these tests: slow
// enough that a stream takes many reads, fast enough to keep tests short.
const paceDelay = 2 * time.Millisecond

// streamed asks with OnProgress set and returns the answer and every
// Partial it received, in order.
func streamed(t *testing.T, eng *answer.Engine, q string) (answer.Answer, []answer.Partial) {
	t.Helper()
	var ps []answer.Partial
	a := ask(t, eng, answer.Request{Question: q, OnProgress: func(p answer.Partial) { ps = append(ps, p) }})
	return a, ps
}

// plainAnswer is what `ask --json` gives for reply: one non-streaming call.
func plainAnswer(t *testing.T, eng *answer.Engine, srv *fakeopenai.Server, q, reply string) answer.Answer {
	t.Helper()
	srv.Chat(fakeopenai.Text(reply))
	return ask(t, eng, answer.Request{Question: q})
}

// checkPartials checks the streaming rule against the final answer (there
// are no partials when the model was not called): a status first; statuses are plain words; every text is verified, grows
// only, and is a prefix of the final answer's text, which means no
// sentence was shown that the answer does not contain.
func checkPartials(t *testing.T, ps []answer.Partial, final answer.Answer) {
	t.Helper()
	if len(ps) > 0 && (ps[0].Status == "" || ps[0].Text != "") {
		t.Fatalf("partials %+v, want a status first", ps)
	}
	shown := ""
	for i, p := range ps {
		switch {
		case p.Text == "" && !allowedStatus.MatchString(p.Status):
			t.Errorf("partial %d: status %q is not a neutral progress line", i, p.Status)
		case !strings.HasPrefix(p.Text, shown):
			t.Errorf("partial %d: %q does not extend what was shown, %q", i, p.Text, shown)
		case p.Text != "" && (final.Abstained || final.Mode != answer.LLM || !wholeSentencesOf(final.Text, p.Text)):
			t.Errorf("partial %d showed %q, but the final answer is %q (mode %s, abstained %v)", i, p.Text, final.Text, final.Mode, final.Abstained)
		}
		shown = p.Text
	}
}

// wholeSentencesOf reports whether shown is text's first sentences, whole:
// a prefix that ends where a sentence of text ends.
func wholeSentencesOf(text, shown string) bool {
	rest, ok := strings.CutPrefix(text, shown)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\n')
}

var allowedStatus = regexp.MustCompile(`^(Reading \d+ sources?…|Checking the answer…)$`)

func sameAnswer(t *testing.T, got, want answer.Answer) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("streamed answer differs from the plain one for the same reply:\n got %s\nwant %s", g, w)
	}
}

func TestStreamingShowsOnlyVerifiedSentences(t *testing.T) {
	ix := builtinIndex(t)
	f := fakeopenai.Luncheon()
	for _, r := range f.Replies() {
		t.Run(r.Name, func(t *testing.T) {
			s := newLLMSetup(t, ix, openaiapi.Config{})
			s.srv.Chat(fakeopenai.Paced(r.Reply, paceDelay))
			a, ps := streamed(t, s.eng, f.Question)
			checkPartials(t, ps, a)
			for _, p := range ps {
				for _, inv := range f.Invented {
					if strings.Contains(p.Text+p.Status, claimText(inv)) {
						t.Errorf("partial %q shows the invented sentence %q", p.Text, inv)
					}
				}
			}
			if a.Mode != answer.LLM || strings.Count(a.Text, ".") != len(f.Claims) {
				t.Errorf("final answer %q (mode %s), want the %d true sentences", a.Text, a.Mode, len(f.Claims))
			}
			if !shownBeforeTheEnd(ps, a) {
				t.Errorf("partials %+v: no verified sentence was shown before the reply ended", ps)
			}
			sameAnswer(t, a, plainAnswer(t, s.eng, s.srv, f.Question, r.Reply))
		})
	}
}

// claimText is a sentence without its citation markers.
func claimText(sentence string) string {
	return strings.TrimSpace(regexp.MustCompile(`\s*\[\d+\]`).ReplaceAllString(sentence, ""))
}

// shownBeforeTheEnd reports whether some partial showed verified text
// while more of the answer was still to come.
func shownBeforeTheEnd(ps []answer.Partial, a answer.Answer) bool {
	for _, p := range ps {
		if p.Text != "" && p.Text != a.Text {
			return true
		}
	}
	return false
}

func TestStreamingShowsNoModelTextWhenTheAnswerIsNotTheModels(t *testing.T) {
	ix := builtinIndex(t)
	f := fakeopenai.Luncheon()
	tests := []struct {
		name      string
		reply     string
		abstained bool
	}{
		{"the abstain phrase alone abstains", answer.AbstainText, true},
		{"a refusal in other words abstains", "I'm sorry, but the provided articles don't mention who sat next to Kim at the luncheon.", true},
		{"a reply of unsupported sentences falls back to the extractive answer", strings.Join(f.Invented, " ") + " Kim likes cheese [1].", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newLLMSetup(t, ix, openaiapi.Config{})
			s.srv.Chat(fakeopenai.Paced(tt.reply, paceDelay))
			a, ps := streamed(t, s.eng, f.Question)
			checkPartials(t, ps, a)
			for _, p := range ps {
				if p.Text != "" {
					t.Errorf("partial text %q shown for an answer that is not the model's", p.Text)
				}
			}
			if a.Abstained != tt.abstained || (!tt.abstained && a.Mode != answer.Extractive) {
				t.Errorf("answer %q abstained %v mode %s", a.Text, a.Abstained, a.Mode)
			}
		})
	}
}

func TestAStreamHoldsKeptTextThatALaterRefusalOfTheFocusTakesBack(t *testing.T) {
	q := "What sanctions did Beijing impose on Pyongyang over the Sony hack?"
	reply := "China was looking into North Korea's possible role in the Sony hack, Bloomberg reported [1]. " +
		"The sources say nothing about China imposing sanctions in response."
	s := newLLMSetup(t, builtinIndex(t), openaiapi.Config{})
	s.srv.Chat(fakeopenai.Paced(reply, paceDelay))
	a, ps := streamed(t, s.eng, q)
	checkPartials(t, ps, a)
	for _, p := range ps {
		if p.Text != "" {
			t.Errorf("partial %q shown before the refusal that takes it back", p.Text)
		}
	}
	if !a.Abstained {
		t.Errorf("answer %q (mode %s), want an abstention", a.Text, a.Mode)
	}
}

func TestAStreamCutAfterAVerifiedSentenceKeepsWhatWasShown(t *testing.T) {
	f := fakeopenai.Luncheon()
	s := newLLMSetup(t, builtinIndex(t), openaiapi.Config{})
	// Cut sends the first half of the words: the first claim and the start
	// of the second.
	s.srv.Chat(fakeopenai.Cut(strings.Join(f.Claims, " ")))
	a, ps := streamed(t, s.eng, f.Question)
	checkPartials(t, ps, a)
	if a.Mode != answer.LLM || a.Text != f.Claims[0] || a.FallbackReason != "" {
		t.Errorf("answer %q mode %s reason %q, want the shown first claim kept", a.Text, a.Mode, a.FallbackReason)
	}
	if w := s.warn.all(); len(w) != 1 || !strings.Contains(w[0], "keeping them") {
		t.Errorf("warnings %q, want one saying the shown sentences are kept", w)
	}
}

// rejecting is an answer judge that removes the sentences containing a
// word, or fails; it stands in for the LLM judge, whose verdicts it
// imitates, to test what the engine does with verdicts.
type rejecting struct {
	word string
	fail bool

	mu    sync.Mutex
	calls int
}

func (j *rejecting) Judge(_ context.Context, _ string, claims []answer.Claim) ([]answer.Verdict, error) {
	j.mu.Lock()
	j.calls++
	j.mu.Unlock()
	if j.fail {
		return nil, errors.New("judge unreachable")
	}
	out := make([]answer.Verdict, len(claims))
	for i, c := range claims {
		out[i].Supported = !strings.Contains(c.Sentence, j.word)
	}
	return out, nil
}

func TestWithAJudgeStreamedTextIsMarkedCheckingUntilTheVerdicts(t *testing.T) {
	f := fakeopenai.Luncheon()
	reply := strings.Join(f.Claims, " ")
	tests := []struct {
		name  string
		judge *rejecting
		want  string
		warns int
	}{
		{"a rejected sentence is shown only as being checked", &rejecting{word: "protocol"}, f.Claims[0] + " " + f.Claims[2], 0},
		{"a failing judge leaves the lexical verdict", &rejecting{fail: true}, reply, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newLLMSetup(t, builtinIndex(t), openaiapi.Config{})
			s.eng.Judge = tt.judge
			s.srv.Chat(fakeopenai.Paced(reply, paceDelay))
			a, ps := streamed(t, s.eng, f.Question)
			if a.Text != tt.want || tt.judge.calls != 1 || len(s.warn.all()) != tt.warns {
				t.Errorf("answer %q after %d judge calls, warnings %q; want %q", a.Text, tt.judge.calls, s.warn.all(), tt.want)
			}
			for _, p := range ps {
				if p.Text != "" && !p.Checking {
					t.Errorf("partial %q shown without the checking mark", p.Text)
				}
			}
			if last := ps[len(ps)-1]; last.Text != reply || !last.Checking {
				t.Errorf("last partial %+v, want the whole lexically verified text, being checked", last)
			}
		})
	}
}

// TestStreamedTextIsAlwaysAPrefixOfTheFinalAnswer streams replies built
// from the retrieved paragraphs' own sentences (abbreviations, quotes and
// figures included), with markers before or after the full stop, invented
// sentences and refusals mixed in, cut into random chunks, for every
// question of both fixture files. Whatever the chunking, what was shown
// must be a prefix of the final answer, which must equal the plain call's.
func TestStreamedTextIsAlwaysAPrefixOfTheFinalAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("streams two hundred replies")
	}
	ix := builtinIndex(t)
	questions := append(readFixtureQuestions(t, "../testdata/eval.jsonl"), readFixtureQuestions(t, "../testdata/holdout.jsonl")...)
	rng := rand.New(rand.NewPCG(14, 9))
	var mu sync.Mutex
	replies := map[string]string{} // question → reply, so the plain call gets the same
	model := func(req openai.ChatCompletionRequest) string {
		mu.Lock()
		defer mu.Unlock()
		q, sources, _ := fakeopenai.Prompt(req)
		if r, ok := replies[q]; ok {
			return r
		}
		replies[q] = composeReply(rng, q, sources)
		return replies[q]
	}
	split := func(s string) []string {
		mu.Lock()
		defer mu.Unlock()
		return randomChunks(rng, s)
	}
	s := newLLMSetup(t, ix, openaiapi.Config{})
	s.srv.AlwaysChat(fakeopenai.Streamed(model, split, 0))
	shownSome := 0
	for _, q := range questions {
		a, ps := streamed(t, s.eng, q)
		checkPartials(t, ps, a)
		if len(ps) > 0 && ps[len(ps)-1].Text != "" {
			shownSome++
		}
		plain := ask(t, s.eng, answer.Request{Question: q})
		sameAnswer(t, a, plain)
	}
	t.Logf("%d questions; verified text shown while streaming for %d", len(questions), shownSome)
	// A guard on the test, not on footnote: enough replies must survive
	// verification for the prefix property to be tested. Replies of random
	// paragraph sentences alone left fewer as the verifier grew stricter
	// (58 of 176 down to 43), so half now open with the sentence closest
	// to the question, as an answer would (78; 71 since a kept text
	// lacking the focus a refusal could still name is held too).
	if shownSome < len(questions)/4 {
		t.Errorf("verified text was shown for only %d of %d questions: the test exercises too little", shownSome, len(questions))
	}
}

func readFixtureQuestions(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		var fx struct{ Question string }
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := json.Unmarshal([]byte(line), &fx); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, fx.Question)
	}
	return out
}

// sourceSentence finds sentences in a paragraph, naively: enough to quote.
var sourceSentence = regexp.MustCompile(`[^.!?]+[.!?]+["”’]?`)

// composeReply writes up to five sentences as a model might: quoted source
// sentences cited in varied styles, with an invented sentence, a refusal
// or a list line now and then. Half the replies open, as a model's
// answer does, with the source sentence sharing most words with the
// question; the rest of a reply is random.
func composeReply(rng *rand.Rand, question string, sources []string) string {
	var parts []string
	if rng.IntN(2) == 0 {
		if s, n := closestSentence(question, sources); n > 0 {
			parts = append(parts, citeAt(rng, s, n))
		}
	}
	for range 1 + rng.IntN(5) {
		n := 1 + rng.IntN(len(sources))
		ss := sourceSentence.FindAllString(sources[n-1], -1)
		switch k := rng.IntN(10); {
		case k == 0:
			parts = append(parts, fmt.Sprintf("The summit was held on Mars. [%d]", n))
		case k == 1:
			parts = append(parts, "I'm sorry, the sources don't say more about that.")
		case k == 2 && len(parts) == 0:
			parts = append(parts, answer.AbstainText)
		case len(ss) > 0:
			parts = append(parts, citeAt(rng, strings.TrimSpace(ss[rng.IntN(len(ss))]), n))
		}
	}
	sep := " "
	if rng.IntN(6) == 0 {
		sep = "\n- "
	}
	return strings.Join(parts, sep)
}

// closestSentence returns the source sentence sharing most words with
// the question, and its source's number; 0 when no sentence shares one.
func closestSentence(question string, sources []string) (string, int) {
	asked := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(question)) {
		asked[strings.Trim(w, "?,.'’\"")] = true
	}
	best, bestN, most := "", 0, 0
	for i, src := range sources {
		for _, ss := range sourceSentence.FindAllString(src, -1) {
			shared := 0
			for _, w := range strings.Fields(strings.ToLower(ss)) {
				if len(w) > 3 && asked[strings.Trim(w, "?,.'’\"“”")] {
					shared++
				}
			}
			if shared > most {
				best, bestN, most = strings.TrimSpace(ss), i+1, shared
			}
		}
	}
	return best, bestN
}

// citeAt puts a marker, in one of the styles models write, before or
// after a sentence's final punctuation, or both.
func citeAt(rng *rand.Rand, sentence string, n int) string {
	styles := []string{"[%d]", "[%d]", "[Source %d]", "(Source %d)", "[^%d]", "【%d】"}
	mark := func(n int) string { return fmt.Sprintf(styles[rng.IntN(len(styles))], n) }
	body := strings.TrimRight(sentence, ".!?”\"’")
	switch rng.IntN(3) {
	case 0:
		return body + " " + mark(n) + sentence[len(body):]
	case 1:
		return sentence + " " + mark(n)
	}
	return body + " " + mark(n) + sentence[len(body):] + " " + mark(1+rng.IntN(n))
}

// randomChunks cuts s at random rune boundaries into pieces of 1-12 runes.
func randomChunks(rng *rand.Rand, s string) []string {
	rs := []rune(s)
	var out []string
	for len(rs) > 0 {
		n := min(len(rs), 1+rng.IntN(12))
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return out
}
