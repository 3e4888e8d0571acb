package bot

import (
	"testing"
	"time"
)

func TestIdentifyWaitStaggersShardsByMaxConcurrencyBucket(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		shard, maxConcurrency int
		want                  time.Duration
	}{
		{"shard 0 identifies at once", 0, 1, 0},
		{"with max_concurrency 1 each shard waits one interval more", 3, 1, 3 * identifyInterval},
		{"shards in the first bucket of 16 identify together", 15, 16, 0},
		{"the second bucket of 16 waits one interval", 16, 16, identifyInterval},
		{"a missing max_concurrency counts as 1", 2, 0, 2 * identifyInterval},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := identifyWait(tc.shard, tc.maxConcurrency); got != tc.want {
				t.Errorf("identifyWait(%d, %d) = %v, want %v", tc.shard, tc.maxConcurrency, got, tc.want)
			}
		})
	}
}
