package answer

import (
	"context"
	"fmt"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/retrieval"
)

// Retriever is what answering needs from an index: the paragraphs that
// match a question, and the corpus's term statistics to weigh questions and
// judge support with. *retrieval.Index is one.
type Retriever interface {
	Search(ctx context.Context, query string, k int, opts retrieval.SearchOptions) ([]retrieval.Result, error)
	Terms() analysis.TermStats
}

// stemMemoer is a retriever that memoises the stems of what it searches:
// the paragraphs it returns were stemmed already, to rerank them.
type stemMemoer interface {
	Stems() *analysis.StemCache
}

// stemMemo is the retriever's stem memo when it has one, else a new memo
// for one question. Stems are the same from either.
func stemMemo(r Retriever) *analysis.StemCache {
	if m, ok := r.(stemMemoer); ok && m.Stems() != nil {
		return m.Stems()
	}
	return &analysis.StemCache{}
}

// Turn is one earlier question and answer in a conversation (a Discord
// thread), oldest first.
type Turn struct {
	Question string
	Answer   string
}

// Request is one question to answer.
type Request struct {
	Question string
	// History holds the conversation's earlier turns; with it, Question is
	// treated as a follow-up and rewritten into a standalone question.
	History []Turn
	// OnProgress, when set, makes an LLM answer stream: it receives what a
	// surface may show while the answer is written — a neutral status, then
	// only sentences that passed verification (see Partial for the rule).
	// It is called on Ask's goroutine, never after Ask returns, and must
	// return quickly. It is never called for extractive answers.
	OnProgress func(Partial)
}

// DefaultK is how many paragraphs are retrieved for an answer.
const DefaultK = 5

// snapshotter is a Retriever whose index can be replaced while it serves
// (the bot's live corpus): Snapshot returns the index of the moment, and
// one question uses it for everything, so its search results and term
// statistics come from the same corpus.
type snapshotter interface {
	Snapshot() *retrieval.Index
}

// Engine answers questions. The CLI and the bot share one Engine, so that
// `footnote ask` prints what Discord shows.
type Engine struct {
	Retriever Retriever
	// K is how many paragraphs to retrieve; 0 means DefaultK.
	K int
	// Search tunes retrieval (the fusion weight); the zero value is the
	// default.
	Search retrieval.SearchOptions
	// Threshold is the gate probability below which footnote abstains; 0
	// means the gate model's own (Threshold, or LLMThreshold in LLM mode).
	Threshold float64
	// Gate is the answerability gate; nil means DefaultGateModel.
	// `footnote eval --calibrate` fits one.
	Gate *GateModel
	// Warn receives one-line notices (a fallback, a failed embedder).
	Warn func(string)
	// Generator, when set, writes answers with an LLM (Mode LLM), whose
	// citations Verify checks, and rewrites follow-ups; if it fails, the
	// answer is the extractive one with a FallbackReason. nil answers
	// extractively.
	Generator Generator
	// Judge, when set, re-checks every sentence the lexical verifier kept
	// with one batched LLM call (FOOTNOTE_VERIFY=llm); nil verifies
	// lexically only. Any failure of the judge keeps the lexical verdicts.
	// While it runs, streamed text is marked Partial.Checking.
	Judge Judge
}

// Ask answers one question. Abstaining is an answer, not an error; errors
// are for questions that cannot be asked (see IsUsageError) or a retriever
// that failed.
func (e *Engine) Ask(ctx context.Context, req Request) (Answer, error) {
	if s, ok := e.Retriever.(snapshotter); ok {
		// One index for the whole question: a copy of the engine on the
		// index serving now, whatever replaces it meanwhile.
		one := *e
		one.Retriever = s.Snapshot()
		return one.Ask(ctx, req)
	}
	q, err := CheckQuestion(req.Question)
	if err != nil {
		return Answer{}, err
	}
	a := Answer{Question: q, Mode: Extractive, Citations: []Citation{}}
	if e.Generator != nil {
		a.Mode = LLM
	}
	query, rewriteErr := q, error(nil)
	if len(req.History) > 0 {
		query, rewriteErr = e.standaloneQuestion(ctx, req.History, q)
		if query != q {
			a.Standalone = query
		}
	}
	shown := e.shownK(a.Mode)
	retrieved, err := e.Retriever.Search(ctx, query, shown, e.Search)
	if err != nil {
		return Answer{}, fmt.Errorf("retrieve: %w", err)
	}
	asked := query
	if read := readAs(query, firstK(retrieved, e.TopK()), e.Retriever.Terms()); read != query {
		// Searched again as the corpus spells it: "tampre" finds what
		// "Tampere" does, and the gate reads it as a name it knows.
		a.ReadAs, query = read, read
		if retrieved, err = e.Retriever.Search(ctx, query, shown, e.Search); err != nil {
			return Answer{}, fmt.Errorf("retrieve: %w", err)
		}
	}
	a.Retrieved = retrieved
	if retrieved == nil {
		a.Retrieved = []retrieval.Result{}
	}
	// The gate and the extractive answer read the first K paragraphs, in
	// either mode, so LLM mode's gate is the one eval calibrated; only the
	// model is shown more (shownK).
	results := firstK(retrieved, e.TopK())
	ex := extract(query, results, e.Retriever.Terms(), stemMemo(e.Retriever))
	gate, err := e.gate()
	if err != nil {
		return Answer{}, err
	}
	if rewriteErr != nil {
		a = e.fallback(a, "LLM failed: "+rewriteErr.Error())
	}
	g := e.weigh(gate, query, results, ex, a.Mode)
	ex, g = e.retyped(gate, query, results, ex, g, a.Mode)
	a.Evidence, a.Gate, a.nearest = g.Probability, &g, nearestOf(results, ex)
	if g.Probability < g.Threshold {
		// "The corpus doesn't say. The closest passage is [1] …"
		return AbstainedLike(a), nil
	}
	a.Text, a.Citations = ex.text, ex.citations
	if e.Generator == nil || rewriteErr != nil {
		return a, nil
	}
	return e.generate(ctx, a, asked, req.OnProgress)
}

// ModelExtraK is how many paragraphs past K the model is shown. A model
// reads ten paragraphs as easily as five, and the verifier checks every
// sentence against the paragraphs it cites, whatever their rank; an
// answer whose paragraph ranks sixth to tenth would otherwise be
// unanswerable for the model. Three were too few: a blind reply set
// cited three answers ranked ninth (on the built-in fixtures, 4 of 337
// gold paragraphs rank ninth or tenth, 6 rank sixth to eighth).
const ModelExtraK = 5

// shownK is how many paragraphs an answer in mode retrieves: K for the
// extractive answer, K+ModelExtraK for the model.
func (e *Engine) shownK(mode Mode) int {
	if mode == LLM {
		return e.TopK() + ModelExtraK
	}
	return e.TopK()
}

// firstK is the first k of results, or all when there are fewer.
func firstK(results []retrieval.Result, k int) []retrieval.Result {
	return results[:min(len(results), k)]
}

func abstain(a Answer) Answer {
	a.Text, a.Abstained, a.Citations = AbstainText, true, []Citation{}
	return a
}

// TopK is how many paragraphs an answer draws on: K, or DefaultK when K
// is 0. Callers that report the setting read it here, so the default is
// resolved in one place.
func (e *Engine) TopK() int {
	if e.K > 0 {
		return e.K
	}
	return DefaultK
}

// ThresholdFor returns the gate probability below which answers in mode
// abstain: the configured one, else the gate model's.
func (e *Engine) ThresholdFor(mode Mode) (float64, error) {
	if e.Threshold > 0 {
		return e.Threshold, nil
	}
	g, err := e.gate()
	if err != nil {
		return 0, err
	}
	if mode == LLM {
		return g.LLMThreshold, nil
	}
	return g.Threshold, nil
}

func (e *Engine) warnf(format string, args ...any) {
	if e.Warn != nil {
		e.Warn(fmt.Sprintf(format, args...))
	}
}
