// Package fakeopenai is an OpenAI-compatible API server for tests: an
// httptest server on 127.0.0.1 that checks every request (method, path,
// bearer token, JSON body, model) and answers from a script. A request the
// script does not expect fails the test.
package fakeopenai

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Options say what the server expects of its clients.
type Options struct {
	// APIKey is the bearer token every request must carry.
	APIKey string
	// ChatModel and EmbeddingModel, when set, are the only models accepted.
	ChatModel      string
	EmbeddingModel string
}

// Server is a scripted OpenAI-compatible API.
type Server struct {
	// URL is the API's base URL, ending in /v1: give it to a client as
	// OPENAI_BASE_URL.
	URL string

	t    testing.TB
	opts Options
	srv  *httptest.Server

	mu    sync.Mutex
	chat  script
	embed script
	calls []Call
}

// Call is one request the server received, decoded.
type Call struct {
	Path string
	At   time.Time
	// Chat is set for chat completions, Embed for embeddings.
	Chat  *openai.ChatCompletionRequest
	Embed *EmbedRequest
}

// EmbedRequest is an embeddings request; Input is always a list.
type EmbedRequest struct {
	Model string
	Input []string
}

// Reply answers one request. Build replies with Text, Cut, Status, Hang,
// Model and Vectors.
type Reply func(w http.ResponseWriter, r *http.Request, c Call)

// script is a queue of replies, then a reply used for every later request.
type script struct {
	queue  []Reply
	always Reply
}

func (s *script) next() Reply {
	if len(s.queue) > 0 {
		r := s.queue[0]
		s.queue = s.queue[1:]
		return r
	}
	return s.always
}

// New starts a server on 127.0.0.1 that t closes when it ends.
func New(t testing.TB, opts Options) *Server {
	t.Helper()
	s := &Server{t: t, opts: opts}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL + "/v1"
	t.Cleanup(s.srv.Close)
	return s
}

// Chat queues replies for the next chat completion requests, in order.
func (s *Server) Chat(replies ...Reply) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chat.queue = append(s.chat.queue, replies...)
	return s
}

// AlwaysChat answers every chat request beyond the queue with r.
func (s *Server) AlwaysChat(r Reply) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chat.always = r
	return s
}

// Embeddings queues replies for the next embeddings requests, in order.
func (s *Server) Embeddings(replies ...Reply) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embed.queue = append(s.embed.queue, replies...)
	return s
}

// AlwaysEmbed answers every embeddings request beyond the queue with r.
func (s *Server) AlwaysEmbed(r Reply) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embed.always = r
	return s
}

// Calls returns the requests received so far, oldest first.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// ChatCalls returns the chat requests received so far.
func (s *Server) ChatCalls() []Call {
	var out []Call
	for _, c := range s.Calls() {
		if c.Chat != nil {
			out = append(out, c)
		}
	}
	return out
}

// EmbedCalls returns the embeddings requests received so far.
func (s *Server) EmbedCalls() []Call {
	var out []Call
	for _, c := range s.Calls() {
		if c.Embed != nil {
			out = append(out, c)
		}
	}
	return out
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	c, ok := s.check(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	s.calls = append(s.calls, c)
	var reply Reply
	if c.Chat != nil {
		reply = s.chat.next()
	} else {
		reply = s.embed.next()
	}
	s.mu.Unlock()
	if reply == nil {
		s.t.Errorf("fakeopenai: unexpected request %s %s: no reply scripted", r.Method, r.URL.Path)
		http.Error(w, `{"error":{"message":"unexpected request"}}`, http.StatusInternalServerError)
		return
	}
	reply(w, r, c)
}

// check validates a request and decodes its body; it fails the test and
// answers 400 when the request is not what a client should send.
func (s *Server) check(w http.ResponseWriter, r *http.Request) (Call, bool) {
	fail := func(format string, args ...any) (Call, bool) {
		s.t.Errorf("fakeopenai: "+format, args...)
		http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
		return Call{}, false
	}
	if r.Method != http.MethodPost {
		return fail("%s %s: want POST", r.Method, r.URL.Path)
	}
	if got, want := r.Header.Get("Authorization"), "Bearer "+s.opts.APIKey; got != want {
		return fail("%s: Authorization header %q, want the bearer token", r.URL.Path, got)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		return fail("%s: Content-Type %q, want application/json", r.URL.Path, ct)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return fail("%s: read body: %v", r.URL.Path, err)
	}
	c := Call{Path: r.URL.Path, At: time.Now()}
	switch r.URL.Path {
	case "/v1/chat/completions":
		c.Chat = &openai.ChatCompletionRequest{}
		if err := json.Unmarshal(body, c.Chat); err != nil {
			return fail("chat: body is not a chat request: %v", err)
		}
		if len(c.Chat.Messages) == 0 {
			return fail("chat: no messages")
		}
		if s.opts.ChatModel != "" && c.Chat.Model != s.opts.ChatModel {
			return fail("chat: model %q, want %q", c.Chat.Model, s.opts.ChatModel)
		}
	case "/v1/embeddings":
		e, err := decodeEmbed(body)
		if err != nil {
			return fail("embeddings: %v", err)
		}
		if s.opts.EmbeddingModel != "" && e.Model != s.opts.EmbeddingModel {
			return fail("embeddings: model %q, want %q", e.Model, s.opts.EmbeddingModel)
		}
		c.Embed = e
	default:
		return fail("unexpected path %s", r.URL.Path)
	}
	return c, true
}
