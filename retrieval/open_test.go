package retrieval_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

func builtin(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// openIn opens the built-in corpus's index in dir, collecting warnings.
func openIn(t *testing.T, c *corpus.Corpus, dir string) (*retrieval.Index, retrieval.Status, []string) {
	t.Helper()
	var warnings []string
	ix, st, err := retrieval.Open(context.Background(), c, retrieval.Options{Dir: dir, Warn: func(s string) { warnings = append(warnings, s) }})
	if err != nil {
		t.Fatal(err)
	}
	return ix, st, warnings
}

func TestOpenBuildsOnceThenLoads(t *testing.T) {
	c, dir := builtin(t), t.TempDir()
	ix1, st1, _ := openIn(t, c, dir)
	ix2, st2, warnings := openIn(t, c, dir)
	if !st1.Built || st1.Reason != "no index yet" {
		t.Errorf("first open: %+v, want a build because there was no index", st1)
	}
	if st2.Built || len(warnings) > 0 {
		t.Errorf("second open: %+v %q, want a silent load", st2, warnings)
	}
	q := "Why did Kim skip the Victory Day parade in Moscow?"
	r1, _ := ix1.Search(context.Background(), q, 5, retrieval.SearchOptions{})
	r2, _ := ix2.Search(context.Background(), q, 5, retrieval.SearchOptions{})
	for i := range r1 {
		if r1[i].ID != r2[i].ID || r1[i].Score != r2[i].Score {
			t.Fatalf("loaded index ranks differently at %d: %s %v vs %s %v", i, r1[i].ID, r1[i].Score, r2[i].ID, r2[i].Score)
		}
	}
}

func TestOpenRebuildsWhenTheCorpusChanges(t *testing.T) {
	c, dir := builtin(t), t.TempDir()
	openIn(t, c, dir)
	changed := *c
	changed.Hash = "something else"
	_, st, _ := openIn(t, &changed, dir)
	if !st.Built || st.Reason != "corpus changed" {
		t.Errorf("status = %+v, want a rebuild because the corpus changed", st)
	}
}

func TestOpenRebuildsAnOlderFormatWithoutCallingItCorrupt(t *testing.T) {
	c, dir := builtin(t), t.TempDir()
	openIn(t, c, dir)
	gen := liveGeneration(t, dir)
	path := filepath.Join(gen, "manifest.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	older := strings.Replace(string(data), fmt.Sprintf(`"format": %d`, retrieval.FormatVersion), `"format": 1`, 1)
	if older == string(data) {
		t.Fatalf("no format field in %s", data)
	}
	if err := os.WriteFile(path, []byte(older), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(gen, "vectors.f32")); err != nil { // as in an index from before vectors.f32
		t.Fatal(err)
	}
	_, st, warnings := openIn(t, c, dir)
	if !st.Built || st.Reason != "index format changed" || len(warnings) > 0 {
		t.Errorf("open: %+v, warnings %q; want a quiet rebuild because the format changed", st, warnings)
	}
}

func TestOpenRebuildsACorruptIndexWithOneWarning(t *testing.T) {
	tests := []struct {
		name   string
		damage func(dir string) error
		reason string
	}{
		{"a truncated vectors file", func(dir string) error { return truncate(filepath.Join(dir, "vectors.f32")) }, "vectors.f32 checksum mismatch"},
		{"a truncated paragraphs file", func(dir string) error { return truncate(filepath.Join(dir, "paragraphs.bin")) }, "paragraphs.bin checksum mismatch"},
		{"a truncated chunks file", func(dir string) error { return truncate(filepath.Join(dir, "chunks.bin")) }, "chunks.bin checksum mismatch"},
		{"a missing vectors delta file", func(dir string) error { return os.Remove(filepath.Join(dir, "vectors-delta.f32")) }, "vectors-delta.f32 missing"},
		{"a missing vectors file", func(dir string) error { return os.Remove(filepath.Join(dir, "vectors.f32")) }, "vectors.f32 missing"},
		{"a garbled manifest", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "manifest.json"), []byte("{not json"), 0o644)
		}, "unreadable manifest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, dir := builtin(t), t.TempDir()
			openIn(t, c, dir)
			if err := tt.damage(liveGeneration(t, dir)); err != nil {
				t.Fatal(err)
			}
			ix, st, warnings := openIn(t, c, dir)
			if !st.Built {
				t.Error("a corrupt index was loaded instead of rebuilt")
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], tt.reason) || strings.Contains(warnings[0], "\n") {
				t.Errorf("warnings = %q, want one line saying %q", warnings, tt.reason)
			}
			if ix.Len() != len(c.Paragraphs()) {
				t.Errorf("rebuilt index has %d chunks, want %d", ix.Len(), len(c.Paragraphs()))
			}
			if _, st, w := openIn(t, c, dir); st.Built || len(w) > 0 {
				t.Errorf("after the rebuild the index should load cleanly: %+v %q", st, w)
			}
		})
	}
}

// liveGeneration is the folder holding the files of the index in dir.
func liveGeneration(t *testing.T, dir string) string {
	t.Helper()
	gen, err := retrieval.LiveGeneration(dir)
	if err != nil {
		t.Fatal(err)
	}
	return gen
}

func truncate(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.Truncate(path, info.Size()/2)
}

func TestOpenWithoutWritableDirStillAnswers(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ix, _, warnings := openIn(t, builtin(t), filepath.Join(file, "index"))
	if ix.Len() == 0 || len(warnings) == 0 || !strings.Contains(warnings[len(warnings)-1], "answering from memory") {
		t.Errorf("chunks %d, warnings %q: want an in-memory index and a warning that says so", ix.Len(), warnings)
	}
	for _, w := range warnings {
		if strings.Contains(w, "\n") {
			t.Errorf("warning spans lines: %q", w)
		}
	}
}

func TestSearchFindsTheParagraphThatAnswers(t *testing.T) {
	ix, _, _ := openIn(t, builtin(t), "")
	tests := []struct {
		question, want string
	}{
		{"Why did North Korea say Kim was absent from the parade?", "security concerns"},
		{"Why did Kim Jong Un skip the Victory Day parade in Moscow?", "declined Putin’s invitation"},
		{"Who is Kim Jong-un's daughter?", "Ju-ae"},
		{"What were the balloons sent south filled with?", "trash and excrement"},
		{"Which airport pickup time did Kim give Putin?", "3 a.m."},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), tt.question, 5, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range res {
			found = found || strings.Contains(r.Text, tt.want)
		}
		if !found {
			t.Errorf("%q: no paragraph in the top 5 mentions %q", tt.question, tt.want)
		}
	}
}

func TestSearchClampsKAndNumbersRanks(t *testing.T) {
	ix, _, _ := openIn(t, builtin(t), "")
	res, err := ix.Search(context.Background(), "Kim Putin", 1000, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || len(res) > ix.Len() {
		t.Fatalf("got %d results for k=1000 over %d chunks", len(res), ix.Len())
	}
	for i, r := range res {
		if r.Rank != i+1 || (i > 0 && r.Score > res[i-1].Score) {
			t.Fatalf("result %d has rank %d score %v after %v", i, r.Rank, r.Score, res[max(i-1, 0)].Score)
		}
	}
	if _, err := ix.Search(context.Background(), " ?! ", 5, retrieval.SearchOptions{}); err != retrieval.ErrEmptyQuery {
		t.Errorf("a query with no words: err = %v, want ErrEmptyQuery", err)
	}
}
