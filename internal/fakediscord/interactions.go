package fakediscord

import (
	"encoding/json"
	"net/http"
	"time"
)

// AckDeadline is how long Discord waits for an interaction's first
// response before the interaction token stops working.
const AckDeadline = 3 * time.Second

// Interaction callback types the fake accepts.
const (
	callbackMessage         = 4
	callbackDeferredMessage = 5
	callbackDeferredUpdate  = 6
	callbackUpdateMessage   = 7
)

const flagEphemeral = 1 << 6

// interaction is an INTERACTION_CREATE the fake dispatched.
type interaction struct {
	id, token                  string
	channelID, guildID, userID string
	dispatched, acked          time.Time
	ackType                    int
}

// AckDelay reports how long the bot took from the dispatch of interaction
// id to its callback, and whether it has called back.
func (v View) AckDelay(id string) (time.Duration, bool) {
	in, ok := v.s.inter[id]
	if !ok || in.acked.IsZero() {
		return 0, false
	}
	return in.acked.Sub(in.dispatched), true
}

// Original returns the original response message of interaction id.
func (v View) Original(id string) (Message, bool) {
	in, ok := v.s.inter[id]
	if !ok {
		return Message{}, false
	}
	m, ok := v.s.messages[v.s.originals[in.token]]
	return m, ok
}

// Followups returns the followup messages of interaction id, oldest first.
func (v View) Followups(id string) []Message {
	in, ok := v.s.inter[id]
	if !ok {
		return nil
	}
	var out []Message
	for _, m := range v.s.channelMessages(in.channelID) {
		if m.Interaction == id && m.ID != v.s.originals[in.token] {
			out = append(out, m)
		}
	}
	return out
}

// AckDelay reports how long the bot took to acknowledge interaction id.
func (s *Server) AckDelay(id string) (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return View{s}.AckDelay(id)
}

// Original returns the original response of interaction id.
func (s *Server) Original(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return View{s}.Original(id)
}

// Followups returns the followup messages of interaction id.
func (s *Server) Followups(id string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return View{s}.Followups(id)
}

func (s *Server) postCallback(r *http.Request, body json.RawMessage) (int, any) {
	in, ok := s.inter[r.PathValue("id")]
	if !ok || in.token != r.PathValue("token") {
		s.fail("callback for unknown interaction %s", r.PathValue("id"))
		return http.StatusNotFound, apiError(10062, "Unknown interaction")
	}
	if !in.acked.IsZero() {
		s.fail("interaction %s acknowledged twice", in.id)
		return http.StatusBadRequest, apiError(40060, "Interaction has already been acknowledged.")
	}
	now := time.Now()
	if late := now.Sub(in.dispatched); late > AckDeadline {
		s.fail("interaction %s acknowledged after %v, past Discord's %v deadline", in.id, late, AckDeadline)
		return http.StatusNotFound, apiError(10062, "Unknown interaction")
	}
	var cb struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &cb); err != nil {
		return s.reject(r, []string{"callback body: " + err.Error()})
	}
	switch cb.Type {
	case callbackMessage, callbackDeferredMessage, callbackDeferredUpdate, callbackUpdateMessage:
	default:
		return s.reject(r, []string{"unsupported callback type"})
	}
	p, problems := parseMessage(cb.Data, cb.Type == callbackMessage)
	if len(problems) > 0 {
		return s.reject(r, problems)
	}
	in.acked, in.ackType = now, cb.Type
	if cb.Type == callbackMessage || cb.Type == callbackDeferredMessage {
		m := s.storeMessage(Message{ChannelID: in.channelID, GuildID: in.guildID, AuthorID: s.BotID, Bot: true,
			Content: p.Content, Components: p.Components, Ephemeral: p.Flags&flagEphemeral != 0, Interaction: in.id})
		s.originals[in.token] = m.ID
	}
	s.notify()
	return http.StatusNoContent, nil
}

// webhookInteraction finds the acknowledged interaction behind a webhook
// route.
func (s *Server) webhookInteraction(r *http.Request) (*interaction, bool) {
	if r.PathValue("app") != s.AppID {
		s.fail("webhook route for application %q, want %q", r.PathValue("app"), s.AppID)
		return nil, false
	}
	for _, in := range s.inter {
		if in.token == r.PathValue("token") {
			if in.acked.IsZero() {
				s.fail("webhook route for interaction %s before it was acknowledged", in.id)
				return nil, false
			}
			return in, true
		}
	}
	s.fail("webhook route with unknown interaction token")
	return nil, false
}

func (s *Server) patchWebhookMessage(r *http.Request, body json.RawMessage) (int, any) {
	in, ok := s.webhookInteraction(r)
	if !ok {
		return http.StatusNotFound, apiError(10015, "Unknown Webhook")
	}
	id := r.PathValue("msg")
	if id == "@original" {
		id = s.originals[in.token]
	}
	m, ok := s.messages[id]
	if !ok || m.Interaction != in.id {
		s.fail("edit of unknown interaction message %s", r.PathValue("msg"))
		return http.StatusNotFound, apiError(10008, "Unknown Message")
	}
	return s.applyEdit(r, m, body)
}

func (s *Server) postFollowup(r *http.Request, body json.RawMessage) (int, any) {
	in, ok := s.webhookInteraction(r)
	if !ok {
		return http.StatusNotFound, apiError(10015, "Unknown Webhook")
	}
	p, problems := parseMessage(body, true)
	if len(problems) > 0 {
		return s.reject(r, problems)
	}
	m := s.storeMessage(Message{ChannelID: in.channelID, GuildID: in.guildID, AuthorID: s.BotID, Bot: true,
		Content: p.Content, Components: p.Components, Ephemeral: p.Flags&flagEphemeral != 0, Interaction: in.id})
	if r.URL.Query().Get("wait") != "true" {
		return http.StatusNoContent, nil
	}
	return http.StatusOK, m.json(DefaultBotName)
}
