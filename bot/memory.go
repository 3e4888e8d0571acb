package bot

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync"

	"github.com/footnote-dev/footnote/answer"
)

// Memory bounds. Old entries are forgotten first; a forgotten answer's
// buttons say so, and a forgotten conversation's follow-ups are answered
// as new questions.
const (
	rememberAnswers       = 5000
	rememberConversations = 5000
	rememberTurns         = 8
	rememberChannels      = 10000
)

// memory is what the bot remembers between events: answers (for their
// buttons), conversations (for follow-ups) and channels (for thread
// checks). It lives only as long as the process.
type memory struct {
	mu       sync.Mutex
	prefix   string
	seq      uint64
	answers  *bounded[string, answer.Answer]
	convOf   *bounded[string, string] // message or thread ID → conversation
	turns    *bounded[string, []answer.Turn]
	channels *bounded[string, channelInfo]
}

// channelInfo is what the bot needs to know about a channel.
type channelInfo struct {
	GuildID, ParentID, OwnerID, Name string
	Thread                           bool
}

func newMemory() *memory {
	b := make([]byte, 6)
	_, _ = rand.Read(b) // never fails; keys from two runs differ anyway
	return &memory{
		prefix:   hex.EncodeToString(b),
		answers:  newBounded[string, answer.Answer](rememberAnswers),
		convOf:   newBounded[string, string](rememberConversations * 4),
		turns:    newBounded[string, []answer.Turn](rememberConversations),
		channels: newBounded[string, channelInfo](rememberChannels),
	}
}

// newKey returns a short ID unique to this process run, and with its six
// random bytes, in practice across the processes sharing a State.
func (m *memory) newKey() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seq++
	return m.prefix + strconv.FormatUint(m.seq, 36)
}

func (m *memory) putAnswer(key string, a answer.Answer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.answers.put(key, a)
}

func (m *memory) answer(key string) (answer.Answer, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.answers.get(key)
}

// conversation finds the conversation any of ids (message or thread IDs)
// belongs to and returns its ID and earlier turns.
func (m *memory) conversation(ids ...string) (string, []answer.Turn) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if id == "" {
			continue
		}
		if conv, ok := m.convOf.get(id); ok {
			turns, _ := m.turns.get(conv)
			return conv, append([]answer.Turn(nil), turns...)
		}
	}
	return "", nil
}

// remember adds a turn to conversation conv ("" starts one) and links ids
// to it; it returns the conversation's ID.
func (m *memory) remember(conv string, t answer.Turn, ids ...string) string {
	if conv == "" {
		conv = "c" + m.newKey()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	turns, _ := m.turns.get(conv)
	turns = append(turns, t)
	if len(turns) > rememberTurns {
		turns = turns[len(turns)-rememberTurns:]
	}
	m.turns.put(conv, turns)
	for _, id := range ids {
		if id != "" {
			m.convOf.put(id, conv)
		}
	}
	return conv
}

func (m *memory) channel(id string) (channelInfo, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.channels.get(id)
}

func (m *memory) putChannel(id string, c channelInfo) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.channels.put(id, c)
}

// bounded is a map that forgets its oldest keys beyond a limit. It is not
// safe for concurrent use.
type bounded[K comparable, V any] struct {
	limit int
	m     map[K]V
	order []K
}

func newBounded[K comparable, V any](limit int) *bounded[K, V] {
	return &bounded[K, V]{limit: limit, m: map[K]V{}}
}

func (b *bounded[K, V]) get(k K) (V, bool) {
	v, ok := b.m[k]
	return v, ok
}

func (b *bounded[K, V]) put(k K, v V) {
	if _, ok := b.m[k]; !ok {
		b.order = append(b.order, k)
	}
	b.m[k] = v
	for len(b.m) > b.limit {
		delete(b.m, b.order[0])
		b.order = b.order[1:]
	}
}
