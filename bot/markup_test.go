package bot_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/retrieval"
)

// escaped, codeSpan and maskedLinkOpen find what Discord reads first as
// an escaped character (a backslash before punctuation: "\`" is a literal
// backtick, never a code span's edge), then as a code span (no links
// inside) and as the "](" of a masked link (unless escaped).
var (
	escaped        = regexp.MustCompile(`\\[^0-9A-Za-z\s]`)
	codeSpan       = regexp.MustCompile("`[^`\n]*`")
	maskedLinkOpen = regexp.MustCompile(`(^|[^\\])\]\(`)
	bareLink       = regexp.MustCompile(`(?i)[a-z][a-z0-9+.\-]*://`)
)

// clickable lists what in a Discord message would be a link, other than
// the one footnote makes for a source, "](<https://gazette.example/…>)".
func clickable(msg string) []string {
	msg = strings.ReplaceAll(msg, "](<https://gazette.example/", "")
	msg = escaped.ReplaceAllString(msg, "_") // a literal character, of no markup
	msg = codeSpan.ReplaceAllString(msg, "")
	var out []string
	for _, re := range []*regexp.Regexp{maskedLinkOpen, bareLink} {
		out = append(out, re.FindAllString(msg, -1)...)
	}
	return out
}

const phish = "[click here](https://evil.example/login) or https://evil.example/x and <https://evil.example/y>"

func TestUntrustedLinksAreInertEverywhereTheBotShowsThem(t *testing.T) {
	planted := answer.Citation{N: 1, Doc: "d", Title: "Title " + phish, Paragraph: 2, Text: "A paragraph. " + phish,
		Source: retrieval.Source{URL: "https://gazette.example/article"}}
	tests := []struct {
		name string
		out  []string
	}{
		{"an extractive answer quoting a planted paragraph", bot.Render(answer.Answer{Mode: answer.Extractive, Text: "A paragraph. " + phish + " [1]", Citations: []answer.Citation{planted}})},
		{"a model's answer with its own links", bot.Render(answer.Answer{Mode: answer.LLM, Text: "Juche means self-reliance " + phish + ". [1]", Citations: []answer.Citation{planted}})},
		{"a model's answer with a backtick left open before a link", bot.Render(answer.Answer{Mode: answer.LLM, Text: "See `the page https://evil.example/x [1]", Citations: []answer.Citation{planted}})},
		{"Show sources of a planted paragraph and title", bot.RenderSources(answer.Answer{Citations: []answer.Citation{planted}})},
		{"a model's answer while it streams", []string{bot.RenderPartial("So " + phish)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			joined := strings.Join(tt.out, "\n")
			if links := clickable(joined); len(links) > 0 {
				t.Errorf("clickable: %q in\n%s", links, joined)
			}
			if !strings.Contains(joined, "evil.example") {
				t.Errorf("the untrusted URL vanished instead of being shown inert:\n%s", joined)
			}
		})
	}
}

func TestAModelsMaskedLinkKeepsItsTextAndCitationMarkers(t *testing.T) {
	got := strings.Join(bot.Render(answer.Answer{Mode: answer.LLM, Text: "See [the report](https://evil.example) on it [1](https://evil.example).",
		Citations: []answer.Citation{{N: 1, Title: "T", Paragraph: 1, Text: "X."}}}), "\n")
	if !strings.HasPrefix(got, "See the report on it [1].") {
		t.Errorf("got %q, want the link text and the marker, no target", got)
	}
}

func TestTheSourcesOwnURLStaysTheOneLink(t *testing.T) {
	got := strings.Join(bot.Render(cited("X. [1]", answer.Citation{N: 1, Title: "T", Paragraph: 1, Text: "X.",
		Source: retrieval.Source{URL: "https://gazette.example/a"}})), "\n")
	if !strings.Contains(got, "[**T**](<https://gazette.example/a>)") {
		t.Errorf("the source's own link is gone:\n%s", got)
	}
}

func TestSplitNeverSeparatesAnEscapeFromWhatItEscapes(t *testing.T) {
	for _, offset := range []string{"", "a", "ab"} {
		text := offset + strings.Repeat(`\*`, 1500) // no white space: a hard cut
		for _, part := range bot.Split(text, bot.MaxContent) {
			trail := len(part) - len(strings.TrimRight(part, `\`))
			if trail%2 == 1 || utf8.RuneCountInString(part) > bot.MaxContent {
				t.Errorf("offset %q: a part of %d runes ends with a lone escape", offset, utf8.RuneCountInString(part))
			}
		}
	}
}

func TestSplitKeepsCodeSpansWhole(t *testing.T) {
	text := strings.Repeat("x", 1990) + "`https://evil.example/abc`"
	for _, part := range bot.Split(text, bot.MaxContent) {
		if strings.Count(part, "`")%2 == 1 {
			t.Errorf("a part holds half a code span: …%q", part[max(0, len(part)-30):])
		}
	}
}

func TestShowSourcesOfAHugeParagraphFitsAFewMessagesAndSaysWhereTheRestIs(t *testing.T) {
	huge := strings.Repeat("The delegation met again on Tuesday to talk. ", 2800) // 126 KB
	parts := bot.RenderSources(answer.Answer{Citations: []answer.Citation{
		{N: 1, Doc: "big-doc", Title: "Big", Paragraph: 9, Text: huge},
		{N: 2, Doc: "other", Title: "Other", Paragraph: 1, Text: "Short."},
	}})
	if len(parts) > 4 {
		t.Fatalf("Show sources sends %d messages, want at most 4", len(parts))
	}
	joined := strings.Join(parts, "\n")
	if !strings.Contains(joined, "…") || !strings.Contains(joined, "¶9") || !strings.Contains(joined, "big-doc") {
		t.Errorf("no note saying where the rest of ¶9 is:\n%s", joined[:min(len(joined), 3000)])
	}
	if !strings.Contains(joined, "Short.") {
		t.Error("the second source was crowded out by the first")
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) > bot.MaxContent {
			t.Errorf("a message of %d characters", utf8.RuneCountInString(p))
		}
	}
}
