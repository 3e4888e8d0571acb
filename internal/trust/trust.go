// Package trust decides whether footnote may rely on a folder or file on a
// shared machine: one another local user could have planted or could
// change. A path is trusted when the current user owns it and nobody else
// may write to it; a folder's parent may also be root's, or writable by
// others only with the sticky bit (as /tmp is), so that nobody else can
// swap the folder itself.
package trust

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Error says why a path is not trusted.
type Error struct {
	Path   string
	Reason string
}

// Error names the path and the reason, e.g. "/tmp/x can be changed by
// other users (mode 0777)".
func (e *Error) Error() string { return fmt.Sprintf("%s %s", e.Path, e.Reason) }

// ErrUntrusted matches every *Error with errors.Is.
var ErrUntrusted = errors.New("untrusted path")

// Is makes errors.Is(err, ErrUntrusted) true for an *Error.
func (e *Error) Is(target error) bool { return target == ErrUntrusted }

// Dir checks that dir is a folder the current user owns and only they can
// write to, inside a parent nobody else can rename it out of.
func Dir(dir string) error {
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return &Error{Path: dir, Reason: "is not a folder"}
	}
	if err := owned(dir, info); err != nil {
		return err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	pinfo, err := os.Stat(parent)
	if err != nil {
		return err
	}
	uid, ok := ownerOf(pinfo)
	if ok && uid != os.Getuid() && uid != 0 {
		return &Error{Path: parent, Reason: fmt.Sprintf("is owned by user %d, not you (user %d)", uid, os.Getuid())}
	}
	if pinfo.Mode().Perm()&0o022 != 0 && pinfo.Mode()&os.ModeSticky == 0 && uid != os.Getuid() {
		return &Error{Path: parent, Reason: "can be changed by other users (writable by group or others, not sticky)"}
	}
	return nil
}

// File checks that path is a regular file (not a symlink) the current user
// owns and only they can write to.
func File(path string) error {
	info, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return &Error{Path: path, Reason: "is not a regular file"}
	}
	return owned(path, info)
}

// MkdirAll creates dir (mode 0700) when missing, then checks it with Dir.
func MkdirAll(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return Dir(dir)
}

func owned(path string, info fs.FileInfo) error {
	if uid, ok := ownerOf(info); ok && uid != os.Getuid() {
		return &Error{Path: path, Reason: fmt.Sprintf("is owned by user %d, not you (user %d)", uid, os.Getuid())}
	}
	if info.Mode().Perm()&0o022 != 0 {
		return &Error{Path: path, Reason: fmt.Sprintf("can be changed by other users (mode %04o)", info.Mode().Perm())}
	}
	return nil
}

// ownerOf returns the owner's user ID where the system reports one.
func ownerOf(info fs.FileInfo) (int, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}
