package main

import (
	"context"
	"fmt"
	"time"

	"github.com/footnote-dev/footnote/internal/redact"

	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/redisstate"
)

// RedisConfig reaches the Redis that bot processes share state in.
type RedisConfig struct {
	// URL is redis://[:password@]host:port/db; "" keeps state in process.
	URL redact.Secret
	// Prefix starts every key.
	Prefix string
	// TTL is how long answers and conversations are kept.
	TTL time.Duration
}

// redisFromEnv reads the Redis settings.
func redisFromEnv(env environment) (RedisConfig, error) {
	r := RedisConfig{URL: redact.Secret(env.get("FOOTNOTE_REDIS_URL")), Prefix: env.get("FOOTNOTE_REDIS_PREFIX")}
	if v := env.get("FOOTNOTE_REDIS_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return r, usageError{fmt.Errorf("FOOTNOTE_REDIS_TTL must be a duration such as 168h, not %q", v)}
		}
		r.TTL = d
	}
	return r, nil
}

// sharedState connects the bot to Redis when configured: rate limits,
// answers, conversations and votes then live there, shared by every bot
// process. It returns a function that disconnects.
func (a *app) sharedState(ctx context.Context, cfg *bot.Config) (func(), error) {
	r, err := redisFromEnv(a.env)
	if err != nil || r.URL == "" {
		return func() {}, err
	}
	st, err := redisstate.New(ctx, redisstate.Options{URL: r.URL.Reveal(), Prefix: r.Prefix, TTL: r.TTL})
	if err != nil {
		return nil, err
	}
	if cfg.FeedbackFile != "" {
		a.warn("FOOTNOTE_FEEDBACK_FILE is ignored with FOOTNOTE_REDIS_URL: votes go to the Redis stream " + redisPrefix(r) + redisstate.FeedbackStream)
	}
	cfg.State, cfg.FeedbackStore, cfg.FeedbackFile = st, st, ""
	return func() {
		if err := st.Close(); err != nil {
			a.warn("close redis: " + err.Error())
		}
	}, nil
}

func redisPrefix(r RedisConfig) string {
	if r.Prefix == "" {
		return redisstate.DefaultPrefix
	}
	return r.Prefix
}
