package bot

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// restTimeout bounds one REST request.
const restTimeout = 20 * time.Second

// silent is below discordgo's lowest log level: discordgo logs through the
// process-wide log package, at debug level with the IDENTIFY payload that
// holds the token. The bot logs connection events itself instead.
const silent = discordgo.LogError - 1

// newSession builds a discordgo session for cfg; it does not connect.
func newSession(cfg Config, guard *dialGuard) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, fmt.Errorf("create discord session: %w", err)
	}
	if s.Client, err = newHTTPClient(cfg.APIBaseURL, cfg.Redactor); err != nil {
		return nil, fmt.Errorf("API base URL: %w", err)
	}
	s.LogLevel = silent
	s.StateEnabled = false
	s.Identify.Intents = intents(cfg.MessageContent)
	s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	d := *websocket.DefaultDialer
	d.NetDialContext = guard.dial
	s.Dialer = &d
	return s, nil
}

// intents are the gateway events the bot needs; message content is
// privileged and only asked for when configured.
func intents(messageContent bool) discordgo.Intent {
	i := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if messageContent {
		i |= discordgo.IntentMessageContent
	}
	return i
}

// dialGuard bounds gateway handshakes: discordgo's Open (also when it
// reconnects on its own) reads HELLO and READY without a deadline, so a
// stalled server would block it forever. Each connection is closed unless
// the handshake completes (disarm) within timeout.
type dialGuard struct {
	timeout time.Duration
	mu      sync.Mutex
	pending []*time.Timer
}

func (g *dialGuard) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	t := time.AfterFunc(g.timeout, func() { _ = conn.Close() })
	g.mu.Lock()
	g.pending = append(g.pending, t)
	g.mu.Unlock()
	return conn, nil
}

// disarm keeps the connections dialed so far open: their handshake is done.
func (g *dialGuard) disarm() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, t := range g.pending {
		t.Stop()
	}
	g.pending = nil
}
