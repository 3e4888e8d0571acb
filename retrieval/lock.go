package retrieval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lockFile is the file in an index folder that builds lock (flock), so
// that two processes never build and publish into one folder at once.
const lockFile = "build.lock"

// lockPoll is how often a process waiting for the build lock tries again.
const lockPoll = 50 * time.Millisecond

// dirLock is a held build lock; release it with unlock.
type dirLock struct{ f *os.File }

// tryLock takes the build lock of dir if nobody holds it.
func tryLock(dir string) (*dirLock, bool, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, false, fmt.Errorf("open build lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if err == syscall.EWOULDBLOCK {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("lock index: %w", err)
	}
	return &dirLock{f: f}, true, nil
}

// lock takes the build lock of dir, waiting while another process holds
// it (saying so once through warn) until ctx is done.
func lock(ctx context.Context, dir string, warn func(string)) (*dirLock, error) {
	said := false
	for {
		l, ok, err := tryLock(dir)
		if err != nil || ok {
			return l, err
		}
		if !said {
			warn(fmt.Sprintf("another footnote process is building the index in %s; waiting for it", dir))
			said = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}

// unlock releases the lock; closing the file drops the flock.
func (l *dirLock) unlock() { _ = l.f.Close() }
