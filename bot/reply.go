package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// outMessage is one message of a rendered answer.
type outMessage struct {
	Content    string
	Components []discordgo.MessageComponent
}

// noMentions is put on every message the bot sends: whatever a question or
// the corpus contains, nobody is pinged.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// noEmbeds suppresses link previews on every message the bot sends that
// the API lets it flag. The text holds no link that could be previewed
// anyway — untrusted URLs are inert and a source's own is wrapped in <…> —
// so this is the second lock. (An interaction's original response is
// edited through a webhook edit, which takes no flags; it relies on the
// first.)
const noEmbeds = discordgo.MessageFlagsSuppressEmbeds

// replier puts an answer somewhere: the original response of an
// interaction, or messages in a channel.
type replier interface {
	// progress shows text in place of the answer to come.
	progress(ctx context.Context, text string) error
	// deliver shows the answer and returns the IDs of its messages.
	deliver(ctx context.Context, msgs []outMessage) ([]string, error)
}

// interactionReply answers a deferred interaction by editing its original
// response, with followups for the rest of a long answer.
type interactionReply struct {
	s  *discordgo.Session
	in *discordgo.Interaction
}

func (r interactionReply) progress(ctx context.Context, text string) error {
	_, err := r.s.InteractionResponseEdit(r.in, &discordgo.WebhookEdit{Content: &text, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("edit interaction response: %w", err)
	}
	return nil
}

func (r interactionReply) deliver(ctx context.Context, msgs []outMessage) ([]string, error) {
	first := msgs[0]
	comps := nonNil(first.Components)
	m, err := r.s.InteractionResponseEdit(r.in, &discordgo.WebhookEdit{Content: &first.Content, Components: &comps, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("edit interaction response: %w", err)
	}
	ids := []string{m.ID}
	for _, msg := range msgs[1:] {
		m, err := r.s.FollowupMessageCreate(r.in, true, &discordgo.WebhookParams{Content: msg.Content, Components: nonNil(msg.Components), AllowedMentions: noMentions(), Flags: noEmbeds}, discordgo.WithContext(ctx))
		if err != nil {
			return ids, fmt.Errorf("send followup: %w", err)
		}
		ids = append(ids, m.ID)
	}
	return ids, nil
}

// channelReply answers in a channel or thread: it posts a first message
// (a reply to replyTo when set), edits it as the answer arrives, and posts
// the rest of a long answer after it.
type channelReply struct {
	s         *discordgo.Session
	channelID string
	replyTo   string
	guildID   string
	sent      string // the first message, once posted
}

func (r *channelReply) progress(ctx context.Context, text string) error {
	_, err := r.put(ctx, outMessage{Content: text})
	return err
}

func (r *channelReply) deliver(ctx context.Context, msgs []outMessage) ([]string, error) {
	id, err := r.put(ctx, msgs[0])
	if err != nil {
		return nil, err
	}
	ids := []string{id}
	for _, msg := range msgs[1:] {
		m, err := r.s.ChannelMessageSendComplex(r.channelID, &discordgo.MessageSend{Content: msg.Content, Components: nonNil(msg.Components), AllowedMentions: noMentions(), Flags: noEmbeds}, discordgo.WithContext(ctx))
		if err != nil {
			return ids, fmt.Errorf("send message: %w", err)
		}
		ids = append(ids, m.ID)
	}
	return ids, nil
}

// put posts the first message, or edits it once posted.
func (r *channelReply) put(ctx context.Context, msg outMessage) (string, error) {
	comps := nonNil(msg.Components)
	if r.sent != "" {
		_, err := r.s.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: r.sent, Channel: r.channelID, Content: &msg.Content, Components: &comps, AllowedMentions: noMentions(), Flags: noEmbeds}, discordgo.WithContext(ctx))
		if err != nil {
			return "", fmt.Errorf("edit message: %w", err)
		}
		return r.sent, nil
	}
	send := &discordgo.MessageSend{Content: msg.Content, Components: comps, AllowedMentions: noMentions(), Flags: noEmbeds}
	if r.replyTo != "" {
		keep := false // answer even if the question was deleted meanwhile
		send.Reference = &discordgo.MessageReference{MessageID: r.replyTo, ChannelID: r.channelID, GuildID: r.guildID, FailIfNotExists: &keep}
	}
	m, err := r.s.ChannelMessageSendComplex(r.channelID, send, discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("send message: %w", err)
	}
	r.sent = m.ID
	return m.ID, nil
}

// nonNil makes an absent component list explicit, so that an edit clears
// buttons rather than keeping them.
func nonNil(c []discordgo.MessageComponent) []discordgo.MessageComponent {
	if c == nil {
		return []discordgo.MessageComponent{}
	}
	return c
}
