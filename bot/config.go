// Package bot serves footnote in Discord: /ask, mentions, DMs and thread
// follow-ups, answered with the same answer.Engine as `footnote ask` and
// rendered with footnotes and a Sources block. It is the only package
// that imports discordgo.
package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/footnote-dev/footnote/internal/redact"
)

// ReplyMode says where an answer to a mention goes.
type ReplyMode string

// Reply modes.
const (
	// ReplyThread answers in a new thread named after the question.
	ReplyThread ReplyMode = "thread"
	// ReplyInline answers with a reply to the question's message.
	ReplyInline ReplyMode = "reply"
)

// Defaults for the zero values of Config.
const (
	DefaultRateLimit       = 5
	DefaultWorkers         = 4
	DefaultQueueSize       = 256
	DefaultAnswerTimeout   = 90 * time.Second
	DefaultShutdownTimeout = 20 * time.Second
	DefaultConnectTimeout  = 30 * time.Second
)

// Config is everything the bot needs to know, as plain values; cmd fills
// it from the environment. Zero values mean the defaults above.
type Config struct {
	// Token is the bot token, without the "Bot " prefix. It is never logged.
	Token string
	// AppID is the application ID; "" means the one READY reports.
	AppID string
	// GuildID registers /ask in that guild only (visible at once) instead
	// of globally.
	GuildID string
	// APIBaseURL sends every REST request to this origin instead of
	// Discord's, paths unchanged.
	APIBaseURL string
	// MessageContent asks for the privileged message-content intent, which
	// lets the bot read follow-ups in its threads that don't mention it.
	MessageContent bool
	// ReplyMode is where mentions are answered; "" means ReplyThread.
	ReplyMode ReplyMode
	// AllowedGuilds and AllowedChannels, when not empty, are the only
	// guilds and channels (or threads' parent channels) the bot answers in.
	AllowedGuilds, AllowedChannels []string
	// RateLimit is how many questions one user may ask per minute.
	RateLimit int
	// Workers is how many questions are answered at once.
	Workers int
	// QueueSize is how many acknowledged questions may wait for a worker.
	QueueSize int
	// AnswerTimeout bounds answering one question.
	AnswerTimeout time.Duration
	// FeedbackFile is the JSON Lines file 👍/👎 votes are appended to;
	// "" hides the vote buttons. Its folder must be the current user's
	// alone (see internal/trust).
	FeedbackFile string
	// FeedbackStore, when set, keeps the votes instead of FeedbackFile.
	FeedbackStore FeedbackStore
	// ShardID and ShardCount split the guilds across processes. Only shard
	// 0 registers /ask.
	ShardID, ShardCount int
	// State, when set, holds rate limits, answers and conversations
	// outside the process (see State); nil keeps them in memory.
	State State
	// HealthAddr, when set, serves GET /healthz there.
	HealthAddr string
	// ShutdownTimeout bounds how long in-flight answers may finish after
	// the context is cancelled.
	ShutdownTimeout time.Duration
	// ConnectTimeout bounds connecting to the gateway.
	ConnectTimeout time.Duration
	// Redactor masks secrets in every log record and every message the
	// bot sends; nil means one that knows the token alone. cmd passes the
	// one it built from the whole configuration.
	Redactor *redact.Redactor
}

// LogValue keeps the token out of logs even if a Config is logged whole.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("app_id", c.AppID),
		slog.String("guild_id", c.GuildID),
		slog.String("api_base_url", c.APIBaseURL),
		slog.Bool("message_content", c.MessageContent),
		slog.String("reply_mode", string(c.ReplyMode)),
		slog.Int("workers", c.Workers),
		slog.Int("shard_id", c.ShardID),
		slog.Int("shard_count", c.ShardCount),
	)
}

// withDefaults fills zero values.
func (c Config) withDefaults() Config {
	if c.ReplyMode == "" {
		c.ReplyMode = ReplyThread
	}
	setDefault(&c.RateLimit, DefaultRateLimit)
	setDefault(&c.Workers, DefaultWorkers)
	setDefault(&c.QueueSize, DefaultQueueSize)
	setDefault(&c.ShardCount, 1)
	setDefault(&c.AnswerTimeout, DefaultAnswerTimeout)
	setDefault(&c.ShutdownTimeout, DefaultShutdownTimeout)
	setDefault(&c.ConnectTimeout, DefaultConnectTimeout)
	if c.Redactor == nil {
		c.Redactor = redact.New(c.Token)
	}
	return c
}

func setDefault[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// validate reports a configuration the bot cannot run with.
func (c Config) validate() error {
	var errs []error
	if c.Token == "" {
		errs = append(errs, errors.New("a bot token is required (DISCORD_TOKEN)"))
	}
	if c.ReplyMode != ReplyThread && c.ReplyMode != ReplyInline {
		errs = append(errs, fmt.Errorf("reply mode must be %q or %q, not %q", ReplyThread, ReplyInline, c.ReplyMode))
	}
	if c.ShardID < 0 || c.ShardID >= c.ShardCount {
		errs = append(errs, fmt.Errorf("shard ID %d must be at least 0 and below the shard count %d", c.ShardID, c.ShardCount))
	}
	if c.APIBaseURL != "" {
		if u, err := url.Parse(c.APIBaseURL); err != nil || u.Scheme == "" || u.Host == "" {
			errs = append(errs, fmt.Errorf("API base URL %q must be an absolute URL such as http://127.0.0.1:8080", c.APIBaseURL))
		}
	}
	return errors.Join(errs...)
}
