package bot

import (
	"context"
	"errors"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/footnote-dev/footnote/answer"
)

// onInteraction routes slash commands and button clicks.
func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	in := ic.Interaction
	ctx, cancel := context.WithTimeout(context.Background(), deliverTimeout)
	defer cancel()
	r := &responder{s: s, in: in}
	defer b.recoverEvent("interaction", func() { r.sorry(ctx) })
	switch in.Type {
	case discordgo.InteractionApplicationCommand:
		if in.ApplicationCommandData().Name == askCommandName {
			b.onAsk(ctx, r)
		}
	case discordgo.InteractionMessageComponent:
		b.onButton(ctx, r)
	}
}

// onAsk handles /ask: checks, then a deferred response at once, then the
// answer from a worker.
func (b *Bot) onAsk(ctx context.Context, r *responder) {
	in := r.in
	user := interactionUser(in)
	if !b.allow.allows(ctx, in.GuildID, in.ChannelID) {
		r.ephemeral(ctx, b.log, notEnabled)
		return
	}
	q, err := answer.CheckQuestion(askOption(in))
	if err != nil {
		r.ephemeral(ctx, b.log, usageText(err))
		return
	}
	if ok, wait := b.allowQuestion(ctx, user); !ok {
		r.ephemeral(ctx, b.log, renderRateLimited(b.cfg.RateLimit, seconds(wait)))
		return
	}
	if err := r.deferReply(ctx); err != nil {
		b.log.Error("acknowledge /ask", "err", err)
		return
	}
	acked := time.Now()
	conv, history := b.conversation(ctx, in.ChannelID)
	job := question{text: q, history: history, conv: conv, kind: "ask", user: user, out: interactionReply{s: r.s, in: in}, acked: acked}
	b.enqueue(ctx, job)
}

// enqueue hands an acknowledged question to the workers, or says why it
// cannot be answered now.
func (b *Bot) enqueue(ctx context.Context, q question) {
	if b.pool.submit(func(ctx context.Context) { b.answers.run(ctx, q) }) {
		return
	}
	msg := busyMessage
	if b.closing.Load() {
		msg = shutdownMsg
	}
	b.log.Warn("question not queued", "kind", q.kind, "reason", msg)
	if _, err := q.out.deliver(ctx, []outMessage{{Content: msg}}); err != nil {
		b.log.Error("send busy notice", "err", err)
	}
}

// onButton handles "Show sources" and the feedback votes.
func (b *Bot) onButton(ctx context.Context, r *responder) {
	action, key, ok := parseCustomID(r.in.MessageComponentData().CustomID)
	if !ok {
		r.ephemeral(ctx, b.log, "That button isn't one of mine.")
		return
	}
	a, known, err := b.state.Answer(ctx, key)
	if err != nil {
		b.log.Error("look up answer for a button", "err", err)
		r.ephemeral(ctx, b.log, lookupFailed)
		return
	}
	switch action {
	case actionSources:
		if !known {
			r.ephemeral(ctx, b.log, expired)
			return
		}
		r.ephemeral(ctx, b.log, RenderSources(a)...)
	case actionUp, actionDown:
		if !known && r.in.Message != nil {
			a = answer.Answer{Text: r.in.Message.Content}
		}
		msg := key
		if r.in.Message != nil && r.in.Message.ID != "" {
			msg = r.in.Message.ID
		}
		r.ephemeral(ctx, b.log, b.vote(ctx, action, interactionUser(r.in), msg, a))
	default:
		r.ephemeral(ctx, b.log, "That button isn't one of mine.")
	}
}

// vote records feedback on message and returns what to tell the voter.
func (b *Bot) vote(ctx context.Context, action, user, message string, a answer.Answer) string {
	if b.feedback == nil {
		return "Feedback isn't being collected here."
	}
	fb := Feedback{Time: time.Now().UTC(), Vote: action, Question: a.Question, Answer: a.Text,
		Abstained: a.Abstained, Citations: a.Citations, UserHash: HashUser(b.cfg.Token, user), Message: message}
	if fb.Citations == nil {
		fb.Citations = []answer.Citation{}
	}
	stored, err := b.feedback.Record(ctx, fb)
	if err != nil {
		b.log.Error("record feedback", "err", err)
		return "Sorry, I couldn't record that. Please try again."
	}
	b.log.Info("feedback", "vote", action, "new", stored)
	return thanks
}

func askOption(in *discordgo.Interaction) string {
	for _, o := range in.ApplicationCommandData().Options {
		if o.Name == questionOption && o.Type == discordgo.ApplicationCommandOptionString {
			return o.StringValue()
		}
	}
	return ""
}

func interactionUser(in *discordgo.Interaction) string {
	if in.Member != nil && in.Member.User != nil {
		return in.Member.User.ID
	}
	if in.User != nil {
		return in.User.ID
	}
	return ""
}

func usageText(err error) string {
	if errors.Is(err, answer.ErrQuestionTooLong) {
		return renderTooLong()
	}
	return usageMessage
}

func seconds(d time.Duration) int {
	s := int((d + time.Second - 1) / time.Second)
	return max(s, 1)
}
