package bot_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/retrieval"
)

func cited(text string, cs ...answer.Citation) answer.Answer {
	return answer.Answer{Text: text, Mode: answer.Extractive, Citations: cs}
}

var juche = answer.Citation{N: 1, Doc: "time-kim", Title: "Kim's Moscow trip", Paragraph: 7,
	Text: "“Juche” is Korean for self-reliance, a mantra of Kim Jong Il, the father of the current North Korean leader."}

func TestRender(t *testing.T) {
	long := strings.Repeat("word ", 60)
	for _, tc := range []struct {
		name string
		a    answer.Answer
		want []string // substrings of the joined output, in order
		not  []string
	}{
		{"shows the text, then a Sources block with title, paragraph and quote",
			cited("Juche means self-reliance. [1]", juche),
			[]string{"Juche means self-reliance. [1]", "\n\n**Sources**\n", "[1] **Kim's Moscow trip** ¶7 — ““Juche” is Korean"}, nil},
		{"labels a part of a split paragraph as ¶n.m",
			cited("X. [1]", answer.Citation{N: 1, Title: "T", Paragraph: 3, Part: 2, Text: "X."}),
			[]string{"¶3.2"}, nil},
		{"falls back to the document name without a title",
			cited("X. [1]", answer.Citation{N: 1, Doc: "doc-a", Paragraph: 1, Text: "X."}),
			[]string{"**doc-a**"}, nil},
		{"shortens a long quote at a word boundary",
			cited("X. [1]", answer.Citation{N: 1, Title: "T", Paragraph: 1, Text: long}),
			[]string{"word…”"}, []string{long}},
		{"says plainly when the corpus does not cover the question",
			answer.Answer{Text: answer.AbstainText, Abstained: true, Citations: []answer.Citation{}},
			[]string{"corpus doesn't cover this question"}, []string{"Sources"}},
		{"points at the closest passage of an abstention, as a pointer",
			answer.Answer{Text: answer.AbstainText, Abstained: true, Citations: []answer.Citation{}, Closest: &juche},
			[]string{"corpus doesn't cover this question", "The closest passage is [1] …", "**Sources**\n[1] **Kim's Moscow trip** ¶7"}, nil},
		{"escapes markdown in corpus text",
			cited("A *starred* _word_. [1]", answer.Citation{N: 1, Title: "**Bold**", Paragraph: 1, Text: "> quote"}),
			[]string{`A \*starred\* \_word\_. [1]`, `**\*\*Bold\*\***`, `\> quote`}, nil},
		{"links the source title to the article's own URL, and only that",
			cited("Floating terminal. [1]", answer.Citation{N: 1, Title: "Rotterdam [opens] a terminal", Paragraph: 2,
				Text: "It floats.", Source: retrieval.Source{URL: "https://gazette.example/a(b)?q=<x>", Page: 3}}),
			[]string{"[1] [**Rotterdam \\[opens\\] a terminal**](<https://gazette.example/a%28b%29?q=%3Cx%3E>) p. 3 ¶2"}, nil},
		{"links no source whose URL is not http(s)",
			cited("X. [1]", answer.Citation{N: 1, Title: "T", Paragraph: 1, Text: "X.", Source: retrieval.Source{URL: "javascript:alert(1)"}}),
			[]string{"[1] **T** ¶1"}, []string{"javascript", "](<"}},
		{"keeps an LLM's markdown",
			answer.Answer{Text: "It is **self-reliance**. [1]", Mode: answer.LLM, Citations: []answer.Citation{juche}},
			[]string{"It is **self-reliance**. [1]"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(bot.Render(tc.a), "\n")
			rest := got
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("output contains %q:\n%s", n, got)
				}
			}
		})
	}
}

func TestRenderFitsDiscord(t *testing.T) {
	var cs []answer.Citation
	var text strings.Builder
	for i := 1; i <= 12; i++ {
		cs = append(cs, answer.Citation{N: i, Title: strings.Repeat("Title ", 50), Paragraph: i, Text: strings.Repeat("Quote text. ", 400)})
		text.WriteString(strings.Repeat("A sentence of the answer. ", 10) + "[" + string(rune('0'+i%10)) + "] ")
	}
	a := cited(text.String(), cs...)
	for name, parts := range map[string][]string{"answer": bot.Render(a), "sources": bot.RenderSources(a), "partial": {bot.RenderPartial(strings.Repeat("x", 5000))}} {
		for _, p := range parts {
			if n := utf8.RuneCountInString(p); n > bot.MaxContent {
				t.Errorf("%s: a message of %d characters", name, n)
			}
		}
	}
}

func TestRenderSources(t *testing.T) {
	got := strings.Join(bot.RenderSources(cited("X. [1]", juche)), "\n")
	want := "[1] **Kim's Moscow trip**, ¶7\n“Juche” is Korean for self-reliance, a mantra of Kim Jong Il, the father of the current North Korean leader."
	if got != want {
		t.Errorf("RenderSources =\n%s\nwant\n%s", got, want)
	}
}

func TestButtons(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a        answer.Answer
		feedback bool
		want     []string
	}{
		{"offers sources and votes", cited("X. [1]", juche), true, []string{"fn:sources:k1", "fn:up:k1", "fn:down:k1"}},
		{"offers no sources for an abstention", answer.Answer{Abstained: true}, true, []string{"fn:up:k1", "fn:down:k1"}},
		{"offers no votes without a feedback file", cited("X. [1]", juche), false, []string{"fn:sources:k1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, row := range bot.Buttons(tc.a, "k1", tc.feedback) {
				for _, c := range row.(discordgo.ActionsRow).Components {
					got = append(got, c.(discordgo.Button).CustomID)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("buttons = %v, want %v", got, tc.want)
			}
		})
	}
}
