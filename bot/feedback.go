package bot

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/trust"
)

// Feedback is one 👍/👎 vote, a line of the feedback file.
type Feedback struct {
	Time      time.Time         `json:"time"`
	Vote      string            `json:"vote"` // "up" or "down"
	Question  string            `json:"question"`
	Answer    string            `json:"answer"`
	Abstained bool              `json:"abstained"`
	Citations []answer.Citation `json:"citations"`
	// UserHash is HashUser of the voter's user ID: votes by one person can
	// be grouped without storing who they are.
	UserHash string `json:"user_hash"`
	// Message is the Discord message the vote was cast on: with UserHash,
	// what makes a vote one person's about one answer.
	Message string `json:"message,omitempty"`
}

// FeedbackStore keeps votes: one per user per message, the last click
// winning. The bot uses a JSON Lines file unless Config.FeedbackStore
// gives it another.
type FeedbackStore interface {
	// Record stores fb, unless it repeats the vote the same user already
	// has on that message; it reports whether it stored anything.
	Record(ctx context.Context, fb Feedback) (bool, error)
	// Close releases the store.
	Close() error
}

// HashUser returns the hex HMAC-SHA256 of a user ID keyed by secret (the
// bot token). A plain hash of a Discord ID can be reversed by hashing
// candidate IDs, which are public and sequential; without the token it
// cannot. The same token gives the same hash across restarts, so one
// person's votes still group; a new token starts new pseudonyms.
func HashUser(secret, id string) string {
	key := sha256.Sum256([]byte("footnote feedback user\x00" + secret))
	mac := hmac.New(sha256.New, key[:])
	mac.Write([]byte(id))
	return hex.EncodeToString(mac.Sum(nil))
}

// feedbackFile is the file feedbackLog writes; *os.File, or a fault
// injector in tests.
type feedbackFile interface {
	io.ReadWriteCloser
	Truncate(size int64) error
	Seek(offset int64, whence int) (int64, error)
	Sync() error
}

// feedbackLog appends votes to a JSON Lines file, syncing each record so
// a crash or restart loses none. It stays append-only: a changed vote is a
// new line, and readers take the last line per (message, user_hash).
type feedbackLog struct {
	mu   sync.Mutex
	f    feedbackFile
	size int64 // bytes of complete records
	// votes is each (message, user) pair's current vote, to leave out a
	// click that repeats it.
	votes map[string]string
}

// openFeedback opens (or creates) the feedback file in a folder only the
// current user can change: votes are data someone else could forge.
func openFeedback(path string) (*feedbackLog, error) {
	if err := trust.Dir(filepath.Dir(absPath(path))); err != nil {
		return nil, fmt.Errorf("feedback file folder: %w", err)
	}
	if err := trust.File(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("feedback file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open feedback file: %w", err)
	}
	l, err := newFeedbackLog(f)
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("open feedback file: %w", err)
	}
	return l, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// newFeedbackLog reads the votes already in f and drops a partial last
// record (a crash or a full disk mid-write), so the next one starts on a
// line of its own.
func newFeedbackLog(f feedbackFile) (*feedbackLog, error) {
	l := &feedbackLog{f: f, votes: map[string]string{}}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	complete := bytes.LastIndexByte(data, '\n') + 1
	if complete < len(data) {
		if err := f.Truncate(int64(complete)); err != nil {
			return nil, fmt.Errorf("drop a partial record: %w", err)
		}
	}
	l.size = int64(complete)
	sc := bufio.NewScanner(bytes.NewReader(data[:complete]))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		var fb Feedback
		if json.Unmarshal(sc.Bytes(), &fb) == nil {
			l.votes[voteKey(fb)] = fb.Vote
		}
	}
	return l, nil
}

func voteKey(fb Feedback) string { return fb.Message + "\x00" + fb.UserHash }

// Record implements FeedbackStore. A write that fails part-way is
// truncated back, so the file never holds half a record.
func (l *feedbackLog) Record(_ context.Context, fb Feedback) (bool, error) {
	line, err := json.Marshal(fb)
	if err != nil {
		return false, fmt.Errorf("encode feedback: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if fb.Message != "" && l.votes[voteKey(fb)] == fb.Vote {
		return false, nil // the same click again: one vote is one vote
	}
	if _, err := l.f.Write(append(line, '\n')); err != nil {
		if terr := l.f.Truncate(l.size); terr != nil {
			return false, fmt.Errorf("write feedback: %w (and could not remove the partial record: %v)", err, terr)
		}
		return false, fmt.Errorf("write feedback: %w", err)
	}
	if err := l.f.Sync(); err != nil {
		return false, fmt.Errorf("sync feedback: %w", err)
	}
	l.size += int64(len(line) + 1)
	l.votes[voteKey(fb)] = fb.Vote
	return true, nil
}

// Close implements FeedbackStore.
func (l *feedbackLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}
