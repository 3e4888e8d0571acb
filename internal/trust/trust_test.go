package trust_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/footnote-dev/footnote/internal/trust"
)

func TestDirTrustsOnlyPrivateFoldersOfTheCurrentUser(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
		trusted bool
	}{
		{"a private folder of mine", func(*testing.T, string) {}, true},
		{"a folder others may write to", func(t *testing.T, dir string) { chmod(t, dir, 0o777) }, false},
		{"a folder my group may write to", func(t *testing.T, dir string) { chmod(t, dir, 0o770) }, false},
		{"a folder another user owns", func(t *testing.T, dir string) { chown(t, dir, 65534) }, false},
		{"a private folder in a sticky world-writable parent", func(t *testing.T, dir string) { chmod(t, filepath.Dir(dir), 0o1777) }, true},
		{"a private folder in a world-writable parent without the sticky bit", func(t *testing.T, dir string) {
			chmod(t, filepath.Dir(dir), 0o777)
			chown(t, filepath.Dir(dir), 65534)
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "parent", "index")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			chmod(t, filepath.Dir(dir), 0o700)
			tt.prepare(t, dir)
			err := trust.Dir(dir)
			if got := err == nil; got != tt.trusted {
				t.Errorf("Dir = %v, want trusted %v", err, tt.trusted)
			}
			if err != nil && !errors.Is(err, trust.ErrUntrusted) {
				t.Errorf("Dir = %v, want an ErrUntrusted", err)
			}
		})
	}
}

func TestFileRefusesSymlinksAndOthersFiles(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine")
	if err := os.WriteFile(mine, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := trust.File(mine); err != nil {
		t.Errorf("File(mine) = %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(mine, link); err != nil {
		t.Fatal(err)
	}
	if err := trust.File(link); !errors.Is(err, trust.ErrUntrusted) {
		t.Errorf("File(symlink) = %v, want untrusted", err)
	}
	chown(t, mine, 65534)
	if err := trust.File(mine); !errors.Is(err, trust.ErrUntrusted) {
		t.Errorf("File(someone else's) = %v, want untrusted", err)
	}
}

func chmod(t *testing.T, p string, m os.FileMode) {
	t.Helper()
	if err := os.Chmod(p, m); err != nil {
		t.Fatal(err)
	}
}

// chown gives p to another user; only root can, so others skip.
func chown(t *testing.T, p string, uid int) {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("changing a file's owner needs root")
	}
	if err := os.Chown(p, uid, -1); err != nil {
		t.Fatal(err)
	}
}
