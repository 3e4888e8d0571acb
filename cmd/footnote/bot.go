package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/footnote-dev/footnote/bot"
	"github.com/spf13/cobra"
)

func (a *app) botCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "bot",
		Short: "Answer questions in Discord: /ask, mentions, DMs and thread follow-ups (see README: Run it in Discord)",
		Long: "footnote bot connects to Discord with DISCORD_TOKEN and answers /ask, @mentions, DMs and\n" +
			"follow-ups with the same cited answers as footnote ask. It stops cleanly on SIGINT or SIGTERM.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := botConfig(a.env)
			if err != nil {
				return err
			}
			cfg.Redactor = a.redactor
			eng, err := a.engine(cmd.Context())
			if err != nil && cmd.Context().Err() != nil {
				// Stopped while the index was being built: a clean stop,
				// as a SIGTERM from a service manager means.
				a.warn("stopped before connecting to Discord; the index was not saved")
				return nil
			}
			if err != nil {
				return err
			}
			closeState, err := a.sharedState(cmd.Context(), &cfg)
			if err != nil {
				return err
			}
			defer closeState()
			b, err := bot.New(cfg, eng, slog.New(slog.NewTextHandler(a.stderr, nil)))
			if err != nil {
				return usageError{err}
			}
			if watch := a.liveCorpus(eng); watch != nil {
				ctx, stop := context.WithCancel(cmd.Context())
				defer stop()
				go watch(ctx)
			}
			return b.Run(cmd.Context())
		},
	}
}

// botConfig reads the bot's settings from the environment and .env.
func botConfig(env environment) (bot.Config, error) {
	cfg := bot.Config{
		Token:           env.get("DISCORD_TOKEN"),
		AppID:           env.get("DISCORD_APP_ID"),
		GuildID:         env.get("DISCORD_GUILD_ID"),
		APIBaseURL:      env.get("DISCORD_API_BASE_URL"),
		ReplyMode:       bot.ReplyMode(strings.ToLower(env.get("FOOTNOTE_REPLY_MODE"))),
		AllowedGuilds:   list(env.get("FOOTNOTE_ALLOWED_GUILDS")),
		AllowedChannels: list(env.get("FOOTNOTE_ALLOWED_CHANNELS")),
		FeedbackFile:    env.get("FOOTNOTE_FEEDBACK_FILE"),
		HealthAddr:      env.get("FOOTNOTE_HEALTH_ADDR"),
	}
	if cfg.Token == "" {
		return cfg, usageError{errors.New("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications (see README: Run it in Discord)")}
	}
	var errs []error
	var err error
	cfg.MessageContent, err = boolVar(env, "FOOTNOTE_MESSAGE_CONTENT")
	errs = append(errs, err)
	cfg.RateLimit, err = intVar(env, "FOOTNOTE_RATE_LIMIT", 1, maxRateLimit)
	errs = append(errs, err)
	cfg.Workers, err = intVar(env, "FOOTNOTE_WORKERS", 1, maxWorkers)
	errs = append(errs, err)
	cfg.ShardCount, err = intVar(env, "DISCORD_SHARD_COUNT", 1, maxShards)
	errs = append(errs, err)
	if v := env.get("DISCORD_SHARD_ID"); v != "" {
		if cfg.ShardID, err = strconv.Atoi(v); err != nil || cfg.ShardID < 0 {
			errs = append(errs, usageError{fmt.Errorf("DISCORD_SHARD_ID must be a whole number from 0, not %q", v)})
		}
	}
	if m := cfg.ReplyMode; m != "" && m != bot.ReplyThread && m != bot.ReplyInline {
		errs = append(errs, usageError{fmt.Errorf("FOOTNOTE_REPLY_MODE must be thread or reply, not %q", m)})
	}
	return cfg, errors.Join(errs...)
}

// Upper bounds of the bot's numeric settings: beyond them a value is a
// typo (a rate of 6000 a minute is no limit; 10,000 workers would only
// queue on two cores' worth of CPU).
const (
	maxRateLimit = 600
	maxWorkers   = 256
	maxShards    = 1 << 16
)

func boolVar(env environment, key string) (bool, error) {
	switch v := strings.ToLower(env.get(key)); v {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	default:
		return false, usageError{fmt.Errorf("%s must be true or false, not %q", key, v)}
	}
}

// list splits a comma-separated list of IDs.
func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
