package main_test

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowCorpus writes a corpus that takes several seconds to index: 40,000
// paragraphs, since the local build runs on every CPU and a tenth of this
// was indexed within the 300 ms the tests wait before signalling.
func slowCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	words := strings.Fields("trade minister parade summit missile harbour coal export north south treaty envoy border talks sanction economy delegation pipeline reactor ceasefire")
	r := rand.New(rand.NewSource(1))
	for f := range 400 {
		var b strings.Builder
		for range 100 {
			for w := range 60 {
				if w > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(words[r.Intn(len(words))])
			}
			b.WriteString(".\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", f)), []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// waitForFile waits until path exists.
func waitForFile(t *testing.T, path string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s did not appear within %v", path, timeout)
}

func TestASignalStopsIndexAtOnceWithNothingHalfWritten(t *testing.T) {
	bin := buildFootnote(t)
	corpusDir := slowCorpus(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			work := t.TempDir()
			index := filepath.Join(work, "index")
			cmd := exec.Command(bin, "--corpus", corpusDir, "--index", index, "index")
			cmd.Dir = work
			cmd.Env = []string{"HOME=" + work}
			var stderr lockedBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			t.Cleanup(func() { _ = cmd.Process.Kill() })
			// The lock is taken as the build starts: signal at once, so that a
			// build faster than any fixed wait is still caught mid-way.
			waitForFile(t, filepath.Join(index, "build.lock"), 60*time.Second)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			sent := time.Now()
			select {
			case err := <-exited:
				took := time.Since(sent)
				t.Logf("stopped %v after %v", sig, took.Round(time.Millisecond))
				if err == nil {
					t.Errorf("index exited 0 after %v, want a failure saying it was interrupted", sig)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("index still running 5 s after %v\nstderr:\n%s", sig, stderr.String())
			}
			if got := stderr.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "interrupted") {
				t.Errorf("stderr %q, want one line saying it was interrupted", got)
			}
			entries, _ := os.ReadDir(index)
			for _, e := range entries {
				if e.Name() != "build.lock" {
					t.Errorf("%s left in the index folder after the interrupted build", e.Name())
				}
			}
		})
	}
}

func TestTheBotStopsWithinItsGracePeriodWhileStillBuilding(t *testing.T) {
	bin := buildFootnote(t)
	work := t.TempDir()
	index := filepath.Join(work, "index")
	cmd := exec.Command(bin, "bot")
	cmd.Dir = work
	cmd.Env = []string{
		"HOME=" + work, "FOOTNOTE_CORPUS_DIR=" + slowCorpus(t), "FOOTNOTE_INDEX_DIR=" + index,
		"DISCORD_TOKEN=MTIz.never-used", "DISCORD_API_BASE_URL=http://127.0.0.1:1", "FOOTNOTE_GENERATOR=extractive",
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	waitForFile(t, filepath.Join(index, "build.lock"), 60*time.Second)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("bot exited with %v after SIGTERM mid-build, want 0\nstderr:\n%s", err, stderr.String())
		}
	case <-time.After(20 * time.Second): // the bot's default grace period
		t.Fatalf("bot still running 20 s after SIGTERM mid-build\nstderr:\n%s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(index, "CURRENT")); err == nil {
		t.Error("an index was published after the build was interrupted")
	}
}
