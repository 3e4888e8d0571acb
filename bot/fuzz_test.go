package bot_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
)

// FuzzSplit: every piece fits, none ends in a lone escape the input did
// not force, and the pieces keep every non-space character in order.
func FuzzSplit(f *testing.F) {
	f.Add(strings.Repeat(`\*`, 1200), 2000)
	f.Add("Sentence one. [1] Sentence two [2, 3].\n\nNext `code span` para.", 20)
	f.Add(strings.Repeat("x", 30)+"`https://evil.example/abc`", 25)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < 8 || limit > 4000 || !utf8.ValidString(text) {
			t.Skip()
		}
		parts := bot.Split(text, limit)
		var got strings.Builder
		for _, p := range parts {
			if n := utf8.RuneCountInString(p); n > limit || n == 0 {
				t.Fatalf("a piece of %d runes for limit %d", n, limit)
			}
			got.WriteString(p)
		}
		if dropSpace(got.String()) != dropSpace(text) {
			t.Fatalf("Split lost or reordered text")
		}
	})
}

func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// FuzzRender: any corpus text or model text renders to messages Discord
// accepts, with no link footnote did not make.
func FuzzRender(f *testing.F) {
	f.Add("A *starred* word [click](https://evil.example) [1]", "Title https://evil.example", "Para [x](<https://e.example>) \\", false)
	f.Add("It is **bold** [1](https://evil.example).", "T", "P", true)
	f.Fuzz(func(t *testing.T, text, title, para string, llm bool) {
		if !utf8.ValidString(text + title + para) {
			t.Skip()
		}
		mode := answer.Extractive
		if llm {
			mode = answer.LLM
		}
		c := answer.Citation{N: 1, Doc: "d", Title: title, Paragraph: 1, Text: para}
		a := answer.Answer{Mode: mode, Text: text, Citations: []answer.Citation{c}}
		for _, out := range [][]string{bot.Render(a), bot.RenderSources(a), {bot.RenderPartial(text)}} {
			for _, m := range out {
				if utf8.RuneCountInString(m) > bot.MaxContent {
					t.Fatalf("a message of %d characters", utf8.RuneCountInString(m))
				}
			}
			if links := clickable(strings.Join(out, "\n")); len(links) > 0 {
				t.Fatalf("clickable %q from text %q title %q paragraph %q", links, text, title, para)
			}
		}
	})
}
