package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWithoutACacheFolderTheIndexStaysInMemoryNotInTheSharedTemp(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("HOME", "")
	t.Setenv("XDG_CACHE_HOME", "")
	_, errOut, code := footnote(t, map[string]string{"FOOTNOTE_INDEX_DIR": ""}, "ask", "What does juche mean?")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// Whatever is there, another local user could have put it there.
	if _, err := os.Stat(filepath.Join(tmp, "footnote")); err == nil {
		t.Errorf("the index went to the shared temporary folder %s", tmp)
	}
	if !strings.Contains(errOut, "keeping the index in memory") {
		t.Errorf("stderr %q, want one line saying the index stays in memory", errOut)
	}
}

func TestAnIndexFolderOthersCanWriteIsRefusedInOneLine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := footnote(t, map[string]string{"FOOTNOTE_INDEX_DIR": dir}, "ask", "What does juche mean?")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "can be changed by other users") {
		t.Errorf("exit %d, stderr %q; want exit 1 and one line refusing the folder", code, errOut)
	}
}
