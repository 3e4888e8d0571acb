package answer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
)

// benchWordDelay is the fake model's pace: 50 words a second, about what
// a small hosted model streams.
const benchWordDelay = 20 * time.Millisecond

// BenchmarkTimeToFirstVerifiedSentence measures how long a reader waits
// for the first verified sentence of a streamed answer, against the fake
// server streaming the luncheon fixture a word every benchWordDelay:
//
//	go test ./answer -run '^$' -bench TimeToFirstVerifiedSentence -benchtime 5x
//
// first-ms is from Ask to the first Partial with text; lag-ms is that
// moment less when the sentence was complete at the model (the chunk that
// begins the next sentence, timed from the first chunk): the cost of
// splitting and verifying as the text streams. answer-ms is the whole
// streamed answer, and plain-answer-ms the same reply without streaming,
// which is all a reader could see before.
func BenchmarkTimeToFirstVerifiedSentence(b *testing.B) {
	f := fakeopenai.Luncheon()
	replies := []fakeopenai.Scripted{{Name: "three true sentences", Reply: strings.Join(f.Claims, " ")}}
	replies = append(replies, fakeopenai.Invent(f.Claims, f.Invented[0])[0])
	for _, r := range replies {
		b.Run(r.Name, func(b *testing.B) {
			benchFirstSentence(b, f, r.Reply)
		})
	}
}

func benchFirstSentence(b *testing.B, f fakeopenai.Fixture, reply string) {
	ix := builtinIndex(b)
	s := newBenchSetup(b, ix)
	firstWords := len(fakeopenai.Words(throughNextWord(reply, f.Claims[0])))
	var first, lag, total, plain time.Duration
	n := 0
	for b.Loop() {
		n++
		s.srv.Chat(fakeopenai.Paced(reply, benchWordDelay))
		start := time.Now()
		var firstChunk, shown time.Time
		onProgress := func(p answer.Partial) {
			switch {
			case p.Status != "" && strings.HasPrefix(p.Status, "Checking") && firstChunk.IsZero():
				firstChunk = time.Now()
			case p.Text != "" && shown.IsZero():
				shown = time.Now()
			}
		}
		if _, err := s.eng.Ask(context.Background(), answer.Request{Question: f.Question, OnProgress: onProgress}); err != nil {
			b.Fatal(err)
		}
		if shown.IsZero() || firstChunk.IsZero() {
			b.Fatal("no verified sentence was shown while streaming")
		}
		total += time.Since(start)
		first += shown.Sub(start)
		lag += shown.Sub(firstChunk.Add(time.Duration(firstWords-1) * benchWordDelay))
		b.StopTimer()
		s.srv.Chat(fakeopenai.Paced(reply, benchWordDelay))
		t0 := time.Now()
		if _, err := s.eng.Ask(context.Background(), answer.Request{Question: f.Question}); err != nil {
			b.Fatal(err)
		}
		plain += time.Since(t0)
		b.StartTimer()
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
	b.ReportMetric(ms(first), "first-ms")
	b.ReportMetric(ms(lag), "lag-ms")
	b.ReportMetric(ms(total), "answer-ms")
	b.ReportMetric(ms(plain), "plain-answer-ms")
}

// newBenchSetup is newLLMSetup for a benchmark.
func newBenchSetup(b *testing.B, ix answer.Retriever) llmSetup {
	b.Helper()
	srv := fakeopenai.New(b, fakeopenai.Options{APIKey: testKey, ChatModel: testModel})
	gen := answer.NewOpenAIGenerator(openaiapi.Config{BaseURL: srv.URL, APIKey: testKey, ChatModel: testModel, Timeout: 30 * time.Second})
	return llmSetup{srv: srv, eng: &answer.Engine{Retriever: ix, Generator: gen}, warn: &warnings{}}
}

// throughNextWord returns reply up to the end of the word after sentence,
// with its space: the point where sentence is complete.
func throughNextWord(reply, sentence string) string {
	end := strings.Index(reply, sentence) + len(sentence) + 1
	next := strings.IndexByte(reply[end:], ' ')
	if next < 0 {
		return reply
	}
	return reply[:end+next+1]
}
