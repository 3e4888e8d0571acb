package bot_test

import (
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/bot"
)

func TestBot(t *testing.T) {
	h := startBot(t, bot.Config{}, newEngine(t))
	t.Run("answers /ask by deferring, then editing in a cited answer", func(t *testing.T) {
		m := h.ask(t, "u1", "What does juche mean?")
		if !strings.Contains(m.Content, "[1]") || !strings.Contains(m.Content, "**Sources**") {
			t.Errorf("answer lacks [1] or a Sources block:\n%s", m.Content)
		}
		t.Log(m.Content)
	})
}
