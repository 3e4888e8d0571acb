package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/retrieval"
)

// Asker answers questions; *answer.Engine is one.
type Asker interface {
	Ask(ctx context.Context, req answer.Request) (answer.Answer, error)
}

// question is one acknowledged question waiting for its answer.
type question struct {
	text    string
	history []answer.Turn
	// conv is the conversation the question continues, "" for a new one.
	conv string
	// keys link the answer's conversation to more IDs, e.g. its thread.
	keys  []string
	kind  string // "ask", "mention", "dm" or "followup"
	user  string
	out   replier
	acked time.Time
}

// deliverTimeout bounds sending an answer, apart from computing it: an
// answer computed before shutdown is still delivered.
const deliverTimeout = 2 * restTimeout

// answerer computes answers and delivers them.
type answerer struct {
	asker    Asker
	mem      *memory
	state    State
	log      *slog.Logger
	timeout  time.Duration
	feedback bool
	pace     pacing
	// token keys the user hashes in logs (HashUser).
	token string
}

// run answers q; it is a pool job.
func (w *answerer) run(ctx context.Context, q question) {
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), deliverTimeout)
	defer cancel()
	log := w.log.With("kind", q.kind, "user", HashUser(w.token, q.user)[:12])
	defer func() {
		if p := recover(); p != nil {
			log.Error("panic while answering", "panic", fmt.Sprint(p))
			w.apologise(dctx, log, q, failMessage)
		}
	}()
	started := time.Now()
	a, err := w.ask(ctx, dctx, log, q)
	if err != nil {
		w.fail(dctx, log, q, err)
		return
	}
	key := w.mem.newKey()
	if err := w.state.PutAnswer(dctx, key, a); err != nil {
		log.Error("keep answer for its buttons", "err", err)
	}
	ids, err := q.out.deliver(dctx, renderMessages(a, key, w.feedback))
	if err != nil {
		log.Error("deliver answer", "err", err)
	}
	conv := q.conv
	if conv == "" {
		conv = "c" + w.mem.newKey()
	}
	if err := w.state.Remember(dctx, conv, answer.Turn{Question: q.text, Answer: a.Text}, append(ids, q.keys...)...); err != nil {
		log.Error("remember conversation", "err", err)
	}
	log.Info("answered",
		"latency_ms", time.Since(q.acked).Milliseconds(),
		"queued_ms", started.Sub(q.acked).Milliseconds(),
		"answer_ms", time.Since(started).Milliseconds(),
		"mode", a.Mode, "abstained", a.Abstained, "citations", len(a.Citations),
		"followup", len(q.history) > 0, "question_chars", len([]rune(q.text)))
	if a.FallbackReason != "" {
		log.Warn("answered extractively after the LLM failed", "reason", a.FallbackReason)
	}
}

// ask runs the engine, streaming its progress (verified text or a status
// line) into the reply.
func (w *answerer) ask(ctx, dctx context.Context, log *slog.Logger, q question) (answer.Answer, error) {
	actx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	st := startStreamer(dctx, w.pace, func(ctx context.Context, text string) {
		if err := q.out.progress(ctx, text); err != nil {
			log.Warn("show partial answer", "err", err)
		}
	})
	defer st.stop()
	return w.asker.Ask(actx, answer.Request{Question: q.text, History: q.history, OnProgress: st.update})
}

// fail tells the user why there is no answer, and logs the detail.
func (w *answerer) fail(ctx context.Context, log *slog.Logger, q question, err error) {
	switch {
	case errors.Is(err, answer.ErrQuestionTooLong):
		w.apologise(ctx, log, q, renderTooLong())
	case answer.IsUsageError(err):
		w.apologise(ctx, log, q, usageMessage)
	case errors.Is(err, retrieval.ErrUnavailable):
		log.Error("search is unavailable", "err", err)
		w.apologise(ctx, log, q, unavailableMsg)
	case errors.Is(err, context.DeadlineExceeded):
		log.Warn("answer timed out", "err", err, "latency_ms", time.Since(q.acked).Milliseconds())
		w.apologise(ctx, log, q, timeoutMsg)
	case errors.Is(err, context.Canceled):
		log.Warn("answer cancelled by shutdown", "err", err)
		w.apologise(ctx, log, q, shutdownMsg)
	default:
		log.Error("answer", "err", err)
		w.apologise(ctx, log, q, failMessage)
	}
}

func (w *answerer) apologise(ctx context.Context, log *slog.Logger, q question, text string) {
	if _, err := q.out.deliver(ctx, []outMessage{{Content: text}}); err != nil {
		log.Error("send apology", "err", err)
	}
}

// renderMessages renders an answer, with its buttons under the last part.
func renderMessages(a answer.Answer, key string, feedback bool) []outMessage {
	parts := Render(a)
	msgs := make([]outMessage, len(parts))
	for i, p := range parts {
		msgs[i].Content = p
	}
	msgs[len(msgs)-1].Components = Buttons(a, key, feedback)
	return msgs
}
