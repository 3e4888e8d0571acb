package answer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/prompts"
)

// maxRewriteTurns is how many of the latest turns the rewrite prompt
// shows: a follow-up refers to what was said just before.
const maxRewriteTurns = 3

// rewrite asks the LLM to turn a follow-up into a standalone question. A
// reply that is empty, runs over several lines' worth or is no question at
// all is an error, so that the caller can fall back.
func (e *Engine) rewrite(ctx context.Context, history []Turn, q string) (string, error) {
	data := prompts.RewriteData{FollowUp: q}
	for _, t := range history[max(0, len(history)-maxRewriteTurns):] {
		data.History = append(data.History, prompts.Turn{Question: t.Question, Answer: t.Answer})
	}
	prompt, err := prompts.Rewrite(data)
	if err != nil {
		return "", err
	}
	out, err := e.Generator.Generate(ctx, []Message{{Role: RoleUser, Content: prompt}}, nil)
	if err != nil {
		return "", fmt.Errorf("rewrite the follow-up: %w", err)
	}
	return cleanRewrite(out)
}

// cleanRewrite keeps the first non-empty line of the model's reply,
// without quotes or a "Standalone question:" label.
func cleanRewrite(out string) (string, error) {
	line := ""
	for l := range strings.SplitSeq(out, "\n") {
		if line = strings.TrimSpace(l); line != "" {
			break
		}
	}
	if _, after, ok := strings.Cut(line, ":"); ok && strings.Contains(strings.ToLower(line[:len(line)-len(after)]), "question") {
		line = after
	}
	line = strings.Trim(strings.TrimSpace(line), "\"“”'`")
	if line == "" || utf8.RuneCountInString(line) > MaxQuestionRunes/4 {
		return "", errors.New("rewrite the follow-up: the model did not reply with a question")
	}
	return line, nil
}

// standaloneQuestion rewrites a follow-up for retrieval: with the LLM when
// one is configured, else by carrying over the previous question's salient
// terms. When the LLM fails it returns the extractive rewrite and the
// error, so that the caller answers without the LLM.
func (e *Engine) standaloneQuestion(ctx context.Context, history []Turn, q string) (string, error) {
	if e.Generator == nil {
		return e.standalone(history, q), nil
	}
	s, err := e.rewrite(ctx, history, q)
	if err != nil {
		return e.standalone(history, q), err
	}
	return s, nil
}
