package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
)

// writeFiles creates files (path → content) below a new temp folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDirSkipsBadFilesWithAWarningAndKeepsTheRest(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good.txt":          "A paragraph about trade talks.\n",
		"nested/notes.md":   "---\ntitle: Notes\n---\nA paragraph in markdown.\n",
		"latin1.txt":        "Caf\xe9 au lait, in Latin-1.\n",
		"empty.txt":         "  \n\n",
		"furniture.txt":     "READ MORE Something else\n\nLeave a Reply\n",
		"ignored.pdf":       "not an article",
		"nested/README.TXT": "Upper-case extensions count too.\n",
	})
	// A dangling link is unreadable even for root, unlike a chmod 000 file.
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	c, warnings, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Documents {
		ids = append(ids, d.ID)
	}
	if got, want := strings.Join(ids, ","), "good,nested/readme,nested/notes"; got != want {
		t.Errorf("loaded %s, want %s", got, want)
	}
	want := map[string]string{
		"latin1.txt":    "not UTF-8",
		"empty.txt":     "empty file",
		"furniture.txt": "no article text",
		"dangling.txt":  "no such file",
	}
	got := map[string]string{}
	for _, w := range warnings {
		got[w.Path] = w.String()
		if strings.Contains(w.String(), "\n") {
			t.Errorf("warning spans lines: %q", w)
		}
	}
	for path, fragment := range want {
		if !strings.Contains(got[path], fragment) || !strings.Contains(got[path], path) {
			t.Errorf("warning for %s = %q, want one line naming it and saying %q", path, got[path], fragment)
		}
	}
	if c.Documents[2].Title != "Notes" {
		t.Errorf("front-matter title = %q, want Notes", c.Documents[2].Title)
	}
}

func TestLoadDirFailsClearlyWithoutArticles(t *testing.T) {
	tests := []struct {
		name, dir, want string
	}{
		{"a missing folder", filepath.Join(t.TempDir(), "nope"), "no such file"},
		{"a folder with no articles", writeFiles(t, map[string]string{"x.csv": "a,b"}), "no readable articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := corpus.LoadDir(tt.dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestCorpusHashChangesWithContent(t *testing.T) {
	a := writeFiles(t, map[string]string{"a.txt": "One paragraph.\n"})
	b := writeFiles(t, map[string]string{"a.txt": "One paragraph, edited.\n"})
	ca, _, _ := corpus.LoadDir(a)
	cb, _, _ := corpus.LoadDir(b)
	ca2, _, _ := corpus.LoadDir(a)
	if ca.Hash == cb.Hash {
		t.Error("different content, same hash")
	}
	if ca.Hash != ca2.Hash {
		t.Error("same content, different hash")
	}
}
