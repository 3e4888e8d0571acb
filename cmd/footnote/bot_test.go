package main_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/internal/fakediscord"
)

// TestBotAnswersThenExitsCleanlyOnSIGTERM runs the real binary against a
// fake Discord: it must register /ask, answer, and exit 0 on SIGTERM
// without ever printing its token.
func TestBotAnswersThenExitsCleanlyOnSIGTERM(t *testing.T) {
	const token = "MTIz.bot-token-that-stays-secret"
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to build footnote with")
	}
	bin := filepath.Join(t.TempDir(), "footnote")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	fd := fakediscord.New(t, token)
	work := t.TempDir()
	cmd := exec.Command(bin, "bot")
	cmd.Dir = work // no .env here
	cmd.Env = []string{
		"HOME=" + work,
		"DISCORD_TOKEN=" + token,
		"DISCORD_API_BASE_URL=" + fd.URL(),
		"FOOTNOTE_INDEX_DIR=" + filepath.Join(work, "index"),
		"FOOTNOTE_GENERATOR=extractive",
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	registered := fd.WaitOK(60*time.Second, func(v fakediscord.View) bool {
		_, ok := v.Commands("/api/v9/applications/" + fd.AppID + "/commands")
		return ok
	})
	if !registered {
		t.Fatalf("/ask was not registered\nstderr:\n%s", stderr.String())
	}
	channel := fd.GuildChannel(fd.NewID())
	id := fd.Ask(fakediscord.Ask{ChannelID: channel, UserID: "u1", Question: "What does juche mean?"})
	fd.Wait(30*time.Second, "the answer", func(v fakediscord.View) bool {
		m, ok := v.Original(id)
		return ok && strings.Contains(m.Content, "[1]")
	})

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("footnote bot exited with %v after SIGTERM, want 0\nstderr:\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("footnote bot still running 30s after SIGTERM\nstderr:\n%s", stderr.String())
	}
	if strings.Contains(stderr.String(), token) {
		t.Error("the token appears on stderr")
	}
	if !strings.Contains(stderr.String(), "msg=answered") {
		t.Errorf("no structured answered log line on stderr:\n%s", stderr.String())
	}
}

// lockedBuffer is a bytes.Buffer safe to write from the process-copying
// goroutine while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
