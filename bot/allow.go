package bot

import (
	"context"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/footnote-dev/footnote/internal/clip"
)

// channels looks up channels, remembering what it learns.
type channels struct {
	s   *discordgo.Session
	mem *memory
}

// get returns what the bot knows about a channel, asking Discord once.
func (c channels) get(ctx context.Context, id string) (channelInfo, error) {
	if info, ok := c.mem.channel(id); ok {
		return info, nil
	}
	ch, err := c.s.Channel(id, discordgo.WithContext(ctx))
	if err != nil {
		return channelInfo{}, err
	}
	info := channelInfo{GuildID: ch.GuildID, ParentID: ch.ParentID, OwnerID: ch.OwnerID, Name: ch.Name, Thread: ch.IsThread()}
	c.mem.putChannel(id, info)
	return info, nil
}

// allowList says where the bot answers.
type allowList struct {
	guilds, channels []string
	lookup           func(ctx context.Context, id string) (channelInfo, error)
}

// allows reports whether the bot answers in channelID of guildID ("" for
// a DM). A thread is allowed when its parent channel is. DMs are allowed
// unless a guild allow-list is set, or a channel list that omits them.
func (a allowList) allows(ctx context.Context, guildID, channelID string) bool {
	if guildID == "" {
		return len(a.guilds) == 0 && (len(a.channels) == 0 || slices.Contains(a.channels, channelID))
	}
	if len(a.guilds) > 0 && !slices.Contains(a.guilds, guildID) {
		return false
	}
	if len(a.channels) == 0 || slices.Contains(a.channels, channelID) {
		return true
	}
	info, err := a.lookup(ctx, channelID)
	return err == nil && info.Thread && slices.Contains(a.channels, info.ParentID)
}

// threadName names a thread after its question: "Q: …", at most 100
// characters, on one line.
func threadName(q string) string {
	return "Q: " + clip.Words(strings.Join(strings.Fields(q), " "), 97)
}
