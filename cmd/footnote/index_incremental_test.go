package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIndexUpdatesIncrementallyAndSaysWhenItRefits(t *testing.T) {
	corpusDir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(corpusDir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 10 {
		write(fmt.Sprintf("a%02d.md", i), fmt.Sprintf("# Article %d\n\nThe harbour %d opened with new cranes.\n\nShips and trade %d.\n", i, i, i))
	}
	env := map[string]string{"FOOTNOTE_INDEX_DIR": filepath.Join(t.TempDir(), "idx"), "FOOTNOTE_CORPUS_DIR": corpusDir}
	if out, _, code := footnote(t, env, "index"); code != 0 || !strings.Contains(out, "built (no index yet)") {
		t.Fatalf("first index: exit %d, %q", code, out)
	}

	write("a03.md", "# Article 3\n\nThe harbour 3 opened with new cranes.\n\nShips, ferries and trade 3.\n")
	out, _, code := footnote(t, env, "index")
	if code != 0 || !strings.Contains(out, "built (corpus changed), 2 paragraphs embedded and 18 kept from the previous index") || strings.Contains(out, "refitted") {
		t.Fatalf("after one edit: exit %d, %q; want the 2 contexts the edit changed embedded, the fit kept", code, out)
	}

	for i := range 3 {
		write(fmt.Sprintf("a%02d.md", i), fmt.Sprintf("# Article %d\n\nThe port %d closed.\n\nNo ships %d.\n", i, i, i))
	}
	out, _, code = footnote(t, env, "index")
	if code != 0 || !strings.Contains(out, "the local embedder refitted") {
		t.Fatalf("after changing 6 of 20 paragraphs: exit %d, %q; want a refit", code, out)
	}
}
