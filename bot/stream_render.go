package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/answer"
)

// checkingLine marks streamed text the answer judge has yet to confirm:
// Discord shows "-# " lines as small grey subtext.
const checkingLine = "\n-# checking…"

// RenderProgress shows an answer while it is being written: the status
// line until a sentence has passed verification, then the verified text
// so far with " …", marked "checking…" while the judge decides. It never
// shows more than the Partial holds, and fits one Discord message.
func RenderProgress(p answer.Partial) string {
	if strings.TrimSpace(p.Text) == "" {
		if p.Status == "" {
			return thinking
		}
		return p.Status
	}
	if !p.Checking {
		return RenderPartial(p.Text)
	}
	text := strings.TrimSpace(p.Text)
	const more = " …"
	if limit := MaxContent - utf8.RuneCountInString(more+checkingLine); utf8.RuneCountInString(text) > limit {
		text = string([]rune(text)[:limit])
	}
	return text + more + checkingLine
}
