package bot

import (
	"strings"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// Discord turns two things into clickable links: a masked link
// "[text](url)" and a bare "scheme://…". Text footnote did not write — a
// corpus paragraph or title, a model's answer — must make neither: a
// planted "[click here](https://evil.example)" would reach every reader as
// a link that looks like footnote's. The only link footnote makes is a
// source's own URL (link.go).
//
// How each is made inert:
//   - a bare URL becomes a code span: still readable and copyable, visibly
//     not a link, never previewed;
//   - in corpus text, a masked link's "](" is escaped, so the syntax never
//     forms and the text stays exactly what the article says;
//   - in a model's answer, a masked link keeps its text alone: the model
//     has no business linking anything, and showing its target would still
//     advertise it.

// bareURL matches a URL Discord would link: any scheme followed by "://"
// (http, https, steam, discord…) and the run of non-space after it. It
// errs toward more: a scheme glued to the word before it ("0A://…") or
// with nothing after it is made inert too, which costs nothing.
var bareURL = lazyregexp.New(`(?i)[a-z][a-z0-9+.\-]*://(?:[^\s<>]*[^\s<>.,;:!?'")\]}”’])?`)

// maskedLink matches "[text](target)" and "[text](<target>)".
var maskedLink = lazyregexp.New(`\[([^\[\]\n]*)\]\(\s*(<[^>\n]*>|[^)\s]*)[^)\n]*\)`)

// citationText is the text of a masked link that is really a citation
// marker followed by a parenthesis, "[1](…)": the marker is kept whole.
var citationText = lazyregexp.New(`^\d+(?:\.\d+)?(?:,\s*\d+(?:\.\d+)?)*$`)

// maxInertURL is how much of a neutralised URL is shown: enough to tell
// what it is, short enough to never force a message split inside it.
const maxInertURL = 100

// escape stops corpus text from being read as Discord markdown: markup
// characters are escaped, "](" cannot start a masked link, and bare URLs
// become inert code spans.
func escape(s string) string {
	return mapOutsideURLs(s, func(t string) string { return strings.ReplaceAll(escaper.Replace(t), "](", `]\(`) })
}

// escaper escapes the characters Discord reads as markdown.
var escaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "~", `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`, `#`, `\#`, "<", `\<`)

// neutraliseModel keeps a model's markdown (bold, lists) but makes its
// links inert: masked links keep their text, bare URLs become code spans.
// Its backticks are escaped: one left open ("`see A://x") would pair with
// the backtick that opens a URL's inert span and leave the URL outside
// it, so a model's code spans show as plain text with their backticks.
func neutraliseModel(s string) string {
	s = maskedLink.ReplaceAllStringFunc(s, func(m string) string {
		text := maskedLink.FindStringSubmatch(m)[1]
		if citationText.MatchString(strings.TrimSpace(text)) {
			return "[" + text + "]"
		}
		return text
	})
	return mapOutsideURLs(s, func(t string) string { return strings.ReplaceAll(modelEscaper.Replace(t), "](", `]\(`) })
}

// modelEscaper escapes what in a model's text could break an inert span:
// backticks, and backslashes, which could otherwise escape the escape.
var modelEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`")

// mapOutsideURLs applies f to the text between bare URLs and turns each
// URL into an inert code span.
func mapOutsideURLs(s string, f func(string) string) string {
	var b strings.Builder
	last := 0
	for _, m := range bareURL.FindAllStringIndex(s, -1) {
		b.WriteString(f(s[last:m[0]]))
		b.WriteString(inertURL(s[m[0]:m[1]]))
		last = m[1]
	}
	b.WriteString(f(s[last:]))
	return b.String()
}

// inertURL shows a URL as a code span, which Discord never links.
func inertURL(u string) string {
	// A backtick would end the span; a backslash before the closing one
	// would read, to a renderer that takes escapes first, as an escaped
	// backtick that leaves the span open and the URL outside it.
	u = strings.NewReplacer("`", "%60", `\`, "%5C").Replace(u)
	if r := []rune(u); len(r) > maxInertURL {
		u = string(r[:maxInertURL-1]) + "…"
	}
	return "`" + u + "`"
}
