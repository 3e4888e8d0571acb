package bot

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullDisk is the feedback file on a disk that fills up mid-write: the
// next write puts half its bytes down, then fails with ENOSPC.
type fullDisk struct {
	*os.File
	fail bool
}

func (d *fullDisk) Write(p []byte) (int, error) {
	if d.fail {
		d.fail = false
		n, _ := d.File.Write(p[:len(p)/2])
		return n, &os.PathError{Op: "write", Path: d.Name(), Err: syscall.ENOSPC}
	}
	return d.File.Write(p)
}

func openFull(t *testing.T, path string) (*feedbackLog, *fullDisk) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	d := &fullDisk{File: f}
	l, err := newFeedbackLog(d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, d
}

// lines parses every line of the feedback file, failing on any that is
// not a whole record.
func lines(t *testing.T, path string) []Feedback {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []Feedback
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		var fb Feedback
		if err := json.Unmarshal(sc.Bytes(), &fb); err != nil {
			t.Errorf("line %q is not a record: %v", sc.Text(), err)
		}
		out = append(out, fb)
	}
	return out
}

func TestAWriteThatFailsPartWayLeavesNoHalfRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedback.jsonl")
	l, disk := openFull(t, path)
	ctx := context.Background()
	if _, err := l.Record(ctx, Feedback{Vote: "up", Message: "m1", UserHash: "a"}); err != nil {
		t.Fatal(err)
	}
	disk.fail = true
	if _, err := l.Record(ctx, Feedback{Vote: "up", Message: "m2", UserHash: "a"}); err == nil {
		t.Fatal("a failed write reported success")
	}
	if _, err := l.Record(ctx, Feedback{Vote: "down", Message: "m3", UserHash: "b"}); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, path); len(got) != 2 || got[0].Message != "m1" || got[1].Message != "m3" {
		t.Errorf("records %+v, want m1 and m3 whole", got)
	}
}

func TestOpeningDropsAPartialLastRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedback.jsonl")
	whole := `{"vote":"up","message":"m1","user_hash":"a"}` + "\n"
	if err := os.WriteFile(path, []byte(whole+`{"vote":"do`), 0o600); err != nil {
		t.Fatal(err)
	}
	l, _ := openFull(t, path)
	if _, err := l.Record(context.Background(), Feedback{Vote: "down", Message: "m2", UserHash: "b"}); err != nil {
		t.Fatal(err)
	}
	if got := lines(t, path); len(got) != 2 || got[1].Message != "m2" {
		t.Errorf("records %+v, want the whole record, then the new one", got)
	}
}

func TestOneVotePerUserPerMessageTheLastClickWinning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feedback.jsonl")
	l, _ := openFull(t, path)
	ctx := context.Background()
	for range 20 {
		if _, err := l.Record(ctx, Feedback{Vote: "up", Message: "m1", UserHash: "a"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.Record(ctx, Feedback{Vote: "down", Message: "m1", UserHash: "a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Record(ctx, Feedback{Vote: "up", Message: "m1", UserHash: "b"}); err != nil {
		t.Fatal(err)
	}
	got := lines(t, path)
	if len(got) != 3 || got[1].Vote != "down" {
		t.Errorf("records %+v, want a's up, a's down (the last click), b's up", got)
	}
	// Reopened (a restart), the log still knows a's vote.
	l.Close()
	l2, _ := openFull(t, path)
	if stored, _ := l2.Record(ctx, Feedback{Vote: "down", Message: "m1", UserHash: "a"}); stored {
		t.Error("after a restart, a repeated vote was recorded again")
	}
}

func TestTheFeedbackFileMustBeInAFolderOnlyYouCanChange(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := openFeedback(filepath.Join(dir, "feedback.jsonl")); err == nil || !strings.Contains(err.Error(), "other users") {
		t.Errorf("openFeedback = %v, want a refusal naming the folder", err)
	}
}
