package main_test

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/internal/fakediscord"
)

// shardProcess is one `footnote bot` process of a sharded deployment.
type shardProcess struct {
	cmd    *exec.Cmd
	stderr *lockedBuffer
	exited chan error
}

// startShard runs the binary as shard id of count against fd, sharing
// state in the Redis at redisURL under prefix.
func startShard(t *testing.T, bin string, fd *fakediscord.Server, token, redisURL, prefix string, id, count int) *shardProcess {
	t.Helper()
	work := t.TempDir()
	cmd := exec.Command(bin, "bot")
	cmd.Dir = work
	cmd.Env = []string{
		"HOME=" + work,
		"DISCORD_TOKEN=" + token,
		"DISCORD_API_BASE_URL=" + fd.URL(),
		"DISCORD_SHARD_ID=" + strconv.Itoa(id),
		"DISCORD_SHARD_COUNT=" + strconv.Itoa(count),
		"FOOTNOTE_INDEX_DIR=" + filepath.Join(work, "index"),
		"FOOTNOTE_GENERATOR=extractive",
		"FOOTNOTE_RATE_LIMIT=2",
		"FOOTNOTE_REDIS_URL=" + redisURL,
		"FOOTNOTE_REDIS_PREFIX=" + prefix,
	}
	p := &shardProcess{cmd: cmd, stderr: &lockedBuffer{}, exited: make(chan error, 1)}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	if !fd.WaitOK(90*time.Second, func(v fakediscord.View) bool { return v.ShardConnected(id) }) {
		t.Fatalf("shard %d did not connect\nstderr:\n%s", id, p.stderr.String())
	}
	return p
}

// kill SIGKILLs the process, as a crash or an OOM kill would.
func (p *shardProcess) kill(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Kill()
	<-p.exited
}

// logged waits until the process has logged a line containing s.
func (p *shardProcess) logged(s string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for !strings.Contains(p.stderr.String(), s) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return true
}

// sourcesButton returns the custom ID of a message's "Show sources".
func sourcesButton(t *testing.T, m fakediscord.Message) string {
	t.Helper()
	var rows []struct {
		Components []struct {
			Label    string `json:"label"`
			CustomID string `json:"custom_id"`
		} `json:"components"`
	}
	if err := json.Unmarshal(m.Components, &rows); err != nil {
		t.Fatalf("components %s: %v", m.Components, err)
	}
	for _, r := range rows {
		for _, c := range r.Components {
			if c.Label == "Show sources" {
				return c.CustomID
			}
		}
	}
	t.Fatalf("no Show sources button in %s", m.Components)
	return ""
}

func TestTwoBotProcessesShareStateInRedisAndActAsOneBot(t *testing.T) {
	redisURL := os.Getenv("FOOTNOTE_TEST_REDIS_URL")
	if redisURL == "" {
		t.Skip("FOOTNOTE_TEST_REDIS_URL is not set (start one with scripts/redis)")
	}
	const token = "MTIz.bot-token-that-stays-secret"
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to build footnote with")
	}
	bin := filepath.Join(t.TempDir(), "footnote")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "footnote-test-" + hex.EncodeToString(b) + ":"
	fd := fakediscord.New(t, token)
	fd.MaxConcurrency = 1 // shard 1 must wait its turn to identify
	shard0 := startShard(t, bin, fd, token, redisURL, prefix, 0, 2)
	shard1 := startShard(t, bin, fd, token, redisURL, prefix, 1, 2)
	on0 := fd.GuildChannel(fd.GuildOnShard(0, 2))
	on1 := fd.GuildChannel(fd.GuildOnShard(1, 2))

	answerOf := func(id string) fakediscord.Message {
		var got fakediscord.Message
		fd.Wait(60*time.Second, "the answer to "+id, func(v fakediscord.View) bool {
			m, ok := v.Original(id)
			got = m
			return ok && m.Edits > 0 && strings.Contains(m.Content, "[1]")
		})
		return got
	}
	first := fd.Ask(fakediscord.Ask{ChannelID: on0, UserID: "u7", Question: "Why did Kim Jong Un skip the Victory Day parade in Moscow?"})
	answered := answerOf(first)

	t.Run("a user's rate limit counts questions to both processes", func(t *testing.T) {
		answerOf(fd.Ask(fakediscord.Ask{ChannelID: on1, UserID: "u7", Question: "What does juche mean?"}))
		id := fd.Ask(fakediscord.Ask{ChannelID: on0, UserID: "u7", Question: "Who is Xi Jinping?"})
		var got fakediscord.Message
		fd.Wait(30*time.Second, "a reply to the third question", func(v fakediscord.View) bool {
			m, ok := v.Original(id)
			got = m
			return ok && m.Content != ""
		})
		if !got.Ephemeral || !strings.Contains(got.Content, "You've asked 2 questions in the last minute") {
			t.Errorf("third question in a minute, across processes, got %q", got.Content)
		}
		if !shard1.logged("msg=answered", 10*time.Second) {
			t.Errorf("shard 1 answered nothing; the second question did not reach the other process\n%s", shard1.stderr.String())
		}
	})

	t.Run("only shard 0 registers /ask", func(t *testing.T) {
		n := 0
		for _, r := range fd.Requests() {
			if r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d command registrations, want 1", n)
		}
		if !strings.Contains(shard1.stderr.String(), "waiting for this shard's identify slot") {
			t.Errorf("shard 1 did not wait for its identify slot\n%s", shard1.stderr.String())
		}
	})

	shard0.kill(t)
	// The fake server sees the killed process's socket close on its own
	// time; until then shard 0's session looks live, and the restarted
	// process's "connected" could be the dead one's, whose events go nowhere.
	if !fd.WaitOK(30*time.Second, func(v fakediscord.View) bool { return !v.ShardConnected(0) }) {
		t.Fatal("the killed shard's gateway session stayed live")
	}
	restarted := startShard(t, bin, fd, token, redisURL, prefix, 0, 2)

	t.Run("Show sources works after the answering process was killed and restarted", func(t *testing.T) {
		id := fd.Click(answered.ID, sourcesButton(t, answered), "u8")
		var got fakediscord.Message
		fd.Wait(30*time.Second, "the sources", func(v fakediscord.View) bool {
			m, ok := v.Original(id)
			got = m
			return ok && m.Content != ""
		})
		if !got.Ephemeral || !strings.Contains(got.Content, "declined Putin") {
			t.Errorf("sources after a restart = %q", got.Content)
		}
	})

	t.Run("a follow-up to the restarted process continues the conversation", func(t *testing.T) {
		fd.Post(fakediscord.Post{ChannelID: on0, AuthorID: "u8", Content: "What excuse did North Korea give instead?", Mention: true, ReplyTo: answered.ID})
		if !restarted.logged("followup=true", 60*time.Second) {
			t.Errorf("the restarted process answered without the conversation's history\n%s", restarted.stderr.String())
		}
	})
	for _, p := range []*shardProcess{shard0, shard1, restarted} {
		if strings.Contains(p.stderr.String(), token) || strings.Contains(p.stderr.String(), redisURL) {
			t.Error("the token or the Redis URL appears on stderr")
		}
	}
}
