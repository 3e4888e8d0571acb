package fakeopenai

import (
	"hash/fnv"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	openai "github.com/sashabaranov/go-openai"
)

// Quoting simulates a grounded but fallible model for footnote's answer
// prompt: it answers with the one or two source sentences that share most
// words with the question, lightly reworded, each citing its source, and
// abstains when no sentence shares enough. A share of its answers carry
// faults, chosen deterministically from the question, and every sentence
// it writes is logged with the citations it should and should not have
// made, so that a test can score a citation verifier.
type Quoting struct {
	// Fault rates in [0, 1]: cite a source number that was not provided;
	// add a citation of an unrelated source; cite an unrelated source
	// instead of the right one; add an invented sentence with a citation.
	Phantom, Unrelated, Swap, Invented float64
	// Abstain is the word overlap below which the model abstains with
	// AbstainText.
	Abstain     float64
	AbstainText string

	mu  sync.Mutex
	log []Sentence
}

// Sentence is one sentence the model wrote, with the ground truth of its
// citations.
type Sentence struct {
	Question string
	Text     string
	// Good are the cited sources the sentence came from; Bad the ones it
	// cites wrongly (unrelated or not provided).
	Good, Bad []int
}

// Log returns the sentences written so far.
func (q *Quoting) Log() []Sentence {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Sentence(nil), q.log...)
}

var (
	sourceTag   = regexp.MustCompile(`(?s)<source n="(\d+)"[^>]*>\n(.*?)\n</source>`)
	questionTag = regexp.MustCompile(`(?s)<question>\n(.*?)\n</question>`)
	sentenceRe  = regexp.MustCompile(`[^.!?]+[.!?]+["”’]?`)
	wordRe      = regexp.MustCompile(`[\p{L}\p{N}]+`)
	unescape    = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`)
)

// Reply is the model: use it as Model(q.Reply).
func (q *Quoting) Reply(req openai.ChatCompletionRequest) string {
	prompt := req.Messages[len(req.Messages)-1].Content
	qm := questionTag.FindStringSubmatch(prompt)
	if qm == nil {
		return q.AbstainText
	}
	question := unescape.Replace(qm[1])
	var sources []string
	for _, m := range sourceTag.FindAllStringSubmatch(prompt, -1) {
		sources = append(sources, unescape.Replace(m[2]))
	}
	picks := pickSentences(question, sources, q.Abstain)
	if len(picks) == 0 {
		return q.AbstainText
	}
	return q.write(question, picks, len(sources))
}

type pick struct {
	text   string
	source int // 1-based
	score  float64
}

// pickSentences returns the best one or two source sentences for question.
func pickSentences(question string, sources []string, floor float64) []pick {
	qw := contentWords(question)
	var all []pick
	for i, src := range sources {
		for _, s := range sentenceRe.FindAllString(src, -1) {
			all = append(all, pick{text: strings.TrimSpace(s), source: i + 1, score: overlap(qw, contentWords(s))})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	if len(all) == 0 || all[0].score < floor {
		return nil
	}
	out := all[:1]
	if len(all) > 1 && all[1].score >= 0.7*all[0].score {
		out = append(out, all[1])
	}
	return out
}

// write renders the picks as cited sentences, adding the faults the
// question's hash selects, and logs them.
func (q *Quoting) write(question string, picks []pick, nSources int) string {
	roll := dice(question)
	var parts []string
	for i, p := range picks {
		s := Sentence{Question: question, Text: reword(p.text), Good: []int{p.source}}
		other := unrelated(p.source, nSources, roll(10+i))
		switch {
		case roll(1) < q.Swap && other > 0:
			s.Good, s.Bad = nil, []int{other}
		case roll(2) < q.Unrelated && other > 0:
			s.Bad = []int{other}
		}
		if roll(3) < q.Phantom && i == 0 {
			s.Bad = append(s.Bad, nSources+4)
		}
		s.Text = cite(s.Text, append(append([]int(nil), s.Good...), s.Bad...))
		q.record(s)
		parts = append(parts, s.Text)
	}
	if roll(4) < q.Invented {
		s := Sentence{Question: question, Text: cite("This development was widely seen as a major turning point for the whole region.", []int{picks[0].source}), Bad: []int{picks[0].source}}
		q.record(s)
		parts = append(parts, s.Text)
	}
	return strings.Join(parts, " ")
}

func (q *Quoting) record(s Sentence) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.log = append(q.log, s)
}

// cite puts markers before the sentence's final punctuation.
func cite(sentence string, ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString("[" + strconv.Itoa(n) + "]")
	}
	body := strings.TrimRight(sentence, ".!?”\"’ ")
	return body + " " + b.String() + sentence[len(body):]
}

// rewording swaps a few words as a model paraphrasing would.
var rewording = strings.NewReplacer(
	" said ", " stated ", " told ", " informed ", " visited ", " went to ", " country ", " nation ",
	" leader ", " head ", " invited ", " asked ", " However, ", " ", " But ", " ", " also ", " ",
	" reported ", " said ", " meeting ", " talks ",
)

// reword paraphrases lightly: swapped words and a framing clause.
func reword(s string) string {
	s = strings.TrimSpace(rewording.Replace(" " + s + " "))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "But "), "However, ")
	first, rest, _ := strings.Cut(s, " ")
	if commonOpeners[first] {
		first = strings.ToLower(first)
	}
	return "Reportedly, " + first + " " + rest
}

var commonOpeners = map[string]bool{"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "It": true, "This": true, "That": true, "He": true, "She": true, "They": true}

// unrelated picks a source other than n, or 0 when there is none.
func unrelated(n, total int, r float64) int {
	if total < 2 {
		return 0
	}
	k := 1 + int(r*float64(total-1))
	if k >= n {
		k++
	}
	return min(k, total)
}

// dice returns deterministic pseudo-random numbers in [0, 1) for a
// question, one per slot.
func dice(question string) func(slot int) float64 {
	return func(slot int) float64 {
		h := fnv.New64a()
		h.Write([]byte(strconv.Itoa(slot) + "\x00" + question))
		return float64(h.Sum64()%10000) / 10000
	}
}

var stop = map[string]bool{
	"the": true, "and": true, "what": true, "who": true, "why": true, "how": true, "did": true, "does": true,
	"was": true, "were": true, "for": true, "with": true, "that": true, "this": true, "from": true,
	"his": true, "her": true, "its": true, "their": true, "they": true, "about": true, "which": true,
	"when": true, "where": true, "into": true, "has": true, "have": true, "had": true, "is": true,
}

func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range wordRe.FindAllString(strings.ToLower(s), -1) {
		if len(w) > 2 && !stop[w] {
			out[w] = true
		}
	}
	return out
}

// overlap is the share of the question's words found in the sentence.
func overlap(q, s map[string]bool) float64 {
	if len(q) == 0 {
		return 0
	}
	n := 0
	for w := range q {
		if s[w] {
			n++
		}
	}
	return float64(n) / float64(len(q))
}
