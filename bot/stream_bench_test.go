package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/internal/fakediscord"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
)

// BenchmarkDiscordTimeToFirstVerifiedSentence measures, through the fake
// Discord, how long after the model completed the first true sentence of
// a streamed reply (at 50 words a second, an invented sentence first)
// Discord received an edit showing it, partial or final:
//
//	go test ./bot -run '^$' -bench DiscordTimeToFirstVerifiedSentence -benchtime 5x
//
// after-complete-ms is that lag on average and worst-after-complete-ms the
// longest: verification plus the bot's edit pacing (at most one partial
// edit a second); from-ack-ms is from the /ask to that edit.
func BenchmarkDiscordTimeToFirstVerifiedSentence(b *testing.B) {
	const delay = 20 * time.Millisecond
	eng, srv := llmEngine(b)
	h := startBot(b, bot.Config{RateLimit: 1000}, eng)
	f := fakeopenai.Luncheon()
	reply := fakeopenai.Invent(f.Claims, f.Invented[0])[0].Reply
	words := len(fakeopenai.Words(throughNextWord(reply, f.Claims[0])))
	var lag, worst, fromAck time.Duration
	n := 0
	for b.Loop() {
		n++
		calls := len(srv.ChatCalls())
		srv.Chat(fakeopenai.Paced(reply, delay))
		asked := time.Now()
		id := h.fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: fmt.Sprint("u-bench-", n), Question: f.Question})
		h.answerOf(b, id)
		call := srv.ChatCalls()[calls]
		complete := call.At.Add(time.Duration(words) * delay)
		e, ok := firstShowing(originalEdits(h.fd, id), f.Claims[0])
		if !ok {
			b.Fatal("no edit showed the first true sentence")
		}
		lag += e.at.Sub(complete)
		worst = max(worst, e.at.Sub(complete))
		fromAck += e.at.Sub(asked)
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
	b.ReportMetric(ms(lag), "after-complete-ms")
	b.ReportMetric(ms(worst)*float64(n), "worst-after-complete-ms")
	b.ReportMetric(ms(fromAck), "from-ack-ms")
}

// firstShowing returns the first edit that begins with sentence.
func firstShowing(edits []edit, sentence string) (edit, bool) {
	for _, e := range edits {
		if strings.HasPrefix(e.content, sentence) {
			return e, true
		}
	}
	return edit{}, false
}
