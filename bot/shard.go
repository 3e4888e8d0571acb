package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// identifyInterval is how far apart Discord wants identifies of shards
// in the same max_concurrency bucket.
const identifyInterval = 5 * time.Second

// awaitIdentifySlot staggers the shards' identifies as Discord asks:
// shards whose ID differ only in ID mod max_concurrency may identify
// together, each further group max_concurrency shards later waits
// identifyInterval more. A single shard identifies at once. Each process
// runs one shard, so waiting by shard ID needs no coordination.
func (b *Bot) awaitIdentifySlot(ctx context.Context, s *discordgo.Session) error {
	if b.cfg.ShardCount <= 1 {
		return nil
	}
	gw, err := s.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("ask Discord how to shard: %w", err)
	}
	wait := identifyWait(b.cfg.ShardID, gw.SessionStartLimit.MaxConcurrency)
	if wait == 0 {
		return nil
	}
	b.log.Info("waiting for this shard's identify slot", "shard_id", b.cfg.ShardID, "max_concurrency", gw.SessionStartLimit.MaxConcurrency, "wait", wait.String())
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return nil
	}
}

// identifyWait is how long shard waits before identifying when
// maxConcurrency shards may identify at once.
func identifyWait(shard, maxConcurrency int) time.Duration {
	maxConcurrency = max(maxConcurrency, 1)
	return time.Duration(shard/maxConcurrency) * identifyInterval
}
