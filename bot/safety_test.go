package bot_test

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/internal/fakediscord"
)

// fixedAsker answers every question with the same answer, for tests of
// what the bot does with text it did not write.
type fixedAsker struct{ a answer.Answer }

func (f fixedAsker) Ask(context.Context, answer.Request) (answer.Answer, error) { return f.a, nil }

func TestBotKeepsTheTokenOutOfLogsWhenDiscordEchoesIt(t *testing.T) {
	h := startBot(t, bot.Config{}, newProbe(newEngine(t)))
	h.fd.Fail("POST /api/v9/channels/*/messages/*/threads", 1, http.StatusForbidden, "Missing Access for token "+testToken)
	h.fd.Post(fakediscord.Post{ChannelID: h.channel, AuthorID: "u1", Content: "What does juche mean?", Mention: true})
	h.logs.waitRecord(t, "start thread; replying instead")
	if strings.Contains(h.logs.String(), testToken) {
		t.Errorf("a log line holds the token:\n%s", h.logs)
	}
}

func TestBotNeverSendsTheTokenInAMessage(t *testing.T) {
	leaky := answer.Answer{Text: "The token is " + testToken + " [1].", Mode: answer.LLM,
		Citations: []answer.Citation{{N: 1, Doc: "d", Title: "T " + testToken, Paragraph: 1, Text: "paragraph with " + testToken}}}
	h := startBot(t, bot.Config{}, fixedAsker{leaky})
	m := h.ask(t, "u1", "What is the token?")
	for _, s := range h.fd.SentMessages() {
		if strings.Contains(s.Content, testToken) {
			t.Errorf("a message sent to Discord holds the token: %q", s.Content)
		}
	}
	if !strings.Contains(m.Content, "[redacted]") {
		t.Errorf("answer = %q, want the token masked", m.Content)
	}
}

func TestBotSuppressesLinkPreviewsWhereverDiscordLetsIt(t *testing.T) {
	h := startBot(t, bot.Config{ReplyMode: bot.ReplyInline}, newProbe(newEngine(t)))
	msg := h.fd.Post(fakediscord.Post{ChannelID: h.channel, AuthorID: "u1", Content: "What does juche mean?", Mention: true})
	h.fd.Wait(waitFor, "an answer", func(v fakediscord.View) bool { return answered(v.Replies(msg)) })
	n := 0
	for _, s := range h.fd.SentMessages() {
		if strings.Contains(s.Request.Path, "/webhooks/") && s.Request.Method == http.MethodPatch {
			continue // an interaction response edit takes no flags
		}
		n++
		if s.Flags&4 == 0 {
			t.Errorf("%s %s sent without SUPPRESS_EMBEDS (flags %d)", s.Request.Method, s.Request.Path, s.Flags)
		}
	}
	if n == 0 {
		t.Fatal("no message was sent")
	}
}

func TestTwentyClicksOnOneAnswerAreOneVote(t *testing.T) {
	feedback := filepath.Join(t.TempDir(), "feedback.jsonl")
	h := startBot(t, bot.Config{FeedbackFile: feedback}, newProbe(newEngine(t)))
	m := h.ask(t, "u1", "What does juche mean?")
	up, down := buttons(t, m)[1], buttons(t, m)[2]
	for range 20 {
		h.ephemeral(t, h.fd.Click(m.ID, up, "u-voter"))
	}
	h.ephemeral(t, h.fd.Click(m.ID, down, "u-voter"))
	var votes []string
	for _, r := range readFeedback(t, feedback) {
		votes = append(votes, r.Vote)
	}
	if strings.Join(votes, ",") != "up,down" {
		t.Errorf("%d records %v, want one 👍 then the 👎 that replaced it", len(votes), votes)
	}
}
