package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/fakediscord"
	"github.com/footnote-dev/footnote/retrieval"
)

// testToken is the bot token the tests use; it must never reach a log.
const testToken = "MTEST.token-that-must-stay-secret.xyz"

// waitFor is how long a test waits for the bot to do something.
const waitFor = 10 * time.Second

// newEngine builds the real answer engine over the built-in corpus, in
// memory and offline.
func newEngine(tb testing.TB) *answer.Engine {
	tb.Helper()
	c, err := corpus.Builtin()
	if err != nil {
		tb.Fatalf("built-in corpus: %v", err)
	}
	ix, _, err := retrieval.Open(context.Background(), c, retrieval.Options{})
	if err != nil {
		tb.Fatalf("open index: %v", err)
	}
	return &answer.Engine{Retriever: ix}
}

// harness is a running bot connected to a fake Discord.
type harness struct {
	fd      *fakediscord.Server
	bot     *bot.Bot
	logs    *syncBuffer
	guild   string
	channel string
	stop    func() error
	cancel  context.CancelFunc
}

// startBot runs a bot with cfg (Token and APIBaseURL filled in) against a
// new fake Discord and waits until it is ready.
func startBot(tb testing.TB, cfg bot.Config, asker bot.Asker) *harness {
	tb.Helper()
	fd := fakediscord.New(tb, testToken)
	h := &harness{fd: fd, logs: &syncBuffer{}, guild: fd.NewID()}
	h.channel = fd.GuildChannel(h.guild)
	cfg.Token, cfg.APIBaseURL = testToken, fd.URL()
	logger := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := bot.New(cfg, asker, logger)
	if err != nil {
		tb.Fatalf("bot.New: %v", err)
	}
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	h.cancel = cancel
	var once sync.Once
	var runErr error
	h.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(30 * time.Second):
				tb.Errorf("Run did not return within 30s of cancel")
			}
		})
		return runErr
	}
	tb.Cleanup(func() {
		if err := h.stop(); err != nil {
			tb.Errorf("Run: %v", err)
		}
	})
	select {
	case <-b.Ready():
	case err := <-done:
		tb.Fatalf("Run returned before ready: %v\nlogs:\n%s", err, h.logs)
	case <-time.After(waitFor):
		tb.Fatalf("bot not ready after %v\nlogs:\n%s", waitFor, h.logs)
	}
	return h
}

// ask runs /ask in the harness's channel and waits for the final answer:
// an edit of the original response that is no longer a placeholder.
func (h *harness) ask(tb testing.TB, user, q string) fakediscord.Message {
	tb.Helper()
	id := h.fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: user, Question: q})
	return h.answerOf(tb, id)
}

// answerOf waits for interaction id's original response to hold an answer.
func (h *harness) answerOf(tb testing.TB, id string) fakediscord.Message {
	tb.Helper()
	var got fakediscord.Message
	h.fd.Wait(waitFor, "the answer to interaction "+id, func(v fakediscord.View) bool {
		m, ok := v.Original(id)
		got = m
		return ok && m.Edits > 0 && !strings.HasSuffix(m.Content, "…")
	})
	return got
}

// ephemeral waits for interaction id's ephemeral response.
func (h *harness) ephemeral(tb testing.TB, id string) fakediscord.Message {
	tb.Helper()
	var got fakediscord.Message
	h.fd.Wait(waitFor, "an ephemeral response to "+id, func(v fakediscord.View) bool {
		m, ok := v.Original(id)
		got = m
		return ok && m.Ephemeral && m.Content != ""
	})
	return got
}

// syncBuffer is a bytes.Buffer safe for concurrent writes, which can be
// waited on.
type syncBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.changed != nil {
		close(b.changed)
		b.changed = nil
	}
	return b.buf.Write(p)
}

// waitRecord waits until a record with msg is logged.
func (b *syncBuffer) waitRecord(tb testing.TB, msg string) map[string]any {
	tb.Helper()
	deadline := time.After(waitFor)
	for {
		if rs := b.records(msg); len(rs) > 0 {
			return rs[0]
		}
		b.mu.Lock()
		if b.changed == nil {
			b.changed = make(chan struct{})
		}
		ch := b.changed
		b.mu.Unlock()
		if rs := b.records(msg); len(rs) > 0 {
			return rs[0]
		}
		select {
		case <-ch:
		case <-deadline:
			tb.Fatalf("no log record %q within %v\nlogs:\n%s", msg, waitFor, b.String())
		}
	}
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// records returns the JSON log records whose msg is msg.
func (b *syncBuffer) records(msg string) []map[string]any {
	var out []map[string]any
	for _, line := range strings.Split(b.String(), "\n") {
		var r map[string]any
		if json.Unmarshal([]byte(line), &r) == nil && r["msg"] == msg {
			out = append(out, r)
		}
	}
	return out
}
