package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Bot is footnote in Discord. Create it with New and run it with Run.
type Bot struct {
	cfg      Config
	log      *slog.Logger
	mem      *memory
	state    State
	allow    allowList
	chans    channels
	answers  *answerer
	feedback FeedbackStore // nil when not collected
	pool     *pool
	closing  atomic.Bool

	id        atomic.Pointer[identity]
	connected atomic.Bool
	ready     chan struct{}
	readyOnce sync.Once
	gotReady  chan struct{}
	readyMu   sync.Once
	health    atomic.Pointer[string]
}

// identity is who the bot is, from READY and the configuration.
type identity struct{ userID, appID string }

// New checks cfg and prepares a bot that answers with asker. logger nil
// means slog.Default().
func New(cfg Config, asker Asker, logger *slog.Logger) (*Bot, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("bot configuration: %w", err)
	}
	if asker == nil {
		return nil, errors.New("bot configuration: no answer engine")
	}
	if logger == nil {
		logger = slog.Default()
	}
	// discordgo's REST errors quote the response body, which may echo
	// the token: mask every record, not just the ones we expect.
	logger = slog.New(cfg.Redactor.Handler(logger.Handler()))
	mem := newMemory()
	state := cfg.State
	if state == nil {
		state = localState{mem: mem, limiter: newRateLimiter(cfg.RateLimit, time.Now)}
	}
	b := &Bot{
		cfg:      cfg,
		log:      logger,
		mem:      mem,
		state:    state,
		ready:    make(chan struct{}),
		gotReady: make(chan struct{}),
	}
	b.answers = &answerer{asker: asker, mem: mem, state: state, log: logger, timeout: cfg.AnswerTimeout, feedback: cfg.FeedbackFile != "" || cfg.FeedbackStore != nil, pace: discordPacing(), token: cfg.Token}
	return b, nil
}

// Ready is closed once the bot is connected and /ask is registered.
func (b *Bot) Ready() <-chan struct{} { return b.ready }

// HealthAddr is the address /healthz is served on, once Ready; "" when
// not configured.
func (b *Bot) HealthAddr() string {
	if p := b.health.Load(); p != nil {
		return *p
	}
	return ""
}

func (b *Bot) identity() *identity { return b.id.Load() }

// Run connects to Discord and answers until ctx is cancelled, then
// finishes in-flight answers (up to ShutdownTimeout), disconnects and
// returns nil. It returns an error when it cannot start.
func (b *Bot) Run(ctx context.Context) (err error) {
	switch {
	case b.cfg.FeedbackStore != nil:
		b.feedback = b.cfg.FeedbackStore
		defer b.closeFeedback()
	case b.cfg.FeedbackFile != "":
		if b.feedback, err = openFeedback(b.cfg.FeedbackFile); err != nil {
			return err
		}
		defer b.closeFeedback()
	}
	stopHealth, err := b.serveHealth()
	if err != nil {
		return err
	}
	defer stopHealth()
	guard := &dialGuard{timeout: b.cfg.ConnectTimeout}
	s, err := newSession(b.cfg, guard)
	if err != nil {
		return err
	}
	b.chans = channels{s: s, mem: b.mem}
	b.allow = allowList{guilds: b.cfg.AllowedGuilds, channels: b.cfg.AllowedChannels, lookup: b.chans.get}
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	b.pool = newPool(work, b.cfg.Workers, b.cfg.QueueSize)
	b.addHandlers(s, guard)
	if err := b.connect(ctx, s); err != nil {
		b.pool.close()
		return err
	}
	<-ctx.Done()
	b.shutdown(s, stopWork)
	return nil
}

// connect opens the gateway, waits for READY and registers /ask.
func (b *Bot) connect(ctx context.Context, s *discordgo.Session) error {
	b.log.Info("connecting to Discord", "config", b.cfg)
	if err := b.awaitIdentifySlot(ctx, s); err != nil || ctx.Err() != nil {
		return err
	}
	if err := s.Open(); err != nil {
		return fmt.Errorf("connect to the Discord gateway: %w", err)
	}
	t := time.NewTimer(b.cfg.ConnectTimeout)
	defer t.Stop()
	select {
	case <-b.gotReady:
	case <-t.C:
		b.closeSession(s)
		return errors.New("connect to the Discord gateway: no READY")
	case <-ctx.Done():
		b.closeSession(s)
		return nil
	}
	id := b.identity()
	// Commands belong to the application, not to a shard: one registration
	// serves every shard, and N shards overwriting them at once would only
	// spend the rate limit.
	if b.cfg.ShardID == 0 {
		if err := registerCommands(ctx, s, id.appID, b.cfg.GuildID); err != nil {
			b.closeSession(s)
			return err
		}
	}
	b.log.Info("ready", "user_id", id.userID, "app_id", id.appID, "guild_id", b.cfg.GuildID)
	b.readyOnce.Do(func() { close(b.ready) })
	return nil
}

// addHandlers wires gateway events to the bot.
func (b *Bot) addHandlers(s *discordgo.Session, guard *dialGuard) {
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		app := b.cfg.AppID
		if app == "" && r.Application != nil {
			app = r.Application.ID
		}
		b.id.Store(&identity{userID: r.User.ID, appID: app})
		b.readyMu.Do(func() { close(b.gotReady) })
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) {
		guard.disarm()
		b.connected.Store(true)
		b.log.Info("gateway connected")
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		b.connected.Store(false)
		b.log.Warn("gateway disconnected")
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { b.log.Info("gateway session resumed") })
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
}

// shutdown stops taking questions, lets queued and running ones finish up
// to the deadline, then cancels them and disconnects.
func (b *Bot) shutdown(s *discordgo.Session, stopWork context.CancelFunc) {
	b.log.Info("shutting down", "deadline", b.cfg.ShutdownTimeout.String())
	b.closing.Store(true)
	b.pool.close()
	if !b.pool.wait(b.cfg.ShutdownTimeout) {
		b.log.Warn("shutdown deadline passed; cancelling unfinished answers")
		stopWork()
		b.pool.wait(deliverTimeout)
	}
	b.closeSession(s)
	b.log.Info("stopped")
}

func (b *Bot) closeSession(s *discordgo.Session) {
	if err := s.Close(); err != nil {
		b.log.Warn("close gateway", "err", err)
	}
}

func (b *Bot) closeFeedback() {
	if err := b.feedback.Close(); err != nil {
		b.log.Error("close feedback file", "err", err)
	}
}

// recoverEvent keeps a panicking handler from taking the bot down: it
// logs the panic and apologises.
func (b *Bot) recoverEvent(what string, apologise func()) {
	p := recover()
	if p == nil {
		return
	}
	b.log.Error("panic in handler", "event", what, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	apologise()
}
