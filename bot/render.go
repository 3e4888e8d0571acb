package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/clip"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Texts people see. They are plain sentences, safe to show anywhere.
const (
	abstainMessage = "The corpus doesn't cover this question, so I won't guess. " +
		"Try asking about something the articles discuss, or rephrase the question."
	usageMessage   = "Ask me a question about the articles, for example `/ask question: Why did Kim skip the Victory Day parade?`"
	tooLongFmt     = "That question is too long: it may be at most %d characters."
	notEnabled     = "footnote isn't enabled here."
	failMessage    = "Sorry, something went wrong while answering. Please try again in a moment."
	timeoutMsg     = "Sorry, that took too long to answer. Please try again, perhaps with a shorter question."
	busyMessage    = "I'm answering a lot of questions right now. Please try again in a minute."
	shutdownMsg    = "I'm restarting right now. Please ask again in a minute."
	thinking       = "Looking through the articles…"
	unavailableMsg = "Search is unavailable right now; please try again shortly."
	lookupFailed   = "Sorry, I couldn't look that answer up right now. Please try again shortly."
	expired        = "I no longer have that answer in memory, so I can't show its sources. Please ask again."
	thanks         = "Thanks for the feedback!"
)

// quoteLen is how long a Sources quote may be, in characters.
const quoteLen = 120

// Render turns an answer into the messages that show it: the text with
// its [n] markers, then a compact Sources block, split to fit Discord.
func Render(a answer.Answer) []string {
	if a.Abstained && a.Closest != nil {
		// A pointer to read, not support for a claim.
		c := *a.Closest
		return Split(fmt.Sprintf("%s\n%s\n\n**Sources**\n[1] %s ¶%s — “%s”", abstainMessage, answer.ClosestText,
			sourceTitle(c), c.Label(), escape(clip.Words(c.Text, quoteLen))), MaxContent)
	}
	if a.Abstained {
		return []string{abstainMessage}
	}
	text := strings.TrimSpace(a.Text)
	if a.Mode == answer.LLM {
		text = neutraliseModel(text)
	} else {
		text = escape(text) // corpus sentences, not markdown
	}
	var b strings.Builder
	b.WriteString(text)
	if len(a.Citations) > 0 {
		b.WriteString("\n\n**Sources**")
		for _, c := range a.Citations {
			fmt.Fprintf(&b, "\n[%d] %s ¶%s — “%s”", c.N, sourceTitle(c), c.Label(), escape(clip.Words(c.Text, quoteLen)))
		}
	}
	return Split(b.String(), MaxContent)
}

// Show sources limits: each paragraph is shown up to maxSourceRunes, and
// all of them in at most maxSourceMessages ephemeral messages. A 124 KB
// paragraph once became 62 messages; nobody reads those in Discord.
const (
	maxSourceRunes    = 1500
	maxSourceMessages = 4
)

// moreSources ends the last Show sources message when the rest is cut.
const moreSources = "\n\n… that is as much as fits here: the Sources list under the answer names every cited paragraph."

// RenderSources shows the cited paragraphs, for "Show sources": each in
// full up to maxSourceRunes, then cut with a note saying where the whole
// paragraph is, in at most maxSourceMessages messages.
func RenderSources(a answer.Answer) []string {
	if len(a.Citations) == 0 {
		return []string{"This answer cites no sources."}
	}
	var b strings.Builder
	for i, c := range a.Citations {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "[%d] %s, ¶%s\n%s", c.N, sourceTitle(c), c.Label(), sourceText(c))
	}
	parts := Split(b.String(), MaxContent)
	if len(parts) <= maxSourceMessages {
		return parts
	}
	parts = Split(b.String(), MaxContent-utf8.RuneCountInString(moreSources))[:maxSourceMessages]
	parts[len(parts)-1] += moreSources
	return parts
}

// sourceText is a cited paragraph for Show sources, cut at maxSourceRunes
// with a pointer to where the rest is.
func sourceText(c answer.Citation) string {
	text := strings.TrimSpace(c.Text)
	if utf8.RuneCountInString(text) <= maxSourceRunes {
		return escape(text)
	}
	where := "in the article"
	if linkTarget(c.URL) != "" {
		where = "in the article linked above"
	}
	if c.Page > 0 {
		where += fmt.Sprintf(", page %d", c.Page)
	}
	return escape(clip.Words(text, maxSourceRunes)) + fmt.Sprintf("\n*(shortened: the whole of ¶%s is %s, `%s`)*", c.Label(), where, strings.ReplaceAll(c.Doc, "`", ""))
}

// RenderPartial shows an answer while it is still being written.
func RenderPartial(text string) string {
	const more = " …"
	text = neutraliseModel(strings.TrimSpace(text)) // unverified model text
	if utf8.RuneCountInString(text)+len([]rune(more)) > MaxContent {
		// Split, not a rune cut: it never ends inside a code span or
		// right after an escaping backslash.
		text = Split(text, MaxContent-len([]rune(more)))[0]
	}
	return text + more
}

// renderTooLong explains the question length limit.
func renderTooLong() string {
	return message.NewPrinter(language.English).Sprintf(tooLongFmt, answer.MaxQuestionRunes)
}

// renderRateLimited asks a user to wait before asking again.
func renderRateLimited(perMinute int, wait int) string {
	return fmt.Sprintf("You've asked %d questions in the last minute. Please wait %d seconds and ask again.", perMinute, wait)
}
