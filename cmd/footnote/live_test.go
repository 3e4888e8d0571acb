package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/retrieval"
)

// syncBuffer is a bytes.Buffer safe for the watcher and the test at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// liveApp is an app over a corpus folder with its own index folder, as
// `footnote bot` configures it.
func liveApp(t *testing.T, corpusDir string) (*app, *syncBuffer) {
	t.Helper()
	stderr := &syncBuffer{}
	return &app{stdout: &syncBuffer{}, stderr: stderr, cfg: Config{CorpusDir: corpusDir, IndexDir: filepath.Join(t.TempDir(), "index"), Embedder: "local"}}, stderr
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestTheBotsIndexFollowsTheCorpusFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("nampo.txt", "The harbour of Nampo froze in January, halting coal exports.\n")
	a, stderr := liveApp(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	eng, err := a.engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	watch := a.liveCorpus(eng)
	if watch == nil {
		t.Fatal("no watcher for a corpus folder")
	}
	live := eng.Retriever.(*retrieval.Live)
	done := make(chan struct{})
	go func() { watch(ctx); close(done) }()
	first := live.Snapshot()
	const q = "How many cranes does the Rason container terminal have?"
	if ans, err := eng.Ask(ctx, answer.Request{Question: q}); err != nil || !ans.Abstained {
		t.Fatalf("before the article: %+v, %v; want an abstention", ans, err)
	}

	write("rason.md", "---\ntitle: Rason terminal\nurl: https://news.example/rason\n---\nThe Rason container terminal has four cranes, all bought from China in 2019.\n")
	// Wait for the line that follows the swap too, so that it is not
	// counted as the failed rebuild's below.
	waitFor(t, "the new article to be indexed", func() bool {
		return strings.Contains(stderr.String(), "now answering from") || strings.Contains(stderr.String(), "failed")
	})
	if live.Snapshot() == first {
		t.Fatalf("the new article was not indexed:\n%s", stderr.String())
	}
	ans, err := eng.Ask(ctx, answer.Request{Question: q})
	if err != nil || ans.Abstained || !strings.Contains(ans.Text, "four cranes") || ans.Citations[0].URL != "https://news.example/rason" {
		t.Fatalf("after the article: %+v, %v", ans, err)
	}
	// The replaced index is left as it was for questions still reading it.
	if first.Len() != 1 {
		t.Errorf("the old index changed under its readers: %d paragraphs", first.Len())
	}

	// Break the corpus: the rebuild fails, the index that works stays.
	before := live.Snapshot()
	lines := strings.Count(stderr.String(), "\n")
	for _, f := range []string{"nampo.txt", "rason.md"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "the failed rebuild's message", func() bool { return strings.Contains(stderr.String(), "still answering from the previous one") })
	if live.Snapshot() != before {
		t.Error("a failed rebuild replaced the index")
	}
	if got := strings.Count(stderr.String(), "\n") - lines; got != 1 {
		t.Errorf("the failed rebuild printed %d lines, want 1:\n%s", got, stderr.String())
	}
	if ans, err := eng.Ask(ctx, answer.Request{Question: q}); err != nil || ans.Abstained {
		t.Errorf("after the failed rebuild: %+v, %v; want the previous index's answer", ans, err)
	}
	cancel()
	<-done
}

func TestSkippedFilesAreListedOncePerBuildNotOnEveryQuestion(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The harbour of Nampo froze in January, halting coal exports.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "slides.pptx"), []byte("PK"), 0o644)
	env := map[string]string{"FOOTNOTE_CORPUS_DIR": dir, "FOOTNOTE_INDEX_DIR": filepath.Join(t.TempDir(), "index")}
	_, errOut, _ := footnote(t, env, "ask", "Why did coal exports from Nampo stop?")
	if !strings.Contains(errOut, "skipped slides.pptx: unsupported format .pptx") {
		t.Errorf("first ask (builds the index): stderr %q, want the skipped file", errOut)
	}
	_, errOut, _ = footnote(t, env, "ask", "Why did coal exports from Nampo stop?")
	if errOut != "" {
		t.Errorf("second ask (index current): stderr %q, want nothing", errOut)
	}
}
