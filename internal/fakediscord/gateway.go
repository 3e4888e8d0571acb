package fakediscord

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch     = 0
	opHeartbeat    = 1
	opIdentify     = 2
	opResume       = 6
	opReconnect    = 7
	opInvalid      = 9
	opHello        = 10
	opHeartbeatAck = 11
)

// IntentMessageContent is the privileged message-content intent bit.
const IntentMessageContent = 1 << 15

// gatewayState is one shard's gateway session (Server.gw is shard 0's,
// Server.shards the others'). Guarded by Server.mu.
type gatewayState struct {
	conns      map[*gwConn]bool
	live       *gwConn // the connection whose session is identified or resumed
	sessionID  string
	seq        int64
	sent       []frame // dispatches of this session, for replay on resume
	identifies int
	resumes    int
	identify   identifyData
	stall      bool
}

type identifyData struct {
	Token   string  `json:"token"`
	Intents int     `json:"intents"`
	Shard   *[2]int `json:"shard"`
}

func (g *gatewayState) init() { g.conns = map[*gwConn]bool{} }

// gwConn is one websocket connection; writes are serialized by mu.
type gwConn struct {
	ws *websocket.Conn
	mu sync.Mutex
}

func (c *gwConn) write(f frame) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(f)
}

// frame is a gateway payload.
type frame struct {
	Op int     `json:"op"`
	D  any     `json:"d"`
	S  *int64  `json:"s"`
	T  *string `json:"t"`
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveGateway speaks the gateway protocol on one connection: HELLO,
// then IDENTIFY or RESUME, heartbeats, and whatever the test dispatches.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("v") != "9" || r.URL.Query().Get("encoding") != "json" {
		s.fail("gateway dialed with query %q, want v=9&encoding=json", r.URL.RawQuery)
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.fail("gateway upgrade: %v", err)
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	s.gw.conns[c] = true // every connection is listed here, whatever its shard
	s.mu.Unlock()
	defer s.dropConn(c)
	if s.stalled() {
		_, _, _ = ws.ReadMessage() // say nothing until the client gives up
		return
	}
	if err := c.write(frame{Op: opHello, D: map[string]int{"heartbeat_interval": s.HeartbeatInterval}}); err != nil {
		return
	}
	for {
		var in struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := ws.ReadJSON(&in); err != nil {
			return
		}
		s.onClientFrame(c, r.Host, in.Op, in.D)
	}
}

func (s *Server) dropConn(c *gwConn) {
	_ = c.ws.Close() // dropping it is the point; its error changes nothing
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.gw.conns, c)
	if s.gw.live == c {
		s.gw.live = nil
	}
	for _, g := range s.shards {
		if g.live == c {
			g.live = nil
		}
	}
	s.notify()
}

func (s *Server) onClientFrame(c *gwConn, host string, op int, d json.RawMessage) {
	switch op {
	case opHeartbeat:
		_ = c.write(frame{Op: opHeartbeatAck})
	case opIdentify:
		s.onIdentify(c, host, d)
	case opResume:
		s.onResume(c, d)
	}
}

func (s *Server) onIdentify(c *gwConn, host string, d json.RawMessage) {
	var id identifyData
	if err := json.Unmarshal(d, &id); err != nil {
		s.fail("IDENTIFY payload: %v", err)
		return
	}
	if id.Token != "Bot "+s.token {
		s.fail("IDENTIFY token is not \"Bot \" + the bot token")
		_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
	}
	g := s.sessionLocked(shard[0])
	s.lastIdentify, s.shardCount = id, max(shard[1], 1)
	g.identify = id
	g.sessionID = "session-" + s.newID()
	g.seq, g.sent = 0, nil
	g.live = c
	g.identifies++
	s.dispatchToLocked(g, "READY", map[string]any{
		"v":                  9,
		"user":               map[string]any{"id": s.BotID, "username": DefaultBotName, "discriminator": "0", "bot": true},
		"guilds":             []any{},
		"private_channels":   []any{},
		"session_id":         s.gw.sessionID,
		"resume_gateway_url": "ws://" + host + "/gw",
		"shard":              shard,
		"application":        map[string]any{"id": s.AppID, "flags": 0},
	})
}

func (s *Server) onResume(c *gwConn, d json.RawMessage) {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &r); err != nil {
		s.fail("RESUME payload: %v", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.sessionByIDLocked(r.SessionID)
	if r.Token != "Bot "+s.token || g == nil || r.SessionID == "" {
		_ = c.write(frame{Op: opInvalid, D: false})
		return
	}
	g.live = c
	g.resumes++
	for _, f := range g.sent {
		if *f.S > r.Seq {
			_ = c.write(f)
		}
	}
	s.dispatchToLocked(g, "RESUMED", map[string]any{})
}

// sessionLocked returns shard's session, making it on first use. Callers
// hold s.mu.
func (s *Server) sessionLocked(shard int) *gatewayState {
	if shard == 0 {
		return &s.gw
	}
	g, ok := s.shards[shard]
	if !ok {
		g = &gatewayState{}
		g.init()
		s.shards[shard] = g
	}
	return g
}

// sessionByIDLocked finds the session a RESUME names, nil when none.
func (s *Server) sessionByIDLocked(id string) *gatewayState {
	if s.gw.sessionID == id {
		return &s.gw
	}
	for _, g := range s.shards {
		if g.sessionID == id {
			return g
		}
	}
	return nil
}

// shardOfLocked is the shard Discord sends a guild's events to: (guild_id
// >> 22) % shard_count, with the count of the last IDENTIFY; DMs go to
// shard 0.
func (s *Server) shardOfLocked(guildID string) int {
	id, err := strconv.ParseInt(guildID, 10, 64)
	if err != nil || s.shardCount <= 1 {
		return 0
	}
	return int((id >> 22) % int64(s.shardCount))
}

// GuildOnShard returns a fresh guild ID whose events go to shard of count.
func (s *Server) GuildOnShard(shard, count int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	base := s.nextID >> 22
	for base%int64(count) != int64(shard) {
		base++
	}
	id := base<<22 | s.nextID&(1<<22-1)
	s.nextID = id
	return strconv.FormatInt(id, 10)
}

// dispatchLocked sends a dispatch event on shard 0's session. Callers hold
// s.mu.
func (s *Server) dispatchLocked(t string, d any) { s.dispatchToLocked(&s.gw, t, d) }

// dispatchGuildLocked sends a guild's event on its shard's session.
func (s *Server) dispatchGuildLocked(guildID, t string, d any) {
	s.dispatchToLocked(s.sessionLocked(s.shardOfLocked(guildID)), t, d)
}

// dispatchToLocked sends a dispatch event to g's live connection, or keeps
// it for replay on resume when there is none. Callers hold s.mu.
func (s *Server) dispatchToLocked(g *gatewayState, t string, d any) {
	g.seq++
	seq := g.seq
	f := frame{Op: opDispatch, D: d, S: &seq, T: &t}
	g.sent = append(g.sent, f)
	if g.live != nil {
		_ = g.live.write(f) // a failed write is replayed on resume
	}
	s.notify()
}

// Dispatch sends a gateway event of type t with data d.
func (s *Server) Dispatch(t string, d any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dispatchLocked(t, d)
}

// Reconnect sends op 7 RECONNECT: the client must close the connection
// and resume on a new one.
func (s *Server) Reconnect() {
	s.mu.Lock()
	live := s.gw.live
	s.mu.Unlock()
	if live == nil {
		s.t.Fatalf("fakediscord: Reconnect with no live gateway session")
	}
	_ = live.write(frame{Op: opReconnect})
}

// Intents returns the intents of the last IDENTIFY.
func (s *Server) Intents() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastIdentify.Intents
}

// Shard returns the shard of the last IDENTIFY, nil when none was sent.
func (s *Server) Shard() *[2]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastIdentify.Shard
}

// Stall makes the gateway accept connections but never say HELLO, as a
// server in trouble might.
func (s *Server) Stall() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gw.stall = true
}

func (s *Server) stalled() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.stall
}
