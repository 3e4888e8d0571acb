// Package redisstate keeps the Discord bot's shared state in Redis, so
// that several `footnote bot` processes (shards, replicas, a restarted
// one) act as one bot: per-user rate limits, answers for their buttons,
// conversations for follow-ups, and the feedback log. It implements
// bot.State and bot.FeedbackStore.
package redisstate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/redis/go-redis/v9"
)

// Defaults for the zero values of Options.
const (
	DefaultPrefix  = "footnote:"
	DefaultTTL     = 7 * 24 * time.Hour
	DefaultTimeout = 2 * time.Second
	// FeedbackStream is the stream votes are appended to, after the prefix.
	FeedbackStream = "feedback"
)

// Options configure New.
type Options struct {
	// URL is a redis:// or rediss:// URL; its password, if any, is never
	// logged.
	URL string
	// Prefix starts every key, so that several deployments (or tests) can
	// share one Redis.
	Prefix string
	// TTL is how long answers and conversations are kept after their last
	// use.
	TTL time.Duration
	// Timeout bounds every command.
	Timeout time.Duration
}

// Store is the bot's state in Redis.
type Store struct {
	closeOnce sync.Once
	rdb       *redis.Client
	prefix    string
	ttl       time.Duration
	timeout   time.Duration
}

// rateWindow is the rate limit's sliding window, as in process.
const rateWindow = time.Minute

// New connects to Redis and checks that it answers.
func New(ctx context.Context, opts Options) (*Store, error) {
	o, err := redis.ParseURL(opts.URL)
	if err != nil {
		return nil, fmt.Errorf("redis URL: %w", redactURLError(err))
	}
	s := &Store{prefix: opts.Prefix, ttl: opts.TTL, timeout: opts.Timeout}
	if s.prefix == "" {
		s.prefix = DefaultPrefix
	}
	if s.ttl <= 0 {
		s.ttl = DefaultTTL
	}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	o.DialTimeout, o.ReadTimeout, o.WriteTimeout = s.timeout, s.timeout, s.timeout
	s.rdb = redis.NewClient(o)
	cctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.rdb.Ping(cctx).Err(); err != nil {
		_ = s.rdb.Close()
		return nil, fmt.Errorf("connect to redis at %s: %w", o.Addr, err)
	}
	return s, nil
}

// redactURLError keeps a malformed URL, which may hold a password, out of
// the message.
func redactURLError(err error) error {
	_ = err // its text may quote the URL
	return errors.New("not a valid redis:// or rediss:// URL")
}

// Close closes the connection pool; closing again does nothing (the bot
// closes its feedback store, and cmd the whole Store).
func (s *Store) Close() error {
	var err error
	s.closeOnce.Do(func() { err = s.rdb.Close() })
	return err
}

func (s *Store) key(parts ...string) string {
	k := s.prefix
	for i, p := range parts {
		if i > 0 {
			k += ":"
		}
		k += p
	}
	return k
}

func (s *Store) ctx(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.timeout)
}

// allowScript is the sliding-window limit, atomic across processes, on
// Redis's clock so that the processes' clocks need not agree. It returns
// {1, 0} when allowed, else {0, milliseconds until the next slot}.
var allowScript = redis.NewScript(`
local key, limit, window, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', key, now, now .. '-' .. member)
redis.call('PEXPIRE', key, window)
return {1, 0}
`)

// Allow implements bot.State: at most perMinute questions per user in any
// minute, counted across every process.
func (s *Store) Allow(ctx context.Context, user string, perMinute int) (bool, time.Duration, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	member := strconv.FormatInt(time.Now().UnixNano(), 36)
	res, err := allowScript.Run(ctx, s.rdb, []string{s.key("rate", user)}, perMinute, rateWindow.Milliseconds(), member).Int64Slice()
	if err != nil {
		return false, 0, fmt.Errorf("redis rate limit: %w", err)
	}
	if len(res) != 2 {
		return false, 0, fmt.Errorf("redis rate limit: unexpected reply %v", res)
	}
	return res[0] == 1, time.Duration(res[1]) * time.Millisecond, nil
}

// PutAnswer implements bot.State.
func (s *Store) PutAnswer(ctx context.Context, key string, a answer.Answer) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode answer: %w", err)
	}
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	if err := s.rdb.Set(ctx, s.key("answer", key), data, s.ttl).Err(); err != nil {
		return fmt.Errorf("redis store answer: %w", err)
	}
	return nil
}

// Answer implements bot.State.
func (s *Store) Answer(ctx context.Context, key string) (answer.Answer, bool, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	data, err := s.rdb.Get(ctx, s.key("answer", key)).Bytes()
	if errors.Is(err, redis.Nil) {
		return answer.Answer{}, false, nil
	}
	if err != nil {
		return answer.Answer{}, false, fmt.Errorf("redis read answer: %w", err)
	}
	var a answer.Answer
	if err := json.Unmarshal(data, &a); err != nil {
		return answer.Answer{}, false, fmt.Errorf("decode stored answer: %w", err)
	}
	return a, true, nil
}

// Conversation implements bot.State.
func (s *Store) Conversation(ctx context.Context, ids ...string) (string, []answer.Turn, error) {
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	for _, id := range ids {
		if id == "" {
			continue
		}
		conv, err := s.rdb.Get(ctx, s.key("conv", id)).Result()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			return "", nil, fmt.Errorf("redis read conversation: %w", err)
		}
		raw, err := s.rdb.LRange(ctx, s.key("turns", conv), 0, -1).Result()
		if err != nil {
			return "", nil, fmt.Errorf("redis read turns: %w", err)
		}
		turns := make([]answer.Turn, 0, len(raw))
		for _, r := range raw {
			var t answer.Turn
			if err := json.Unmarshal([]byte(r), &t); err != nil {
				return "", nil, fmt.Errorf("decode stored turn: %w", err)
			}
			turns = append(turns, t)
		}
		return conv, turns, nil
	}
	return "", nil, nil
}

// Remember implements bot.State, in one transaction: the turn, the trim
// to the latest bot.RememberTurns, the links and their expiry.
func (s *Store) Remember(ctx context.Context, conv string, t answer.Turn, ids ...string) error {
	data, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("encode turn: %w", err)
	}
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	turns := s.key("turns", conv)
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.RPush(ctx, turns, data)
		p.LTrim(ctx, turns, -bot.RememberTurns, -1)
		p.Expire(ctx, turns, s.ttl)
		for _, id := range ids {
			if id != "" {
				p.Set(ctx, s.key("conv", id), conv, s.ttl)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("redis remember turn: %w", err)
	}
	return nil
}

// voteScript records a user's vote on a message: the user's current vote
// and the stream entry are written together or not at all, so a record is
// never half there; a click that repeats the vote already held adds
// nothing, and a changed vote is a new entry (the last one wins).
var voteScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[2] then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('XADD', KEYS[2], '*', 'vote', ARGV[1])
return 1
`)

// Record implements bot.FeedbackStore: the record goes to the stream
// "<prefix>feedback" as one JSON field "vote"; read it with
// `redis-cli XRANGE footnote:feedback - +`.
func (s *Store) Record(ctx context.Context, fb bot.Feedback) (bool, error) {
	data, err := json.Marshal(fb)
	if err != nil {
		return false, fmt.Errorf("encode feedback: %w", err)
	}
	ctx, cancel := s.ctx(ctx)
	defer cancel()
	keys := []string{s.key("voted", fb.Message, fb.UserHash), s.key(FeedbackStream)}
	n, err := voteScript.Run(ctx, s.rdb, keys, data, fb.Vote, (30 * 24 * time.Hour).Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("redis record feedback: %w", err)
	}
	return n == 1, nil
}

// FeedbackKey is the Redis key of the feedback stream.
func (s *Store) FeedbackKey() string { return s.key(FeedbackStream) }
