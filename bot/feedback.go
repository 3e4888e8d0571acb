package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/answer"
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

// feedbackLog appends votes to a JSON Lines file, syncing each record so
// a crash or restart loses none.
type feedbackLog struct {
	mu sync.Mutex
	f  *os.File
}

func openFeedback(path string) (*feedbackLog, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open feedback file: %w", err)
	}
	return &feedbackLog{f: f}, nil
}

// add appends one record.
func (l *feedbackLog) add(fb Feedback) error {
	line, err := json.Marshal(fb)
	if err != nil {
		return fmt.Errorf("encode feedback: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, err := l.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("write feedback: %w", err)
	}
	if err := l.f.Sync(); err != nil {
		return fmt.Errorf("sync feedback: %w", err)
	}
	return nil
}

func (l *feedbackLog) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}
