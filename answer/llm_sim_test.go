package answer_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
	"github.com/footnote-dev/footnote/retrieval"
)

// simFixture is one line of testdata/eval.jsonl.
type simFixture struct {
	ID         string     `json:"id"`
	Question   string     `json:"question"`
	Answerable bool       `json:"answerable"`
	Keywords   [][]string `json:"answer_keywords"`
	Evidence   []string   `json:"evidence"`
}

func readSimFixtures(t *testing.T) []simFixture {
	t.Helper()
	f, err := os.Open("../testdata/eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []simFixture
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var fx simFixture
		if err := json.Unmarshal(sc.Bytes(), &fx); err != nil {
			t.Fatalf("eval.jsonl: %v", err)
		}
		out = append(out, fx)
	}
	return out
}

// simCounts are the figures the simulation reports.
type simCounts struct {
	questions, answerable, llmAnswers, abstained, fallbacks     int
	droppedTotal                                                int
	goodMarkers, goodDropped, badMarkers, badDropped            int
	phantom, phantomDropped                                     int
	sentences, goodSentences, goodRemoved, badOnly, badOnlyKept int
	keywordsOK, goldCited, answeredAnswerable, wrongAbstentions int
	unanswerable, unanswerableAbstained                         int
	nonAnswers                                                  int
}

// TestSimulatedModelOnTheFixtures runs every fixture question through LLM
// mode against the fake server playing a fallible grounded model
// (fakeopenai.Quoting: quotes and lightly rewords the best source
// sentences, and at fixed rates cites a source that does not exist, adds
// an unrelated citation, cites an unrelated source instead of the right
// one, or invents a cited sentence). It scores the verifier against the
// model's own record of which citations were wrong. Figures:
//
//	go test ./answer -run TestSimulatedModelOnTheFixtures -v
func TestSimulatedModelOnTheFixtures(t *testing.T) {
	ix := builtinIndex(t)
	model := &fakeopenai.Quoting{Phantom: 0.2, Unrelated: 0.25, Swap: 0.15, Invented: 0.2, Abstain: 0.3, AbstainText: answer.AbstainText}
	s := newLLMSetup(t, ix, openaiapi.Config{})
	s.srv.AlwaysChat(fakeopenai.Model(model.Reply))

	var c simCounts
	retrieved := map[string][]retrieval.Result{}
	answerable := map[string]bool{}
	for _, fx := range readSimFixtures(t) {
		a := ask(t, s.eng, answer.Request{Question: fx.Question})
		retrieved[a.Question] = a.Retrieved
		answerable[a.Question] = fx.Answerable
		c.add(fx, a)
	}
	for _, sent := range model.Log() {
		v := answer.Verify(sent.Question, sent.Text, retrieved[sent.Question], ix.Terms())
		if !answerable[sent.Question] && len(sent.Good) > 0 && len(v.Sentences) == 1 && v.Sentences[0].Reason == answer.ReasonOffQuestion {
			// A quoted sentence that does not answer an unanswerable
			// question is a cited non-answer: removing it is right.
			c.nonAnswers++
			continue
		}
		c.score(sent, v, retrieved[sent.Question])
	}
	c.report(t)

	// Each bar below is a share of a count: on a count of zero it would
	// pass having checked nothing.
	if c.llmAnswers == 0 || c.goodMarkers == 0 || c.badMarkers == 0 || c.phantom == 0 {
		t.Fatalf("the simulated model gave %d LLM answers, %d right and %d wrong citations, %d of absent sources: want some of each",
			c.llmAnswers, c.goodMarkers, c.badMarkers, c.phantom)
	}
	if c.badDropped*100 < 90*c.badMarkers {
		t.Errorf("the verifier dropped %d of %d wrong citations, want at least 90%%", c.badDropped, c.badMarkers)
	}
	if c.goodDropped*100 > 10*c.goodMarkers {
		t.Errorf("the verifier dropped %d of %d right citations, want at most 10%%", c.goodDropped, c.goodMarkers)
	}
	if c.phantomDropped != c.phantom {
		t.Errorf("the verifier kept %d citations of sources that do not exist", c.phantom-c.phantomDropped)
	}
}

func (c *simCounts) add(fx simFixture, a answer.Answer) {
	c.questions++
	c.droppedTotal += a.DroppedCitations
	switch {
	case a.FallbackReason != "":
		c.fallbacks++
	case a.Abstained:
		c.abstained++
	default:
		c.llmAnswers++
	}
	if !fx.Answerable {
		c.unanswerable++
		if a.Abstained {
			c.unanswerableAbstained++
		}
		return
	}
	c.answerable++
	if a.Abstained {
		c.wrongAbstentions++
		return
	}
	c.answeredAnswerable++
	if keywordsMet(a.Text, fx.Keywords) {
		c.keywordsOK++
	}
	if citesEvidence(a.Citations, fx.Evidence) {
		c.goldCited++
	}
}

// score compares what the verifier kept of one sentence with the model's
// record of which citations were right.
func (c *simCounts) score(sent fakeopenai.Sentence, v answer.Verified, sources []retrieval.Result) {
	kept := map[string]bool{}
	for _, cit := range v.Citations {
		kept[cit.ID] = true
	}
	keptN := func(n int) bool { return n >= 1 && n <= len(sources) && kept[sources[n-1].ID] }
	c.sentences++
	for _, n := range sent.Good {
		c.goodMarkers++
		if !keptN(n) {
			c.goodDropped++
		}
	}
	for _, n := range sent.Bad {
		c.badMarkers++
		if !keptN(n) {
			c.badDropped++
		}
		if n > len(sources) {
			c.phantom++
			if !keptN(n) {
				c.phantomDropped++
			}
		}
	}
	switch {
	case len(sent.Good) > 0:
		c.goodSentences++
		if v.Text == "" {
			c.goodRemoved++
		}
	default:
		c.badOnly++
		if v.Text != "" {
			c.badOnlyKept++
		}
	}
}

func (c *simCounts) report(t *testing.T) {
	t.Logf("questions %d: LLM answers %d, abstained %d, fell back to extractive %d; dropped_citations summed over answers: %d",
		c.questions, c.llmAnswers, c.abstained, c.fallbacks, c.droppedTotal)
	t.Logf("quoted non-answers to unanswerable questions removed as off_question (not scored below): %d", c.nonAnswers)
	t.Logf("citation markers written: %d right, %d wrong (%d naming no source)", c.goodMarkers, c.badMarkers, c.phantom)
	t.Logf("verifier dropped: %d/%d wrong (%d/%d naming no source), %d/%d right",
		c.badDropped, c.badMarkers, c.phantomDropped, c.phantom, c.goodDropped, c.goodMarkers)
	t.Logf("sentences: %d written; %d/%d grounded sentences removed; %d/%d sentences with only wrong citations kept",
		c.sentences, c.goodRemoved, c.goodSentences, c.badOnlyKept, c.badOnly)
	t.Logf("answers: keywords met %d/%d answered answerable, gold paragraph cited %d/%d; wrong abstentions %d/%d; abstained on %d/%d unanswerable",
		c.keywordsOK, c.answeredAnswerable, c.goldCited, c.answeredAnswerable, c.wrongAbstentions, c.answerable, c.unanswerableAbstained, c.unanswerable)
}

func keywordsMet(text string, groups [][]string) bool {
	low := strings.ToLower(text)
	for _, g := range groups {
		ok := false
		for _, alt := range g {
			ok = ok || strings.Contains(low, strings.ToLower(alt))
		}
		if !ok {
			return false
		}
	}
	return true
}

func citesEvidence(cits []answer.Citation, evidence []string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(corpus.Normalize(s))), " ") }
	for _, c := range cits {
		for _, e := range evidence {
			if strings.Contains(norm(c.Text), norm(e)) {
				return true
			}
		}
	}
	return false
}
