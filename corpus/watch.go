package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports changes below a corpus folder.
type Watcher struct{ w *fsnotify.Watcher }

// Watch starts watching dir and every folder below it; changes made once
// it returns are seen. Folders created later are watched too; hidden
// files and folders are not (editors' swap files, footnote add's
// temporary files).
func Watch(dir string) (*Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch corpus: %w", err)
	}
	if err := addTree(w, dir); err != nil {
		_ = w.Close() // the error that matters is addTree's
		return nil, fmt.Errorf("watch corpus: %w", err)
	}
	return &Watcher{w: w}, nil
}

// Run calls onChange after files are created, written, removed or
// renamed, once the folder has been quiet for debounce — so that saving a
// batch of articles, or an editor's write-and-rename, rebuilds once. It
// returns, and stops watching, when ctx ends.
func (cw *Watcher) Run(ctx context.Context, debounce time.Duration, onChange func()) {
	w := cw.w
	defer func() { _ = w.Close() }() // stopping: nothing is left to report it to
	timer := time.NewTimer(debounce)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if strings.HasPrefix(filepath.Base(ev.Name), ".") || ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Op.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					_ = addTree(w, ev.Name) // best effort: a folder gone again is no change
				}
			}
			timer.Reset(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				timer.Reset(debounce) // events were lost: rebuild to be sure
			}
		case <-timer.C:
			onChange()
		}
	}
}

// addTree watches dir and every folder below it except hidden ones.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}
