package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
)

// responder sends an interaction's first response, and remembers that it
// did so that an apology after a panic takes the right form.
type responder struct {
	s     *discordgo.Session
	in    *discordgo.Interaction
	acked atomic.Bool
}

// defer_ acknowledges the interaction with "thinking…"; the answer edits
// the original response later.
func (r *responder) deferReply(ctx context.Context) error {
	err := r.s.InteractionRespond(r.in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("defer interaction response: %w", err)
	}
	r.acked.Store(true)
	return nil
}

// ephemeral answers with messages only the user sees.
func (r *responder) ephemeral(ctx context.Context, log *slog.Logger, parts ...string) {
	data := &discordgo.InteractionResponseData{Content: parts[0], Flags: discordgo.MessageFlagsEphemeral | noEmbeds, AllowedMentions: noMentions()}
	if err := r.s.InteractionRespond(r.in, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}, discordgo.WithContext(ctx)); err != nil {
		log.Error("respond to interaction", "err", err)
		return
	}
	r.acked.Store(true)
	for _, p := range parts[1:] {
		params := &discordgo.WebhookParams{Content: p, Flags: discordgo.MessageFlagsEphemeral | noEmbeds, AllowedMentions: noMentions()}
		if _, err := r.s.FollowupMessageCreate(r.in, true, params, discordgo.WithContext(ctx)); err != nil {
			log.Error("send ephemeral followup", "err", err)
			return
		}
	}
}

// sorry apologises after a panic, however far the response had got.
func (r *responder) sorry(ctx context.Context) {
	if !r.acked.Load() {
		r.ephemeral(ctx, slog.New(slog.DiscardHandler), failMessage)
		return
	}
	_, _ = interactionReply{s: r.s, in: r.in}.deliver(ctx, []outMessage{{Content: failMessage}})
}
