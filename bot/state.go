package bot

import (
	"context"
	"time"

	"github.com/footnote-dev/footnote/answer"
)

// State is what the bot remembers between events that a user expects to
// outlive one process: rate limits, answers (for their buttons) and
// conversations (for follow-ups). Config.State nil keeps them in this
// process's memory; a shared store (Redis, package redisstate) lets several
// bot processes — shards, replicas, a restarted one — act as one bot.
type State interface {
	// Allow records a question by user and reports whether it is within
	// perMinute questions in the last minute; if not, it says how long
	// until the next one is.
	Allow(ctx context.Context, user string, perMinute int) (bool, time.Duration, error)
	// PutAnswer keeps an answer under key, for its buttons.
	PutAnswer(ctx context.Context, key string, a answer.Answer) error
	// Answer returns the answer kept under key; false when there is none
	// (never kept, or forgotten).
	Answer(ctx context.Context, key string) (answer.Answer, bool, error)
	// Conversation finds the conversation any of ids (message or thread
	// IDs) belongs to and returns its ID and earlier turns, oldest first;
	// "" when none does.
	Conversation(ctx context.Context, ids ...string) (string, []answer.Turn, error)
	// Remember appends turn t to conversation conv, keeping the latest
	// RememberTurns, and links ids to it.
	Remember(ctx context.Context, conv string, t answer.Turn, ids ...string) error
}

// RememberTurns is how many turns of a conversation are kept.
const RememberTurns = rememberTurns

// localState is State in this process's memory.
type localState struct {
	mem     *memory
	limiter *rateLimiter
}

// Allow applies the in-process sliding window.
func (l localState) Allow(_ context.Context, user string, _ int) (bool, time.Duration, error) {
	ok, wait := l.limiter.allow(user)
	return ok, wait, nil
}

// PutAnswer keeps the answer in memory.
func (l localState) PutAnswer(_ context.Context, key string, a answer.Answer) error {
	l.mem.putAnswer(key, a)
	return nil
}

// Answer looks the answer up in memory.
func (l localState) Answer(_ context.Context, key string) (answer.Answer, bool, error) {
	a, ok := l.mem.answer(key)
	return a, ok, nil
}

// Conversation looks the conversation up in memory.
func (l localState) Conversation(_ context.Context, ids ...string) (string, []answer.Turn, error) {
	conv, turns := l.mem.conversation(ids...)
	return conv, turns, nil
}

// Remember adds the turn in memory.
func (l localState) Remember(_ context.Context, conv string, t answer.Turn, ids ...string) error {
	l.mem.remember(conv, t, ids...)
	return nil
}

// allowQuestion applies the rate limit. When the state store fails, the
// question is let through: a limit that cannot be checked should not stop
// the bot answering.
func (b *Bot) allowQuestion(ctx context.Context, user string) (bool, time.Duration) {
	ok, wait, err := b.state.Allow(ctx, user, b.cfg.RateLimit)
	if err != nil {
		b.log.Error("check rate limit; allowing the question", "err", err)
		return true, 0
	}
	return ok, wait
}

// conversation looks up the conversation ids continue; a failing store
// makes the question a new one.
func (b *Bot) conversation(ctx context.Context, ids ...string) (string, []answer.Turn) {
	conv, turns, err := b.state.Conversation(ctx, ids...)
	if err != nil {
		b.log.Error("look up conversation; answering as a new question", "err", err)
		return "", nil
	}
	return conv, turns
}
