package bot_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/internal/fakediscord"
)

// TestBotOptions runs a bot configured away from the defaults: replies
// instead of threads, the message-content intent, allow-lists, a guild
// command and a shard other than 0, which gets its guilds' events but
// leaves registering /ask to shard 0.
func TestBotOptions(t *testing.T) {
	fdGuild := "700000000000000001"
	h := startBot(t, bot.Config{
		ReplyMode: bot.ReplyInline, MessageContent: true, GuildID: fdGuild,
		AllowedGuilds: []string{fdGuild}, ShardID: 1, ShardCount: 2,
	}, newEngine(t))
	fd := h.fd
	allowed := fd.GuildChannel(fdGuild)
	// A guild on this shard that is not allowed.
	other := fd.GuildChannel(fd.GuildOnShard(1, 2))

	t.Run("asks for message content, identifies as its shard and leaves /ask to shard 0", func(t *testing.T) {
		if fd.Intents()&fakediscord.IntentMessageContent == 0 {
			t.Error("message-content intent not requested")
		}
		if s := fd.Shard(); s == nil || *s != [2]int{1, 2} {
			t.Errorf("shard = %v, want [1 2]", s)
		}
		if _, ok := fd.Commands("/api/v9/applications/" + fd.AppID + "/guilds/" + fdGuild + "/commands"); ok {
			t.Error("shard 1 registered /ask; only shard 0 should")
		}
	})

	t.Run("answers a mention with a reply, not a thread", func(t *testing.T) {
		msg := fd.Post(fakediscord.Post{ChannelID: allowed, AuthorID: "u1", Content: "What does juche mean?", Mention: true})
		fd.Wait(waitFor, "a reply", func(v fakediscord.View) bool { return answered(v.Replies(msg)) })
		if _, ok := fd.Channel(msg); ok {
			t.Error("a thread was started in reply mode")
		}
	})

	t.Run("says /ask is not enabled outside the allowed guilds", func(t *testing.T) {
		id := fd.Ask(fakediscord.Ask{ChannelID: other, UserID: "u1", Question: "What does juche mean?"})
		if m := h.ephemeral(t, id); !strings.Contains(m.Content, "isn't enabled here") {
			t.Errorf("reply = %q", m.Content)
		}
	})

	t.Run("ignores mentions outside the allowed guilds", func(t *testing.T) {
		fd.Post(fakediscord.Post{ChannelID: other, AuthorID: "u1", Content: "What does juche mean?", Mention: true})
		h.logs.waitRecord(t, "message where the bot is not enabled")
		for _, m := range fd.Messages(other) {
			if m.Bot && !m.Ephemeral {
				t.Errorf("the bot spoke in a guild that is not allowed: %q", m.Content)
			}
		}
	})

	t.Run("follows up without a mention in a thread it started before a restart", func(t *testing.T) {
		thread := fd.NewID()
		fd.AddChannel(fakediscord.Channel{ID: thread, Type: fakediscord.PublicThread, GuildID: fdGuild, ParentID: allowed,
			OwnerID: fd.BotID, Name: "Q: Why did Putin visit North Korea?"})
		fd.Post(fakediscord.Post{ChannelID: thread, AuthorID: "u2", Content: "What did he sign?"})
		msgs := waitAnswers(t, fd, thread, 1)
		if !strings.Contains(msgs[0].Content, "treaty") {
			t.Errorf("follow-up answer is not about the treaty:\n%s", msgs[0].Content)
		}
	})

	t.Run("ignores chatter in channels it did not start", func(t *testing.T) {
		fd.Post(fakediscord.Post{ChannelID: allowed, AuthorID: "u3", Content: "lunch anyone?"})
		msg := fd.Post(fakediscord.Post{ChannelID: allowed, AuthorID: "u3", Content: "What does juche mean?", Mention: true})
		fd.Wait(waitFor, "a reply", func(v fakediscord.View) bool { return answered(v.Replies(msg)) })
		for _, m := range fd.Messages(allowed) {
			if m.Bot && m.ReplyTo != "" {
				if orig, _ := fd.Message(m.ReplyTo); strings.Contains(orig.Content, "lunch") {
					t.Errorf("the bot answered chatter: %q", m.Content)
				}
			}
		}
	})

	t.Run("sends every message with an empty allowed_mentions parse list", func(t *testing.T) {
		// Its own reply and /ask answer first, so that alone it checks some.
		msg := fd.Post(fakediscord.Post{ChannelID: allowed, AuthorID: "u-audit", Content: "What does juche mean?", Mention: true})
		fd.Wait(waitFor, "a reply", func(v fakediscord.View) bool { return answered(v.Replies(msg)) })
		h.answerOf(t, fd.Ask(fakediscord.Ask{ChannelID: allowed, UserID: "u-audit", Question: "What does juche mean?"}))
		checkAllowedMentionsAtLeast(t, fd, 2)
	})
}

func TestRunGivesUpOnAStalledGateway(t *testing.T) {
	fd := fakediscord.New(t, testToken)
	fd.Stall()
	b, err := bot.New(bot.Config{Token: testToken, APIBaseURL: fd.URL(), ConnectTimeout: 300 * time.Millisecond}, newEngine(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := b.Run(ctx); err == nil || ctx.Err() != nil {
		t.Errorf("Run = %v (ctx %v), want a connection error before the context ends", err, ctx.Err())
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	eng := newEngine(t)
	for _, tc := range []struct {
		name string
		cfg  bot.Config
		want string
	}{
		{"a missing token is refused", bot.Config{}, "token"},
		{"an unknown reply mode is refused", bot.Config{Token: "x", ReplyMode: "shout"}, "reply mode"},
		{"a shard ID beyond the count is refused", bot.Config{Token: "x", ShardID: 2, ShardCount: 2}, "shard"},
		{"a relative API base URL is refused", bot.Config{Token: "x", APIBaseURL: "localhost"}, "absolute URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bot.New(tc.cfg, eng, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New = %v, want an error about %q", err, tc.want)
			}
		})
	}
}

func TestShardZeroRegistersAskInTheConfiguredGuild(t *testing.T) {
	guild := "700000000000000009"
	h := startBot(t, bot.Config{GuildID: guild, ShardCount: 2}, newEngine(t))
	if _, ok := h.fd.Commands("/api/v9/applications/" + h.fd.AppID + "/guilds/" + guild + "/commands"); !ok {
		t.Error("/ask not registered in the guild")
	}
}
