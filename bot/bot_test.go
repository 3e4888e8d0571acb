package bot_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/internal/fakediscord"
)

// Gateway intents, as Discord numbers them.
const (
	intentGuilds         = 1 << 0
	intentGuildMessages  = 1 << 9
	intentDirectMessages = 1 << 12
)

// TestBot runs one bot against one fake Discord through everything a
// default configuration does; subtests share it because connecting and
// disconnecting take a second each.
func TestBot(t *testing.T) {
	feedback := filepath.Join(t.TempDir(), "feedback.jsonl")
	p := newProbe(newEngine(t))
	h := startBot(t, bot.Config{FeedbackFile: feedback, HealthAddr: "127.0.0.1:0"}, p)
	fd := h.fd

	t.Run("connects with the needed intents and registers /ask globally", func(t *testing.T) {
		if got, want := fd.Intents(), intentGuilds|intentGuildMessages|intentDirectMessages; got != want {
			t.Errorf("intents = %b, want %b (no message content)", got, want)
		}
		raw, ok := fd.Commands("/api/v9/applications/" + fd.AppID + "/commands")
		if !ok {
			t.Fatal("no global command registration")
		}
		var cmds []struct {
			Name    string
			Options []struct {
				Type     int
				Name     string
				Required bool
			}
		}
		if err := json.Unmarshal(raw, &cmds); err != nil {
			t.Fatal(err)
		}
		if len(cmds) != 1 || cmds[0].Name != "ask" || len(cmds[0].Options) != 1 ||
			cmds[0].Options[0].Name != "question" || cmds[0].Options[0].Type != 3 || !cmds[0].Options[0].Required {
			t.Errorf("registered commands = %s, want ask with one required string option question", raw)
		}
	})

	// Subtests that act on an earlier answer (its buttons, a reply to it,
	// its thread) get it from these, which ask on first use: every subtest
	// runs alone (go test -run 'TestBot/shows_the_full') as well as in order.
	var asked struct {
		id    string
		first fakediscord.Message
	}
	askJuche := func(t *testing.T) (string, fakediscord.Message) {
		t.Helper()
		if asked.id == "" {
			id := fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: "u-ask", Question: "What does juche mean?"})
			asked.first, asked.id = h.answerOf(t, id), id
		}
		return asked.id, asked.first
	}
	var thread string
	mentionThread := func(t *testing.T) string {
		t.Helper()
		if thread == "" {
			msg := fd.Post(fakediscord.Post{ChannelID: h.channel, AuthorID: "u-mention", Content: "Why did Putin visit North Korea?", Mention: true})
			var th fakediscord.Channel
			fd.Wait(waitFor, "a thread with an answer", func(v fakediscord.View) bool {
				var ok bool
				th, ok = v.ThreadOf(msg)
				return ok && answered(v.BotMessages(th.ID))
			})
			if th.Name != "Q: Why did Putin visit North Korea?" {
				t.Errorf("thread name = %q", th.Name)
			}
			thread = th.ID
		}
		return thread
	}

	t.Run("answers /ask with a deferred response, then edits in a cited answer", func(t *testing.T) {
		id, first := askJuche(t)
		if cb := callbacks(fd, id); len(cb) != 1 || cb[0] != 5 {
			t.Errorf("callbacks = %v, want one deferred response (5)", cb)
		}
		for _, want := range []string{"self-reliance", "[1]", "**Sources**", "¶"} {
			if !strings.Contains(first.Content, want) {
				t.Errorf("answer lacks %q:\n%s", want, first.Content)
			}
		}
		if ids := buttons(t, first); len(ids) != 3 {
			t.Errorf("buttons = %v, want Show sources, 👍 and 👎", ids)
		}
	})

	t.Run("shows the full cited paragraphs in an ephemeral message", func(t *testing.T) {
		_, first := askJuche(t)
		click := fd.Click(first.ID, button(t, first, 0), "u-ask")
		m := h.ephemeral(t, click)
		if !strings.Contains(m.Content, "Juche") || !strings.Contains(m.Content, "[1]") {
			t.Errorf("sources message:\n%s", m.Content)
		}
	})

	t.Run("appends a 👍 to the feedback file with a hashed user ID", func(t *testing.T) {
		_, first := askJuche(t)
		click := fd.Click(first.ID, button(t, first, 1), "u-voter")
		if m := h.ephemeral(t, click); !strings.Contains(m.Content, "Thanks") {
			t.Errorf("vote reply = %q", m.Content)
		}
		recs := readFeedback(t, feedback)
		if len(recs) != 1 {
			t.Fatalf("feedback records = %d, want 1", len(recs))
		}
		r := recs[0]
		if r.Vote != "up" || r.Question != "What does juche mean?" || !strings.Contains(r.Answer, "[1]") ||
			len(r.Citations) == 0 || r.UserHash != bot.HashUser(testToken, "u-voter") || r.UserHash == plainSHA256("u-voter") || time.Since(r.Time) > time.Minute {
			t.Errorf("feedback record = %+v", r)
		}
		if strings.Contains(fileText(t, feedback), "u-voter") {
			t.Error("feedback file holds the raw user ID")
		}
	})

	t.Run("answers a mention in a thread named after the question", func(t *testing.T) {
		if mentionThread(t) == "" {
			t.Error("no thread")
		}
	})

	t.Run("answers a follow-up in its thread with the earlier turns as history", func(t *testing.T) {
		thread := mentionThread(t)
		fd.Post(fakediscord.Post{ChannelID: thread, AuthorID: "u-mention", Content: "What did he sign?", Mention: true})
		msgs := waitAnswers(t, fd, thread, 2)
		if got := msgs[1].Content; !strings.Contains(got, "treaty") {
			t.Errorf("follow-up answer is not about the treaty Putin signed:\n%s", got)
		}
		hist, _ := p.history("What did he sign?")
		if len(hist) != 1 || hist[0].Question != "Why did Putin visit North Korea?" {
			t.Errorf("history = %+v", hist)
		}
	})

	t.Run("answers a reply to an /ask answer as a follow-up", func(t *testing.T) {
		_, first := askJuche(t)
		msg := fd.Post(fakediscord.Post{ChannelID: h.channel, AuthorID: "u-ask", Content: "Who made it a mantra?", Mention: true, ReplyTo: first.ID})
		fd.Wait(waitFor, "a reply", func(v fakediscord.View) bool { return answered(v.Replies(msg)) })
		hist, _ := p.history("Who made it a mantra?")
		if len(hist) != 1 || hist[0].Question != "What does juche mean?" {
			t.Errorf("history = %+v", hist)
		}
	})

	t.Run("answers a DM without a mention", func(t *testing.T) {
		dm := fd.DMChannel()
		fd.Post(fakediscord.Post{ChannelID: dm, AuthorID: "u-dm", Content: "What year did Kim Jong Il pass away?"})
		msgs := waitAnswers(t, fd, dm, 1)
		if !strings.Contains(msgs[0].Content, "[1]") {
			t.Errorf("DM answer:\n%s", msgs[0].Content)
		}
	})

	t.Run("says plainly when the corpus does not cover a question", func(t *testing.T) {
		m := h.ask(t, "u-abstain", "What is the boiling point of tungsten in kelvin?")
		if !strings.Contains(m.Content, "corpus doesn't cover") {
			t.Errorf("abstention = %q", m.Content)
		}
	})

	for _, tc := range []struct{ name, question, want string }{
		{"rejects an empty question with a usage hint", "   ", "/ask question:"},
		{"rejects an over-long question with a clear message", strings.Repeat("why ", answer.MaxQuestionRunes), "too long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: "u-usage", Question: tc.question})
			if m := h.ephemeral(t, id); !strings.Contains(m.Content, tc.want) {
				t.Errorf("reply = %q, want it to contain %q", m.Content, tc.want)
			}
		})
	}

	t.Run("retries a send that got 429 and still answers", func(t *testing.T) {
		route := "POST /api/v9/channels/*/messages"
		fd.RateLimit(route, 1)
		dm := fd.DMChannel()
		fd.Post(fakediscord.Post{ChannelID: dm, AuthorID: "u-429", Content: "What does juche mean?"})
		waitAnswers(t, fd, dm, 1)
		var statuses []int
		for _, r := range fd.Requests() {
			if r.Method == "POST" && r.Path == "/api/v9/channels/"+dm+"/messages" {
				statuses = append(statuses, r.Status)
			}
		}
		if len(statuses) < 2 || statuses[0] != http.StatusTooManyRequests || statuses[1] != http.StatusOK {
			t.Errorf("statuses of sends to the DM = %v, want 429 then 200", statuses)
		}
	})

	t.Run("limits each user's questions per minute, politely", func(t *testing.T) {
		var ids []string
		for range bot.DefaultRateLimit + 1 {
			ids = append(ids, fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: "u-eager", Question: "What does juche mean?"}))
		}
		fd.Wait(waitFor, "all acknowledged", func(v fakediscord.View) bool {
			for _, id := range ids {
				if _, ok := v.AckDelay(id); !ok {
					return false
				}
			}
			return true
		})
		limited := 0
		for _, id := range ids {
			if m, ok := fd.Original(id); ok && m.Ephemeral && strings.Contains(m.Content, "Please wait") {
				limited++
			}
		}
		if limited != 1 {
			t.Errorf("%d rate-limit notices, want 1", limited)
		}
	})

	t.Run("acknowledges 30 simultaneous /ask within 3 s and answers them all", func(t *testing.T) {
		var ids []string
		for i := range 30 {
			ids = append(ids, fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: fmt.Sprint("u-crowd-", i), Question: "Why did Kim skip the Victory Day parade?"}))
		}
		for _, id := range ids {
			h.answerOf(t, id)
			if d, _ := fd.AckDelay(id); d > fakediscord.AckDeadline {
				t.Errorf("interaction %s acknowledged after %v", id, d)
			}
		}
		if peak := p.peakInFlight(); peak > bot.DefaultWorkers {
			t.Errorf("%d questions answered at once, want at most %d workers", peak, bot.DefaultWorkers)
		}
	})

	t.Run("streams partial text, then edits in the final answer with sources", func(t *testing.T) {
		id := fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: "u-stream", Question: "Stream:What does juche mean?"})
		m := h.answerOf(t, id)
		edits := patches(fd, id)
		if len(edits) < 2 || !strings.HasSuffix(edits[0], "…") || !strings.Contains(m.Content, "**Sources**") {
			t.Errorf("edits = %q, want partial text then the answer with sources", edits)
		}
	})

	t.Run("survives a panic while answering and apologises", func(t *testing.T) {
		m := h.ask(t, "u-panic", "PANIC please")
		if !strings.Contains(m.Content, "Sorry") {
			t.Errorf("after a panic the user saw %q, want an apology", m.Content)
		}
		if m := h.ask(t, "u-panic", "What does juche mean?"); !strings.Contains(m.Content, "[1]") {
			t.Errorf("after a panic the bot answered %q", m.Content)
		}
	})

	t.Run("serves /healthz while connected", func(t *testing.T) {
		resp, err := http.Get("http://" + h.bot.HealthAddr() + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("/healthz = %d", resp.StatusCode)
		}
	})

	t.Run("resumes after op 7 RECONNECT and answers later questions", func(t *testing.T) {
		fd.Reconnect()
		fd.Wait(waitFor, "a resumed session", func(v fakediscord.View) bool {
			_, resumes := v.Identified()
			return resumes == 1 && v.Connected()
		})
		if m := h.ask(t, "u-after", "What does juche mean?"); !strings.Contains(m.Content, "[1]") {
			t.Errorf("answer after resume: %q", m.Content)
		}
		if ids, _ := fd.Identified(); ids != 1 {
			t.Errorf("%d IDENTIFYs, want 1 (resume, not a new session)", ids)
		}
	})

	// The two audits check everything the bot sent or logged so far, and
	// first cause some of their own, so that alone they still check
	// something: an edited /ask answer, a thread and its answer, an
	// ephemeral message.
	t.Run("sends every message with an empty allowed_mentions parse list", func(t *testing.T) {
		_, first := askJuche(t)
		mentionThread(t)
		h.ephemeral(t, fd.Click(first.ID, button(t, first, 0), "u-audit"))
		checkAllowedMentionsAtLeast(t, fd, 3)
	})

	t.Run("never logs the token and logs each answer's latency", func(t *testing.T) {
		h.ask(t, "u-log", "What does juche mean?")
		h.logs.waitRecord(t, "answered") // logged just after the answer is sent
		if strings.Contains(h.logs.String(), testToken) {
			t.Error("the token appears in the logs")
		}
		recs := h.logs.records("answered")
		if len(recs) == 0 {
			t.Fatal("no answered record")
		}
		for _, r := range recs {
			if _, ok := r["latency_ms"]; !ok {
				t.Errorf("answered record lacks latency_ms: %v", r)
			}
		}
	})

	// Last: it stops the bot.
	t.Run("finishes an answer in flight when the context is cancelled, then returns nil", func(t *testing.T) {
		id := fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: "u-slow", Question: "Slow:What does juche mean?"})
		<-p.entered
		h.cancel()
		h.logs.waitRecord(t, "shutting down")
		close(p.release)
		if err := h.stop(); err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
		if m, _ := fd.Original(id); !strings.Contains(m.Content, "[1]") {
			t.Errorf("in-flight answer = %q", m.Content)
		}
	})
}

// callbacks returns the callback types the bot sent for interaction id.
func callbacks(fd *fakediscord.Server, id string) []int {
	var out []int
	for _, r := range fd.Requests() {
		if strings.HasPrefix(r.Path, "/api/v9/interactions/"+id+"/") {
			var cb struct{ Type int }
			_ = json.Unmarshal(r.Body, &cb)
			out = append(out, cb.Type)
		}
	}
	return out
}

// patches returns the contents of the edits to interaction id's original
// response, in order.
func patches(fd *fakediscord.Server, id string) []string {
	var out []string
	for _, s := range fd.SentMessages() {
		if s.Request.Method == "PATCH" && strings.Contains(s.Request.Path, "/itoken-"+id+"/messages/@original") {
			out = append(out, s.Content)
		}
	}
	return out
}

// buttons returns the custom IDs of a message's buttons.
func buttons(t *testing.T, m fakediscord.Message) []string {
	t.Helper()
	var rows []struct {
		Components []struct {
			CustomID string `json:"custom_id"`
		}
	}
	if err := json.Unmarshal(m.Components, &rows); err != nil && len(m.Components) > 0 {
		t.Fatalf("components: %v", err)
	}
	var ids []string
	for _, r := range rows {
		for _, c := range r.Components {
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}

// answered reports whether the last of msgs is a finished, cited answer.
func answered(msgs []fakediscord.Message) bool {
	return len(msgs) > 0 && strings.Contains(msgs[len(msgs)-1].Content, "[1]")
}

// waitAnswers waits for n finished answers from the bot in a channel.
func waitAnswers(t *testing.T, fd *fakediscord.Server, channel string, n int) []fakediscord.Message {
	t.Helper()
	var got []fakediscord.Message
	fd.Wait(waitFor, fmt.Sprintf("%d answers in %s", n, channel), func(v fakediscord.View) bool {
		got = nil
		for _, m := range v.BotMessages(channel) {
			if strings.Contains(m.Content, "[1]") || strings.Contains(m.Content, "corpus doesn't cover") {
				got = append(got, m)
			}
		}
		return len(got) >= n
	})
	return got
}

// checkAllowedMentionsAtLeast fails for any message the bot sent without
// an empty allowed_mentions parse list, and when fewer than min messages
// were checked.
func checkAllowedMentionsAtLeast(t *testing.T, fd *fakediscord.Server, min int) {
	t.Helper()
	sent := fd.SentMessages()
	checked := 0
	for _, s := range sent {
		if strings.HasPrefix(s.Request.Path, "/api/v9/interactions/") && !strings.Contains(string(s.Request.Body), `"data"`) {
			continue // a deferred response carries no message
		}
		checked++
		if !s.AllowedMentions || s.Parse == nil || len(s.Parse) != 0 {
			t.Errorf("%s %s: allowed_mentions parse = %v (present %v), want []", s.Request.Method, s.Request.Path, s.Parse, s.AllowedMentions)
		}
	}
	if checked < min {
		t.Errorf("only %d messages checked", checked)
	}
}

// feedbackRecord is a line of the feedback file.
type feedbackRecord struct {
	Time      time.Time
	Vote      string
	Question  string
	Answer    string
	Citations []answer.Citation
	UserHash  string `json:"user_hash"`
}

func readFeedback(t *testing.T, path string) []feedbackRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []feedbackRecord
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r feedbackRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("feedback line %q: %v", sc.Text(), err)
		}
		out = append(out, r)
	}
	return out
}

func fileText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func plainSHA256(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestHashUserNeedsTheTokenToReverse(t *testing.T) {
	a, again := bot.HashUser("token-a", "1234"), bot.HashUser("token-a", "1234")
	if a != again {
		t.Error("the same token and ID hash differently: votes would not group")
	}
	if a == bot.HashUser("token-b", "1234") {
		t.Error("another token gives the same hash: the token is not part of it")
	}
	if a == plainSHA256("1234") || strings.Contains(a, "token-a") {
		t.Error("the hash is a plain SHA-256 of the ID, or shows the token")
	}
}

// button returns the custom ID of m's i-th button, failing the test when
// m has none there.
func button(t *testing.T, m fakediscord.Message, i int) string {
	t.Helper()
	ids := buttons(t, m)
	if i >= len(ids) {
		t.Fatalf("message has buttons %v, want at least %d", ids, i+1)
	}
	return ids[i]
}
