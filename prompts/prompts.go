// Package prompts holds the LLM prompts footnote sends — the system rules,
// the answer prompt with its numbered sources, the follow-up rewrite and
// the claim judge — as embedded template files rendered with
// text/template. Golden files under testdata/ pin their exact output.
package prompts

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"text/template"

	"github.com/footnote-dev/footnote/internal/clip"
)

//go:embed *.tmpl
var files embed.FS

// templates parses the embedded files. They are compiled into the binary,
// so a parse error is a build defect that the tests catch; it is still
// returned, not panicked on.
func templates() (*template.Template, error) {
	return template.New("prompts").Funcs(template.FuncMap{"data": Data, "attr": attr, "clip": clip.Runes}).ParseFS(files, "*.tmpl")
}

// SystemData fills the system prompt.
type SystemData struct {
	// Abstain is the exact sentence the model replies with when the
	// sources do not answer the question.
	Abstain string
	// MaxSentences bounds the answer's length.
	MaxSentences int
}

// Source is one retrieved paragraph, numbered as the model cites it.
type Source struct {
	N     int
	Title string
	// Paragraph is the paragraph's label: "3", or "3.2" for part of a
	// long paragraph.
	Paragraph string
	Text      string
}

// AnswerData fills the answer prompt.
type AnswerData struct {
	Question string
	Sources  []Source
	Abstain  string
}

// Turn is one earlier question and answer of a conversation.
type Turn struct {
	Question string
	Answer   string
}

// RewriteData fills the follow-up rewrite prompt.
type RewriteData struct {
	History  []Turn
	FollowUp string
}

// JudgeData fills the prompt that asks a model to judge claims against
// their cited paragraphs.
type JudgeData struct {
	Question string
	Claims   []JudgeClaim
}

// JudgeClaim is one sentence to judge, numbered from 1, with the sources
// it cites.
type JudgeClaim struct {
	ID       int
	Sentence string
	Sources  []Source
}

// System renders the system prompt: the rules every answer follows.
func System(d SystemData) (string, error) { return render("system.tmpl", d) }

// Answer renders the user prompt carrying the sources and the question.
func Answer(d AnswerData) (string, error) { return render("answer.tmpl", d) }

// Rewrite renders the prompt that turns a follow-up into a standalone
// question.
func Rewrite(d RewriteData) (string, error) { return render("rewrite.tmpl", d) }

// Judge renders the claim-judging prompt of FOOTNOTE_VERIFY=llm.
func Judge(d JudgeData) (string, error) { return render("judge.tmpl", d) }

func render(name string, data any) (string, error) {
	t, err := templates()
	if err != nil {
		return "", fmt.Errorf("parse prompts: %w", err)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render %s: %w", name, err)
	}
	return b.String(), nil
}

// dataEscaper neutralises the angle brackets that delimit data, so that a
// source or question cannot close its tag and pose as instructions.
var dataEscaper = strings.NewReplacer("<", "&lt;", ">", "&gt;")

// Data escapes text placed between the prompt's data tags.
func Data(s string) string { return dataEscaper.Replace(strings.TrimSpace(s)) }

// attr escapes text placed in a quoted tag attribute, such as a title.
func attr(s string) string { return strings.ReplaceAll(Data(s), `"`, "&quot;") }
