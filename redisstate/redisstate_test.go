package redisstate_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/redisstate"
	"github.com/redis/go-redis/v9"
)

// stores connects two Stores (two bot processes) to the test Redis under
// a prefix of the test's own, or skips without one.
func stores(t *testing.T) (*redisstate.Store, *redisstate.Store, string) {
	t.Helper()
	url := os.Getenv("FOOTNOTE_TEST_REDIS_URL")
	if url == "" {
		t.Skip("FOOTNOTE_TEST_REDIS_URL is not set (start one with scripts/redis)")
	}
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "footnote-test-" + hex.EncodeToString(b) + ":"
	open := func() *redisstate.Store {
		s, err := redisstate.New(context.Background(), redisstate.Options{URL: url, Prefix: prefix, TTL: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	return open(), open(), url
}

func TestRateLimitIsOneWindowAcrossProcesses(t *testing.T) {
	a, b, _ := stores(t)
	ctx := context.Background()
	for i, s := range []*redisstate.Store{a, b, a} {
		ok, wait, err := s.Allow(ctx, "u1", 3)
		if err != nil || !ok || wait != 0 {
			t.Fatalf("question %d: allowed %v, wait %v, err %v", i+1, ok, wait, err)
		}
	}
	ok, wait, err := b.Allow(ctx, "u1", 3)
	if err != nil || ok || wait <= 0 || wait > time.Minute {
		t.Errorf("fourth question: allowed %v, wait %v, err %v; want refused with a wait under a minute", ok, wait, err)
	}
	if ok, _, _ := a.Allow(ctx, "u2", 3); !ok {
		t.Error("another user is limited too")
	}
}

func TestConversationsKeepTheLatestTurnsWhicheverProcessWroteThem(t *testing.T) {
	a, b, _ := stores(t)
	ctx := context.Background()
	for i := range bot.RememberTurns + 2 {
		s := []*redisstate.Store{a, b}[i%2]
		if err := s.Remember(ctx, "c1", answer.Turn{Question: "q" + strconv.Itoa(i), Answer: "a"}, "msg"+strconv.Itoa(i), "thread1"); err != nil {
			t.Fatal(err)
		}
	}
	conv, turns, err := a.Conversation(ctx, "unknown", "msg0")
	if err != nil || conv != "c1" || len(turns) != bot.RememberTurns || turns[0].Question != "q2" {
		t.Errorf("conversation = %q, %d turns from %v, err %v", conv, len(turns), turns, err)
	}
	if conv, _, _ := b.Conversation(ctx, "nothing", ""); conv != "" {
		t.Errorf("unknown IDs found conversation %q", conv)
	}
}

func TestAnswersOutliveTheProcessThatStoredThem(t *testing.T) {
	a, b, _ := stores(t)
	ctx := context.Background()
	want := answer.Answer{Question: "q", Text: "t [1]", Citations: []answer.Citation{{N: 1, Doc: "d", Paragraph: 3, Text: "p"}}}
	if err := a.PutAnswer(ctx, "k1", want); err != nil {
		t.Fatal(err)
	}
	_ = a.Close()
	got, ok, err := b.Answer(ctx, "k1")
	if err != nil || !ok || got.Text != want.Text || len(got.Citations) != 1 || got.Citations[0].Paragraph != 3 {
		t.Errorf("answer = %+v, %v, %v", got, ok, err)
	}
	if _, ok, err := b.Answer(ctx, "never"); ok || err != nil {
		t.Errorf("unknown key: %v, %v", ok, err)
	}
}

func TestARepeatedVoteIsRecordedOnceAndAChangedOneAgainInOneStream(t *testing.T) {
	a, b, url := stores(t)
	ctx := context.Background()
	fb := bot.Feedback{Time: time.Now().UTC(), Vote: "up", Question: "q", Answer: "a", UserHash: "h1", Message: "m1", Citations: []answer.Citation{}}
	for i, s := range []*redisstate.Store{a, b} {
		recorded, err := s.Record(ctx, fb)
		if err != nil || recorded != (i == 0) {
			t.Errorf("vote %d: recorded %v, err %v", i+1, recorded, err)
		}
	}
	fb.Vote = "down"
	if recorded, err := b.Record(ctx, fb); !recorded || err != nil {
		t.Errorf("a changed vote: %v, %v", recorded, err)
	}
	opt, _ := redis.ParseURL(url)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	entries, err := rdb.XRange(ctx, a.FeedbackKey(), "-", "+").Result()
	if err != nil || len(entries) != 2 {
		t.Fatalf("stream holds %d entries (%v), want 2 (up, then down)", len(entries), err)
	}
	if v, _ := entries[0].Values["vote"].(string); !strings.Contains(v, `"user_hash":"h1"`) {
		t.Errorf("first entry = %v", entries[0].Values)
	}
}

func TestABadURLIsRefusedWithoutEchoingIt(t *testing.T) {
	_, err := redisstate.New(context.Background(), redisstate.Options{URL: "redis//:hunter2@127.0.0.1"})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v", err)
	}
}
