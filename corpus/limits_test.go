package corpus_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/corpus"
)

// loadWithin loads dir with limits, failing the test if loading hangs.
func loadWithin(t *testing.T, dir string, limits corpus.Limits) (*corpus.Corpus, map[string]string, error) {
	t.Helper()
	type result struct {
		c        *corpus.Corpus
		warnings []corpus.Warning
		err      error
	}
	done := make(chan result, 1)
	go func() {
		c, w, err := corpus.LoadDirContext(context.Background(), dir, limits)
		done <- result{c, w, err}
	}()
	select {
	case r := <-done:
		got := map[string]string{}
		for _, w := range r.warnings {
			if strings.Contains(w.String(), "\n") {
				t.Errorf("warning spans lines: %q", w)
			}
			got[w.Path] = w.String()
		}
		return r.c, got, r.err
	case <-time.After(20 * time.Second):
		t.Fatal("loading the corpus hangs")
		return nil, nil, nil
	}
}

func docIDs(c *corpus.Corpus) []string {
	var ids []string
	for _, d := range c.Documents {
		ids = append(ids, d.ID)
	}
	return ids
}

func TestLoadDirSkipsWhatIsNotARegularFileInsideTheCorpus(t *testing.T) {
	outside := writeFiles(t, map[string]string{"secret.txt": "A private paragraph outside the corpus.\n"})
	dir := writeFiles(t, map[string]string{"good.txt": "A paragraph about trade talks.\n", "sub/inner.txt": "An inner paragraph.\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o600); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"outside.txt": filepath.Join(outside, "secret.txt"),
		"inside.txt":  filepath.Join(dir, "sub", "inner.txt"),
		"relative.md": "sub/inner.txt",
		"folder.txt":  filepath.Join(dir, "sub"),
		"topipe.txt":  filepath.Join(dir, "pipe.txt"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	c, warnings, err := loadWithin(t, dir, corpus.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(docIDs(c), ","), "good,inside,relative,sub/inner"; got != want {
		t.Errorf("loaded %s, want %s", got, want)
	}
	want := map[string]string{
		"pipe.txt":    "not a regular file",
		"topipe.txt":  "not a regular file",
		"outside.txt": "outside the corpus folder",
		"folder.txt":  "symlink to a folder",
	}
	for path, fragment := range want {
		if !strings.Contains(warnings[path], fragment) {
			t.Errorf("warning for %s = %q, want one saying %q", path, warnings[path], fragment)
		}
	}
}

func TestLoadDirSkipsFilesPastTheSizeLimits(t *testing.T) {
	para := strings.Repeat("The delegation met again on Tuesday. ", 30) + "\n" // 1,110 bytes
	dir := writeFiles(t, map[string]string{
		"a.txt":   para,
		"b.txt":   para,
		"big.txt": strings.Repeat(para, 4),
		"c.txt":   para,
	})
	c, warnings, err := loadWithin(t, dir, corpus.Limits{MaxFileBytes: 2000, MaxTotalBytes: 2500})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(docIDs(c), ","), "a,b"; got != want {
		t.Errorf("loaded %s, want %s", got, want)
	}
	if w := warnings["big.txt"]; !strings.Contains(w, "FOOTNOTE_MAX_FILE_BYTES") {
		t.Errorf("warning for big.txt = %q, want it to name FOOTNOTE_MAX_FILE_BYTES", w)
	}
	if w := warnings["c.txt"]; !strings.Contains(w, "FOOTNOTE_MAX_CORPUS_BYTES") {
		t.Errorf("warning for c.txt = %q, want it to name FOOTNOTE_MAX_CORPUS_BYTES", w)
	}
	if w := warnings["1 file(s), 1111 bytes"]; !strings.Contains(w, "the corpus is larger than") {
		t.Errorf("warnings %q, want one summing up what the total limit left out", warnings)
	}
}

func TestLoadDirGivesCollidingFilesDistinctStableIDs(t *testing.T) {
	files := map[string]string{
		"a.txt":   "A paragraph in text.\n",
		"a.md":    "A paragraph in markdown.\n",
		"A B.txt": "A paragraph with a space in its name.\n",
		"a-b.txt": "A paragraph with a dash in its name.\n",
	}
	load := func() []string {
		c, _, err := loadWithin(t, writeFiles(t, files), corpus.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, d := range c.Documents {
			for _, p := range d.Paragraphs {
				if seen[p.ID] || p.Doc != d.ID || !strings.HasPrefix(p.ID, d.ID+"#") {
					t.Errorf("paragraph %s of %s: duplicate or inconsistent ID", p.ID, d.ID)
				}
				seen[p.ID] = true
			}
		}
		return docIDs(c)
	}
	first, second := load(), load()
	if len(first) != 4 || strings.Join(first, ",") != strings.Join(second, ",") {
		t.Errorf("IDs %v then %v, want four distinct IDs, the same each time", first, second)
	}
}

func TestLongParagraphsWithoutSentenceBreaksAreSplitByLength(t *testing.T) {
	line := strings.Repeat("word ", 2000) + "\n" // 10 KB, no full stop
	doc, err := corpus.Parse("d", "d.txt", []byte(line))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Paragraphs) < 7 {
		t.Errorf("got %d parts, want the paragraph split by length", len(doc.Paragraphs))
	}
	for _, p := range doc.Paragraphs {
		if len(p.Text) > corpus.MaxParagraphBytes || line[p.Start:p.End] != p.Text {
			t.Errorf("part %s: %d bytes, offsets %d-%d; want at most %d bytes at its place in the file", p.ID, len(p.Text), p.Start, p.End, corpus.MaxParagraphBytes)
		}
	}
}

func TestLoadDirContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := corpus.LoadDirContext(ctx, writeFiles(t, map[string]string{"a.txt": "A paragraph.\n"}), corpus.Limits{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
