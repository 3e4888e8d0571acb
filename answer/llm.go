package answer

import (
	"context"
	"errors"

	"github.com/footnote-dev/footnote/prompts"
	"github.com/footnote-dev/footnote/retrieval"
)

// Generator completes a chat with a language model. When onPartial is
// set, the text so far is passed to it as it streams in. OpenAIGenerator
// is one; errors must carry no secret.
type Generator interface {
	Generate(ctx context.Context, msgs []Message, onPartial func(string)) (string, error)
}

// Message is one chat message.
type Message struct {
	Role    Role
	Content string
}

// Role says who speaks a Message.
type Role string

// Chat roles.
const (
	RoleSystem    Role = "system"
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
)

// ErrIncompleteAnswer is returned for a model answer that stopped before
// the model finished it: a stream cut before its finish reason or [DONE].
var ErrIncompleteAnswer = errors.New("the model's answer stream ended before it was complete")

// maxAnswerSentences bounds an LLM answer, as the prompt tells the model.
const maxAnswerSentences = 5

// generate answers a with the LLM from a.Retrieved, then verifies its
// citations. a already holds the extractive answer, which it keeps, with
// Mode extractive and a FallbackReason, when the LLM fails or none of its
// sentences survives verification. With onProgress the answer streams
// through a stream verifier. It returns an error only when ctx itself is
// done.
func (e *Engine) generate(ctx context.Context, a Answer, asked string, onProgress func(Partial)) (Answer, error) {
	// The model reads the question as asked; the verifier reads it as the
	// corpus spells it, so that "tampre" is no name it must find.
	msgs, err := answerMessages(asked, a.Retrieved)
	if err != nil {
		return e.fallback(a, err.Error()), nil
	}
	question := asked
	if a.ReadAs != "" {
		question = a.ReadAs
	}
	sv := e.newStreamVerifier(a, question, onProgress)
	text, err := e.Generator.Generate(ctx, msgs, sv.feeder())
	if err != nil {
		if ctx.Err() != nil {
			return Answer{}, ctx.Err()
		}
		if prefix, ok := sv.shownPrefix(); ok {
			// Readers have seen these verified sentences: keep them rather
			// than replace them with a different, extractive answer.
			e.warnf("LLM failed after verified sentences were shown (%s); keeping them", err)
			return e.finish(ctx, a, question, prefix, sv), nil
		}
		return e.fallback(a, "LLM failed: "+err.Error()), nil
	}
	return e.finish(ctx, a, question, text, sv), nil
}

// finish turns the model's reply into the answer: Verify, the judge when
// set, then settle. It is the one finishing path of streamed and plain
// calls alike, so that Discord's final message and `ask --json` agree for
// the same reply; the stream verifier reads prefixes with the same Verify.
func (e *Engine) finish(ctx context.Context, a Answer, question, text string, sv *streamVerifier) Answer {
	v := Verify(question, text, a.Retrieved, e.Retriever.Terms())
	if e.Judge != nil {
		if v.Outcome() == Answered {
			sv.awaitJudge(v.Text)
		}
		v, a.JudgeStatus = e.judge(ctx, question, v, a.Retrieved)
	}
	return e.settle(a, v)
}

// settle turns a verified reply into the answer: the kept text, an
// abstention when the model refused, or the extractive fallback when
// nothing it claimed held. Every surface goes through it, so `ask`, the
// bot and eval show the same decision.
func (e *Engine) settle(a Answer, v Verified) Answer {
	a.DroppedCitations, a.Verification = v.Dropped, v.Sentences
	switch v.Outcome() {
	case Refused:
		return abstain(a)
	case Unsupported:
		return e.fallback(a, "no sentence of the LLM's answer was supported by the paragraphs it cited")
	}
	a.Text, a.Citations = v.Text, v.Citations
	return a
}

// fallback turns a into the extractive answer it already holds, saying why
// on one line.
func (e *Engine) fallback(a Answer, reason string) Answer {
	a.Mode, a.FallbackReason = Extractive, reason
	e.warnf("%s; answering extractively", reason)
	if a.Gate == nil {
		return a // not weighed yet: the gate will use the offline threshold
	}
	// The answer is now the extractive one, so it must clear the offline
	// threshold, not the lower one that only decided whether to call the
	// model: a fallback is no licence to show an answer extraction alone
	// would have withheld.
	t, err := e.ThresholdFor(Extractive)
	if err != nil {
		return a
	}
	m, err := e.gate()
	if err != nil {
		return a
	}
	g := a.Gate.VetoedBy(m)
	if g.Probability >= t {
		return a
	}
	g.Threshold = t
	a.Gate, a.Evidence = &g, g.Probability
	return AbstainedLike(a)
}

// answerMessages renders the system and answer prompts, numbering the
// retrieved paragraphs [1]..[k] as the verifier reads them.
func answerMessages(question string, results []retrieval.Result) ([]Message, error) {
	system, err := prompts.System(prompts.SystemData{Abstain: AbstainText, MaxSentences: maxAnswerSentences})
	if err != nil {
		return nil, err
	}
	data := prompts.AnswerData{Question: question, Abstain: AbstainText}
	for i, r := range results {
		label := citationOf(i+1, r).Label()
		data.Sources = append(data.Sources, prompts.Source{N: i + 1, Title: r.Title, Paragraph: label, Text: r.Text})
	}
	user, err := prompts.Answer(data)
	if err != nil {
		return nil, err
	}
	return []Message{{Role: RoleSystem, Content: system}, {Role: RoleUser, Content: user}}, nil
}
