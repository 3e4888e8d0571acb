package bot

import (
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/footnote-dev/footnote/answer"
)

// Button actions, the first part of a button's custom ID.
const (
	actionSources = "sources"
	actionUp      = "up"
	actionDown    = "down"
)

// customIDPrefix marks buttons as footnote's.
const customIDPrefix = "fn:"

// Buttons returns the buttons under an answer: "Show sources" when it
// cites any, and 👍/👎 when feedback is collected. key finds the answer
// again when a button is clicked.
func Buttons(a answer.Answer, key string, feedback bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if len(a.Citations) > 0 {
		row = append(row, discordgo.Button{Label: "Show sources", Style: discordgo.SecondaryButton, CustomID: customID(actionSources, key)})
	}
	if feedback {
		row = append(row,
			discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: customID(actionUp, key)},
			discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton, CustomID: customID(actionDown, key)},
		)
	}
	if len(row) == 0 {
		return []discordgo.MessageComponent{}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

func customID(action, key string) string { return customIDPrefix + action + ":" + key }

// parseCustomID splits a button's custom ID into action and answer key.
func parseCustomID(id string) (action, key string, ok bool) {
	rest, ok := strings.CutPrefix(id, customIDPrefix)
	if !ok {
		return "", "", false
	}
	return strings.Cut(rest, ":")
}
