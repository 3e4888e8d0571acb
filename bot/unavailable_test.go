package bot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/internal/fakediscord"
	"github.com/footnote-dev/footnote/retrieval/weaviate"
)

// downStore answers like an engine whose Weaviate cluster is down: the
// error the store returns when no node answers, wrapped as Engine.Ask
// wraps retrieval errors.
type downStore struct{}

func (downStore) Ask(context.Context, answer.Request) (answer.Answer, error) {
	err := &weaviate.UnreachableError{Endpoints: []string{"http://127.0.0.1:1"}, Err: errors.New("connection refused")}
	return answer.Answer{}, fmt.Errorf("retrieve: %w", err)
}

func TestBotSaysSearchIsUnavailableWhenTheStoreIsDown(t *testing.T) {
	h := startBot(t, bot.Config{}, downStore{})
	id := h.fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: "u1", Question: "What does juche mean?"})
	var got string
	h.fd.Wait(waitFor, "the apology", func(v fakediscord.View) bool {
		m, ok := v.Original(id)
		got = m.Content
		return ok && m.Edits > 0 && !strings.HasSuffix(m.Content, "…")
	})
	if got != "Search is unavailable right now; please try again shortly." {
		t.Errorf("reply = %q", got)
	}
	rec := h.logs.waitRecord(t, "search is unavailable")
	if !strings.Contains(fmt.Sprint(rec["err"]), "http://127.0.0.1:1") {
		t.Errorf("the log does not give the cause: %v", rec)
	}
}
