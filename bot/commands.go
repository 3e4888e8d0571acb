package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
	"github.com/footnote-dev/footnote/answer"
)

// Names of the slash command and its option.
const (
	askCommandName = "ask"
	questionOption = "question"
)

// askCommand is /ask question:<text>.
func askCommand() *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Name:        askCommandName,
		Description: "Ask a question about the articles; the answer cites its sources",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        questionOption,
			Description: "Your question",
			Required:    true,
			MaxLength:   answer.MaxQuestionRunes,
		}},
	}
}

// registerCommands overwrites the application's commands with /ask,
// globally or in one guild.
func registerCommands(ctx context.Context, s *discordgo.Session, appID, guildID string) error {
	_, err := s.ApplicationCommandBulkOverwrite(appID, guildID, []*discordgo.ApplicationCommand{askCommand()}, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("register /ask: %w", err)
	}
	return nil
}
