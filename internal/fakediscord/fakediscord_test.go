package fakediscord_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/internal/fakediscord"
	"github.com/gorilla/websocket"
)

const token = "tok"

func do(t *testing.T, method, url, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bot "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestRESTAnswersLikeDiscord(t *testing.T) {
	fd := fakediscord.New(t, token)
	t.Run("the gateway URL points at the fake", func(t *testing.T) {
		_, b := do(t, "GET", fd.URL()+"/api/v9/gateway", "")
		var g struct{ URL string }
		if err := json.Unmarshal(b, &g); err != nil || g.URL != "ws"+strings.TrimPrefix(fd.URL(), "http")+"/gw" {
			t.Errorf("gateway = %s", b)
		}
	})
	t.Run("an injected rate limit answers 429 with retry_after, once", func(t *testing.T) {
		ch := fd.GuildChannel("g1")
		fd.RateLimit("POST /api/v9/channels/*/messages", 1)
		body := `{"content":"hi","allowed_mentions":{"parse":[]}}`
		resp, b := do(t, "POST", fd.URL()+"/api/v9/channels/"+ch+"/messages", body)
		var rl struct {
			RetryAfter float64 `json:"retry_after"`
		}
		if resp.StatusCode != 429 || json.Unmarshal(b, &rl) != nil || rl.RetryAfter <= 0 || resp.Header.Get("X-RateLimit-Reset-After") == "" {
			t.Errorf("first send = %d %s", resp.StatusCode, b)
		}
		if resp, b := do(t, "POST", fd.URL()+"/api/v9/channels/"+ch+"/messages", body); resp.StatusCode != 200 {
			t.Errorf("second send = %d %s", resp.StatusCode, b)
		}
		sent := fd.SentMessages()
		if len(sent) != 2 || !sent[1].AllowedMentions || sent[1].Parse == nil || sent[1].Content != "hi" {
			t.Errorf("recorded = %+v", sent)
		}
	})
}

func TestGatewayHandshake(t *testing.T) {
	fd := fakediscord.New(t, token)
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(fd.URL(), "http")+"/gw/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	var hello struct {
		Op int
		D  struct {
			HeartbeatInterval json.Number `json:"heartbeat_interval"`
		}
	}
	if err := ws.ReadJSON(&hello); err != nil || hello.Op != 10 || strings.Contains(hello.D.HeartbeatInterval.String(), ".") {
		t.Fatalf("hello = %+v, %v", hello, err)
	}
	if err := ws.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot " + token, "intents": 1}}); err != nil {
		t.Fatal(err)
	}
	var ready struct {
		Op int
		T  string
		S  int
		D  map[string]json.RawMessage
	}
	if err := ws.ReadJSON(&ready); err != nil || ready.T != "READY" || ready.S != 1 {
		t.Fatalf("ready = %+v, %v", ready, err)
	}
	for _, k := range []string{"user", "session_id", "application", "resume_gateway_url"} {
		if _, ok := ready.D[k]; !ok {
			t.Errorf("READY lacks %s", k)
		}
	}
	if err := ws.WriteJSON(map[string]any{"op": 1, "d": 1}); err != nil {
		t.Fatal(err)
	}
	var ack struct{ Op int }
	if err := ws.ReadJSON(&ack); err != nil || ack.Op != 11 {
		t.Errorf("heartbeat answer = %+v, %v", ack, err)
	}
}
