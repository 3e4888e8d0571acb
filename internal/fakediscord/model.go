package fakediscord

import (
	"encoding/json"
	"sort"
)

// Channel types the fake knows, as Discord numbers them.
const (
	GuildText    = 0
	DM           = 1
	PublicThread = 11
)

// Channel is a guild text channel, a DM or a thread.
type Channel struct {
	ID       string `json:"id"`
	Type     int    `json:"type"`
	GuildID  string `json:"guild_id,omitempty"`
	ParentID string `json:"parent_id,omitempty"`
	OwnerID  string `json:"owner_id,omitempty"`
	Name     string `json:"name,omitempty"`
}

// Message is a message as the fake stores it: sent by a test user through
// Post, or by the bot through REST.
type Message struct {
	ID        string
	ChannelID string
	GuildID   string
	AuthorID  string
	Bot       bool // sent by the bot
	Content   string
	// ReplyTo is the ID of the message this one replies to.
	ReplyTo string
	// Components is the last components payload the bot sent.
	Components json.RawMessage
	// Ephemeral is set for interaction responses only the user sees.
	Ephemeral bool
	// Interaction is the ID of the interaction whose response this is.
	Interaction string
	// Edits counts PATCHes after creation.
	Edits int
	seq   int64
}

// json renders m as Discord's message object.
func (m Message) json(botName string) map[string]any {
	out := map[string]any{
		"id":         m.ID,
		"channel_id": m.ChannelID,
		"content":    m.Content,
		"type":       0,
		"author":     map[string]any{"id": m.AuthorID, "username": "user" + m.AuthorID, "bot": m.Bot},
		"mentions":   []any{},
		"timestamp":  "2025-01-01T00:00:00Z",
	}
	if m.Bot {
		out["author"] = map[string]any{"id": m.AuthorID, "username": botName, "bot": true}
	}
	if m.GuildID != "" {
		out["guild_id"] = m.GuildID
	}
	if m.ReplyTo != "" {
		out["type"] = 19
		out["message_reference"] = map[string]any{"message_id": m.ReplyTo, "channel_id": m.ChannelID, "guild_id": m.GuildID}
	}
	if len(m.Components) > 0 {
		out["components"] = m.Components
	}
	return out
}

// channelMessages lists a channel's messages in creation order. Callers
// hold s.mu.
func (s *Server) channelMessages(channelID string) []Message {
	var out []Message
	for _, m := range s.messages {
		if m.ChannelID == channelID {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// storeMessage saves a new message and returns it. Callers hold s.mu.
func (s *Server) storeMessage(m Message) Message {
	if m.ID == "" {
		m.ID = s.newID()
	}
	s.nextID++
	m.seq = s.nextID
	if ch, ok := s.channels[m.ChannelID]; ok && m.GuildID == "" {
		m.GuildID = ch.GuildID
	}
	s.messages[m.ID] = m
	s.notify()
	return m
}

// AddChannel registers a channel so GET /channels/{id} finds it.
func (s *Server) AddChannel(c Channel) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[c.ID] = c
	s.notify()
}

// GuildChannel creates a guild text channel and returns its ID.
func (s *Server) GuildChannel(guildID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.newID()
	s.channels[id] = Channel{ID: id, Type: GuildText, GuildID: guildID, Name: "general"}
	return id
}

// DMChannel creates a DM channel with a user and returns its ID.
func (s *Server) DMChannel() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.newID()
	s.channels[id] = Channel{ID: id, Type: DM}
	return id
}

// Channel returns a registered channel.
func (s *Server) Channel(id string) (Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.channels[id]
	return c, ok
}
