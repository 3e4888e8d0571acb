package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/footnote-dev/footnote/answer"
)

// threadArchiveMinutes is how long an answer thread stays open idle.
const threadArchiveMinutes = 1440

// incoming is a message the bot was asked something in.
type incoming struct {
	m        *discordgo.Message
	text     string // the question, without the bot's mention
	mention  bool
	replyBot bool // a reply to one of the bot's messages
	channel  channelInfo
}

// onMessage answers DMs, mentions and follow-ups.
func (b *Bot) onMessage(s *discordgo.Session, mc *discordgo.MessageCreate) {
	m := mc.Message
	if m.Author == nil || m.Author.Bot || b.identity() == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), deliverTimeout)
	defer cancel()
	defer b.recoverEvent("message", func() {
		r := &channelReply{s: s, channelID: m.ChannelID, replyTo: m.ID, guildID: m.GuildID}
		_, _ = r.deliver(ctx, []outMessage{{Content: failMessage}})
	})
	in, ok := b.classify(ctx, m)
	if !ok {
		return
	}
	b.onQuestion(ctx, s, in)
}

// classify decides whether a message is for the bot.
func (b *Bot) classify(ctx context.Context, m *discordgo.Message) (incoming, bool) {
	me := b.identity().userID
	in := incoming{m: m, text: stripMention(m.Content, me)}
	in.mention = slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u.ID == me })
	in.replyBot = m.ReferencedMessage != nil && m.ReferencedMessage.Author != nil && m.ReferencedMessage.Author.ID == me
	if m.GuildID == "" {
		return in, b.allow.allows(ctx, "", m.ChannelID)
	}
	if !in.mention && (in.text == "" || !in.replyBot && !b.cfg.MessageContent) {
		// Without a mention the content may be hidden from the bot (no
		// message-content intent); a usage hint would then be wrong.
		return in, false
	}
	if !b.allow.allows(ctx, m.GuildID, m.ChannelID) {
		b.log.Debug("message where the bot is not enabled", "guild", m.GuildID, "channel", m.ChannelID)
		return in, false
	}
	info, err := b.chans.get(ctx, m.ChannelID)
	if err != nil {
		b.log.Warn("look up channel", "channel", m.ChannelID, "err", err)
	}
	in.channel = info
	// Without a mention or a reply, only talk in threads the bot started.
	return in, in.mention || in.replyBot || b.ownThread(info)
}

func (b *Bot) ownThread(c channelInfo) bool {
	return c.Thread && c.OwnerID == b.identity().userID
}

// onQuestion checks the question, acknowledges it with a placeholder and
// queues it.
func (b *Bot) onQuestion(ctx context.Context, s *discordgo.Session, in incoming) {
	m := in.m
	reply := &channelReply{s: s, channelID: m.ChannelID, replyTo: m.ID, guildID: m.GuildID}
	q, err := answer.CheckQuestion(in.text)
	if err != nil {
		b.notice(ctx, reply, usageText(err))
		return
	}
	if ok, wait := b.allowQuestion(ctx, m.Author.ID); !ok {
		b.notice(ctx, reply, renderRateLimited(b.cfg.RateLimit, seconds(wait)))
		return
	}
	job := question{text: q, kind: "mention", user: m.Author.ID, out: reply}
	b.followUp(ctx, &job, in)
	switch {
	case m.GuildID == "":
		job.kind, reply.replyTo = "dm", ""
		if job.conv != "" {
			job.kind = "followup"
		}
	case job.conv != "" || in.channel.Thread:
		// Answer follow-ups and questions in threads where they were asked.
		if b.ownThread(in.channel) {
			reply.replyTo = ""
		}
	case b.cfg.ReplyMode == ReplyThread:
		b.openThread(ctx, s, &job, reply, q)
	}
	if err := reply.progress(ctx, thinking); err != nil {
		b.log.Error("acknowledge question", "kind", job.kind, "err", err)
		return
	}
	job.acked = time.Now()
	b.enqueue(ctx, job)
}

// followUp fills in the conversation a message continues: the bot message
// it replies to, or the bot thread it is in.
func (b *Bot) followUp(ctx context.Context, job *question, in incoming) {
	var ref string
	if in.replyBot {
		ref = in.m.ReferencedMessage.ID
	}
	job.conv, job.history = b.conversation(ctx, ref, in.m.ChannelID)
	if job.conv == "" && b.ownThread(in.channel) {
		// Forgotten (e.g. after a restart): the thread's name holds the
		// question it was opened for.
		if first, ok := strings.CutPrefix(in.channel.Name, "Q: "); ok {
			job.history = []answer.Turn{{Question: strings.TrimSuffix(first, "…")}}
		}
		job.keys = []string{in.m.ChannelID}
	}
	if len(job.history) > 0 {
		job.kind = "followup"
	}
}

// openThread starts a thread on the question's message and moves the
// answer there; if Discord refuses, the answer stays a reply.
func (b *Bot) openThread(ctx context.Context, s *discordgo.Session, job *question, reply *channelReply, q string) {
	th, err := s.MessageThreadStartComplex(reply.channelID, reply.replyTo, &discordgo.ThreadStart{Name: threadName(q), AutoArchiveDuration: threadArchiveMinutes}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("start thread; replying instead", "err", err)
		return
	}
	b.mem.putChannel(th.ID, channelInfo{GuildID: th.GuildID, ParentID: th.ParentID, OwnerID: b.identity().userID, Name: th.Name, Thread: true})
	reply.channelID, reply.replyTo = th.ID, ""
	job.keys = append(job.keys, th.ID)
}

// notice replies with a short message that is not an answer.
func (b *Bot) notice(ctx context.Context, r *channelReply, text string) {
	if _, err := r.deliver(ctx, []outMessage{{Content: text}}); err != nil {
		b.log.Error("send notice", "err", err)
	}
}

// stripMention removes mentions of the bot from a message's content.
func stripMention(content, botID string) string {
	content = strings.ReplaceAll(content, "<@"+botID+">", "")
	content = strings.ReplaceAll(content, "<@!"+botID+">", "")
	return strings.TrimSpace(content)
}
