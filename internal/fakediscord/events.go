package fakediscord

import (
	"strings"
	"time"
)

// Ask is a user running /ask.
type Ask struct {
	// ChannelID is where the command runs; a channel made by GuildChannel
	// or DMChannel.
	ChannelID string
	UserID    string
	Question  string
}

// Ask dispatches an INTERACTION_CREATE for /ask and returns the
// interaction's ID.
func (s *Server) Ask(a Ask) string {
	data := map[string]any{
		"id":   "cmd-ask",
		"name": "ask",
		"type": 1,
		"options": []any{
			map[string]any{"name": "question", "type": 3, "value": a.Question},
		},
	}
	return s.interact(2, a.ChannelID, a.UserID, data, nil)
}

// Click dispatches an INTERACTION_CREATE for a click on the button
// customID of message messageID, and returns the interaction's ID.
func (s *Server) Click(messageID, customID, userID string) string {
	m, ok := s.Message(messageID)
	if !ok {
		s.t.Fatalf("fakediscord: click on unknown message %s", messageID)
	}
	data := map[string]any{"custom_id": customID, "component_type": componentButton}
	return s.interact(3, m.ChannelID, userID, data, m.json(DefaultBotName))
}

// interact dispatches an interaction of type typ in channelID.
func (s *Server) interact(typ int, channelID, userID string, data, message map[string]any) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.channels[channelID]
	if !ok {
		s.t.Fatalf("fakediscord: interaction in unknown channel %s", channelID)
	}
	id := s.newID()
	in := &interaction{id: id, token: "itoken-" + id, channelID: channelID, guildID: ch.GuildID, userID: userID}
	s.inter[id] = in
	user := map[string]any{"id": userID, "username": "user" + userID, "discriminator": "0"}
	ev := map[string]any{
		"id":             id,
		"application_id": s.AppID,
		"type":           typ,
		"token":          in.token,
		"version":        1,
		"channel_id":     channelID,
		"channel":        map[string]any{"id": channelID, "type": ch.Type},
		"data":           data,
		"locale":         "en-US",
	}
	if ch.GuildID != "" {
		ev["guild_id"] = ch.GuildID
		ev["member"] = map[string]any{"user": user, "roles": []any{}, "permissions": "0"}
	} else {
		ev["user"] = user
	}
	if message != nil {
		ev["message"] = message
	}
	in.dispatched = time.Now()
	s.dispatchGuildLocked(ch.GuildID, "INTERACTION_CREATE", ev)
	return id
}

// Post is a user's message.
type Post struct {
	ChannelID string
	AuthorID  string
	Content   string
	// Mention puts "<@bot> " before the content and the bot in mentions,
	// as Discord does for "@footnote …" and for replies that ping.
	Mention bool
	// ReplyTo is the ID of the message this one replies to.
	ReplyTo string
}

// Post stores a user's message and dispatches its MESSAGE_CREATE. In a
// guild, the content is blanked unless the bot is mentioned or has the
// message-content intent, as Discord does. It returns the message's ID.
func (s *Server) Post(p Post) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.channels[p.ChannelID]; !ok {
		s.t.Fatalf("fakediscord: message in unknown channel %s", p.ChannelID)
	}
	content := p.Content
	if p.Mention {
		content = "<@" + s.BotID + "> " + content
	}
	m := s.storeMessage(Message{ChannelID: p.ChannelID, AuthorID: p.AuthorID, Content: content, ReplyTo: p.ReplyTo})
	ev := m.json(DefaultBotName)
	if p.Mention {
		ev["mentions"] = []any{map[string]any{"id": s.BotID, "username": DefaultBotName, "bot": true}}
	}
	if m.GuildID != "" && !p.Mention && s.sessionLocked(s.shardOfLocked(m.GuildID)).identify.Intents&IntentMessageContent == 0 {
		ev["content"] = ""
	}
	if ref, ok := s.messages[p.ReplyTo]; ok {
		ev["referenced_message"] = ref.json(DefaultBotName)
	} else if p.ReplyTo != "" {
		s.t.Fatalf("fakediscord: reply to unknown message %s", p.ReplyTo)
	}
	s.dispatchGuildLocked(m.GuildID, "MESSAGE_CREATE", ev)
	return m.ID
}

// ThreadOf returns the thread started from message id, if there is one.
func (v View) ThreadOf(id string) (Channel, bool) {
	c, ok := v.s.channels[id]
	return c, ok && c.Type == PublicThread
}

// Replies returns the bot's messages replying to message id.
func (v View) Replies(id string) []Message {
	var out []Message
	for _, m := range v.s.messages {
		if m.Bot && m.ReplyTo == id {
			out = append(out, m)
		}
	}
	return out
}

// BotMessages returns the bot's messages in a channel, oldest first.
func (v View) BotMessages(channelID string) []Message {
	var out []Message
	for _, m := range v.s.channelMessages(channelID) {
		if m.Bot {
			out = append(out, m)
		}
	}
	return out
}

// StripMention removes the fake bot's mention from content.
func (s *Server) StripMention(content string) string {
	return strings.TrimSpace(strings.TrimPrefix(content, "<@"+s.BotID+">"))
}
