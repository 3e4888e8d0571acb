package fakediscord

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// api is the REST prefix discordgo v0.29 uses.
const api = "/api/v9"

// routes serves the gateway endpoint and every REST route the bot may
// use; anything else fails the test.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /gw", s.serveGateway)
	mux.HandleFunc("GET /gw/", s.serveGateway)
	rest := map[string]restHandler{
		"GET " + api + "/gateway":                                    s.getGateway,
		"GET " + api + "/gateway/bot":                                s.getGatewayBot,
		"PUT " + api + "/applications/{app}/commands":                s.putCommands,
		"PUT " + api + "/applications/{app}/guilds/{guild}/commands": s.putCommands,
		"POST " + api + "/interactions/{id}/{token}/callback":        s.postCallback,
		"PATCH " + api + "/webhooks/{app}/{token}/messages/{msg}":    s.patchWebhookMessage,
		"POST " + api + "/webhooks/{app}/{token}":                    s.postFollowup,
		"GET " + api + "/channels/{c}":                               s.getChannel,
		"GET " + api + "/channels/{c}/messages":                      s.listMessages,
		"GET " + api + "/channels/{c}/messages/{m}":                  s.getMessage,
		"POST " + api + "/channels/{c}/messages":                     s.postMessage,
		"PATCH " + api + "/channels/{c}/messages/{m}":                s.patchMessage,
		"POST " + api + "/channels/{c}/messages/{m}/threads":         s.postThread,
	}
	for pattern, h := range rest {
		mux.Handle(pattern, s.restRoute(h))
	}
	mux.HandleFunc("/", s.unexpected)
	return mux
}

// restHandler serves one REST route with the request's body already read
// and s.mu held; it returns the status and the JSON response (nil for none).
type restHandler func(r *http.Request, body json.RawMessage) (int, any)

// restRoute records the request, checks authorization, injects rate
// limits and runs h.
func (s *Server) restRoute(h restHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, err := io.ReadAll(r.Body)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, apiError(0, "unreadable body"))
			return
		}
		var body json.RawMessage
		if len(bytes.TrimSpace(raw)) > 0 {
			if !json.Valid(raw) {
				s.fail("%s %s: body is not JSON: %q", r.Method, r.URL.Path, raw)
				writeJSON(w, http.StatusBadRequest, apiError(50109, "invalid JSON"))
				return
			}
			body = raw
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: body, At: time.Now()}
		status, resp := s.serveREST(r, body, h)
		req.Status = status
		s.record(req)
		if status == http.StatusTooManyRequests {
			writeRateLimited(w)
			return
		}
		writeJSON(w, status, resp)
	})
}

func (s *Server) serveREST(r *http.Request, body json.RawMessage, h restHandler) (int, any) {
	if s.takeRateLimit(r.Method, r.URL.Path) {
		return http.StatusTooManyRequests, nil
	}
	if f, ok := s.takeFault(r.Method, r.URL.Path); ok {
		return f.status, apiError(0, f.message)
	}
	webhook := strings.HasPrefix(r.URL.Path, api+"/webhooks/") || strings.HasPrefix(r.URL.Path, api+"/interactions/")
	if got := r.Header.Get("Authorization"); !webhook && got != "Bot "+s.token {
		s.fail("%s %s: Authorization header is not the bot token", r.Method, r.URL.Path)
		return http.StatusUnauthorized, apiError(0, "401: Unauthorized")
	}
	return h(r, body)
}

func (s *Server) unexpected(w http.ResponseWriter, r *http.Request) {
	s.fail("unexpected request %s %s", r.Method, r.URL.Path)
	writeJSON(w, http.StatusNotFound, apiError(0, "404: Not Found"))
}

func apiError(code int, msg string) map[string]any {
	return map[string]any{"code": code, "message": msg}
}

func (s *Server) getGateway(r *http.Request, _ json.RawMessage) (int, any) {
	return http.StatusOK, map[string]any{"url": "ws://" + r.Host + "/gw"}
}

// getGatewayBot tells a sharded bot the gateway URL and how many shards
// may identify at once.
func (s *Server) getGatewayBot(r *http.Request, _ json.RawMessage) (int, any) {
	return http.StatusOK, map[string]any{
		"url": "ws://" + r.Host + "/gw", "shards": 1,
		"session_start_limit": map[string]any{"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": s.MaxConcurrency},
	}
}

// putCommands is a bulk overwrite of global or guild commands.
func (s *Server) putCommands(r *http.Request, body json.RawMessage) (int, any) {
	if r.PathValue("app") != s.AppID {
		s.fail("commands registered for application %q, want %q", r.PathValue("app"), s.AppID)
		return http.StatusForbidden, apiError(50001, "Missing Access")
	}
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		s.fail("command overwrite body: %v", err)
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body")
	}
	for _, c := range cmds {
		c["id"] = s.newID()
		c["application_id"] = s.AppID
		c["version"] = s.newID()
		if g := r.PathValue("guild"); g != "" {
			c["guild_id"] = g
		}
	}
	s.commands[r.URL.Path] = body
	return http.StatusOK, cmds
}

func (s *Server) getChannel(r *http.Request, _ json.RawMessage) (int, any) {
	c, ok := s.channels[r.PathValue("c")]
	if !ok {
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	}
	return http.StatusOK, c
}

func (s *Server) getMessage(r *http.Request, _ json.RawMessage) (int, any) {
	m, ok := s.messages[r.PathValue("m")]
	if !ok || m.ChannelID != r.PathValue("c") {
		return http.StatusNotFound, apiError(10008, "Unknown Message")
	}
	return http.StatusOK, m.json(DefaultBotName)
}

// listMessages returns a channel's messages newest first, as Discord does.
func (s *Server) listMessages(r *http.Request, _ json.RawMessage) (int, any) {
	if _, ok := s.channels[r.PathValue("c")]; !ok {
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	}
	ms := s.channelMessages(r.PathValue("c"))
	out := []any{}
	for i := len(ms) - 1; i >= 0 && len(out) < 100; i-- {
		out = append(out, ms[i].json(DefaultBotName))
	}
	return http.StatusOK, out
}

func (s *Server) postMessage(r *http.Request, body json.RawMessage) (int, any) {
	ch, ok := s.channels[r.PathValue("c")]
	if !ok {
		s.fail("message sent to unknown channel %s", r.PathValue("c"))
		return http.StatusNotFound, apiError(10003, "Unknown Channel")
	}
	p, problems := parseMessage(body, true)
	if len(problems) > 0 {
		return s.reject(r, problems)
	}
	m := Message{ChannelID: ch.ID, GuildID: ch.GuildID, AuthorID: s.BotID, Bot: true, Content: p.Content, Components: p.Components}
	if p.Reference != nil {
		m.ReplyTo = p.Reference.MessageID
		if _, ok := s.messages[m.ReplyTo]; !ok {
			s.fail("reply to unknown message %s", m.ReplyTo)
			return http.StatusBadRequest, apiError(50035, "Unknown message reference")
		}
	}
	m = s.storeMessage(m)
	return http.StatusOK, m.json(DefaultBotName)
}

func (s *Server) patchMessage(r *http.Request, body json.RawMessage) (int, any) {
	m, ok := s.messages[r.PathValue("m")]
	if !ok || m.ChannelID != r.PathValue("c") {
		s.fail("edit of unknown message %s", r.PathValue("m"))
		return http.StatusNotFound, apiError(10008, "Unknown Message")
	}
	if !m.Bot {
		s.fail("bot edited message %s that it did not send", m.ID)
		return http.StatusForbidden, apiError(50005, "Cannot edit a message authored by another user")
	}
	return s.applyEdit(r, m, body)
}

// applyEdit validates an edit and stores the edited message.
func (s *Server) applyEdit(r *http.Request, m Message, body json.RawMessage) (int, any) {
	p, problems := parseMessage(body, false)
	if len(problems) > 0 {
		return s.reject(r, problems)
	}
	if p.hasContent {
		m.Content = p.Content
	}
	if p.Components != nil {
		m.Components = p.Components
	}
	m.Edits++
	s.messages[m.ID] = m
	s.notify()
	return http.StatusOK, m.json(DefaultBotName)
}

func (s *Server) postThread(r *http.Request, body json.RawMessage) (int, any) {
	parent, ok := s.channels[r.PathValue("c")]
	m, mok := s.messages[r.PathValue("m")]
	if !ok || !mok || m.ChannelID != parent.ID {
		s.fail("thread started from unknown message %s in %s", r.PathValue("m"), r.PathValue("c"))
		return http.StatusNotFound, apiError(10008, "Unknown Message")
	}
	var p struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(body, &p); err != nil || p.Name == "" || len([]rune(p.Name)) > 100 {
		return s.reject(r, []string{"thread name must be 1-100 characters, got " + quote(p.Name)})
	}
	if _, exists := s.channels[m.ID]; exists {
		return http.StatusBadRequest, apiError(160004, "A thread has already been created for this message")
	}
	// Discord gives a thread started from a message the message's ID.
	th := Channel{ID: m.ID, Type: PublicThread, GuildID: parent.GuildID, ParentID: parent.ID, OwnerID: s.BotID, Name: p.Name}
	s.channels[th.ID] = th
	s.notify()
	return http.StatusCreated, th
}

// reject fails the test for a payload Discord would refuse, and refuses it.
func (s *Server) reject(r *http.Request, problems []string) (int, any) {
	s.fail("%s %s: Discord would reject this payload: %s", r.Method, r.URL.Path, strings.Join(problems, "; "))
	return http.StatusBadRequest, apiError(50035, "Invalid Form Body")
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
