// Package fakediscord is an in-process fake of the parts of Discord that
// footnote's bot uses: the REST API and the gateway websocket, both served
// on 127.0.0.1 by httptest. Tests point the bot at URL() (the bot's
// DISCORD_API_BASE_URL), dispatch events as a user would cause them, and
// assert on the REST requests the bot made. Requests to routes the fake
// does not know fail the test.
package fakediscord

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Identities the fake uses unless a test changes them before Start.
const (
	DefaultAppID   = "900000000000000001"
	DefaultBotID   = "900000000000000002"
	DefaultBotName = "footnote"
)

// Server is a fake Discord. Create it with New; it closes itself when the
// test ends.
type Server struct {
	t     testing.TB
	http  *httptest.Server
	token string

	// AppID and BotID are the application and bot user the fake reports
	// in READY. They are fixed after New.
	AppID, BotID string

	// HeartbeatInterval is sent in HELLO, in milliseconds.
	HeartbeatInterval int

	// MaxConcurrency is the session_start_limit.max_concurrency that
	// GET /gateway/bot reports: how many shards may identify at once.
	MaxConcurrency int

	mu        sync.Mutex
	changed   chan struct{} // closed and replaced whenever state changes
	nextID    int64
	requests  []Request
	limits    []*injected
	faults    []*fault
	channels  map[string]Channel
	messages  map[string]Message
	commands  map[string]json.RawMessage // path → last bulk overwrite body
	originals map[string]string          // interaction token → original message ID
	inter     map[string]*interaction    // interaction ID → timing and kind
	gw        gatewayState
	shards    map[int]*gatewayState // sessions of shards other than 0
	// lastIdentify and shardCount are from the last IDENTIFY of any shard.
	lastIdentify identifyData
	shardCount   int
}

// Request is one REST request the bot made.
type Request struct {
	Method string
	Path   string
	Query  string
	// Body is the JSON body, nil when there was none.
	Body json.RawMessage
	// Status is what the fake answered.
	Status int
	At     time.Time
}

// New starts a fake Discord for the bot token token (without the "Bot "
// prefix) and closes it when the test ends.
func New(t testing.TB, token string) *Server {
	t.Helper()
	s := &Server{
		t:                 t,
		token:             token,
		AppID:             DefaultAppID,
		BotID:             DefaultBotID,
		HeartbeatInterval: 41250,
		MaxConcurrency:    16,
		changed:           make(chan struct{}),
		nextID:            1_000_000_000_000_000,
		channels:          map[string]Channel{},
		messages:          map[string]Message{},
		commands:          map[string]json.RawMessage{},
		originals:         map[string]string{},
		inter:             map[string]*interaction{},
	}
	s.gw.init()
	s.shards = map[int]*gatewayState{}
	s.http = httptest.NewUnstartedServer(s.routes())
	s.http.Start()
	t.Cleanup(s.close)
	return s
}

// URL is the fake's origin, for DISCORD_API_BASE_URL.
func (s *Server) URL() string { return s.http.URL }

func (s *Server) close() {
	s.mu.Lock()
	var conns []*gwConn
	for c := range s.gw.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.ws.Close() // shutting down: its error changes nothing
	}
	s.http.CloseClientConnections()
	s.http.Close()
}

// newID returns a fresh snowflake-like ID. Callers hold s.mu.
func (s *Server) newID() string {
	s.nextID++
	return strconv.FormatInt(s.nextID, 10)
}

// NewID returns a fresh snowflake-like ID for a test's guilds and users.
func (s *Server) NewID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newID()
}

// notify wakes everyone waiting on a condition. Callers hold s.mu.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Wait blocks until cond, evaluated with the fake's state locked, holds,
// and fails the test if it does not within timeout. cond must not call
// the Server's methods; it may read what its arguments expose.
func (s *Server) Wait(timeout time.Duration, what string, cond func(v View) bool) {
	s.t.Helper()
	if !s.WaitOK(timeout, cond) {
		s.t.Fatalf("fakediscord: timed out after %v waiting for %s", timeout, what)
	}
}

// WaitOK is Wait that reports a timeout instead of failing the test.
func (s *Server) WaitOK(timeout time.Duration, cond func(v View) bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok := cond(View{s})
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return false
		}
	}
}

// View is the fake's state as a Wait condition sees it, read under lock.
type View struct{ s *Server }

// Requests returns every REST request so far.
func (v View) Requests() []Request { return v.s.requests }

// Message returns a stored message by ID.
func (v View) Message(id string) (Message, bool) {
	m, ok := v.s.messages[id]
	return m, ok
}

// Messages returns the stored messages of a channel in creation order.
func (v View) Messages(channelID string) []Message { return v.s.channelMessages(channelID) }

// Identified reports how many IDENTIFY and RESUME handshakes completed.
func (v View) Identified() (identifies, resumes int) {
	return v.s.gw.identifies, v.s.gw.resumes
}

// Connected reports whether a gateway connection has a live session.
func (v View) Connected() bool { return v.s.gw.live != nil }

// ShardConnected reports whether shard has a live gateway session.
func (v View) ShardConnected(shard int) bool {
	if shard == 0 {
		return v.s.gw.live != nil
	}
	g, ok := v.s.shards[shard]
	return ok && g.live != nil
}

// Commands returns the last bulk-overwritten command list at path, e.g.
// "/api/v9/applications/{app}/commands".
func (v View) Commands(path string) (json.RawMessage, bool) {
	c, ok := v.s.commands[path]
	return c, ok
}

// Requests returns a copy of every REST request so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Message returns a stored message by ID.
func (s *Server) Message(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	return m, ok
}

// Messages returns the stored messages of a channel in creation order.
func (s *Server) Messages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.channelMessages(channelID)
}

// record appends a request. Callers hold s.mu.
func (s *Server) record(r Request) {
	s.requests = append(s.requests, r)
	s.notify()
}

// fail reports a protocol violation by the bot.
func (s *Server) fail(format string, args ...any) {
	s.t.Errorf("fakediscord: "+format, args...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if v != nil {
		_ = json.NewEncoder(w).Encode(v) // the client hung up; nothing to do
	}
}

// Commands returns the last bulk-overwritten command list at path.
func (s *Server) Commands(path string) (json.RawMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return View{s}.Commands(path)
}

// Identified reports how many IDENTIFY and RESUME handshakes completed.
func (s *Server) Identified() (identifies, resumes int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return View{s}.Identified()
}
