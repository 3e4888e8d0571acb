package eval

import (
	"fmt"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// Row is one judged question: what footnote said and how it scored. Its
// JSON form is one entry of "questions" in `footnote eval --json`.
type Row struct {
	ID         string `json:"id"`
	Line       int    `json:"line"`
	Question   string `json:"question"`
	Answerable bool   `json:"answerable"`
	// Kind is the fixture's kind of unanswerable question, if it has one.
	Kind string `json:"kind,omitempty"`
	// EvidenceQuotes are the fixture's quotes, for highlighting.
	EvidenceQuotes []string `json:"evidence_quotes"`
	// GoldParagraphs is how many corpus paragraphs contain a quote.
	GoldParagraphs int    `json:"gold_paragraphs"`
	Answer         string `json:"answer"`
	Abstained      bool   `json:"abstained"`
	Mode           string `json:"mode"`
	// EvidenceScore is the score the abstention gate compared with the
	// threshold; --calibrate sweeps thresholds over it.
	EvidenceScore float64 `json:"evidence_score"`
	// Gate is the gate's decision and signals; --calibrate fits a new gate
	// model on them.
	Gate      *answer.Gate `json:"gate,omitempty"`
	Citations []Cited      `json:"citations"`
	// Retrieved is the ranking the retrieval metrics read, gold marked.
	Retrieved []Ranked `json:"retrieved"`
	// HitRank is the rank of the first gold paragraph, 0 when none is in
	// Retrieved (answerable questions only).
	HitRank int `json:"hit_rank"`
	// Keywords is the keyword check; nil for unanswerable questions.
	Keywords         *KeywordResult `json:"keywords"`
	DroppedCitations int            `json:"dropped_citations"`
	FallbackReason   string         `json:"fallback_reason,omitempty"`
	// Verification is the citation verifier's decision on each sentence of
	// an LLM reply (see answer.SentenceCheck); absent otherwise.
	Verification []answer.SentenceCheck `json:"verification,omitempty"`
	// JudgeStatus is the LLM judge's status when it ran.
	JudgeStatus string  `json:"judge,omitempty"`
	LatencyMS   float64 `json:"latency_ms"`
	// Tokens is null when unknown (extractive answers).
	Tokens *int `json:"tokens"`
	Pass   bool `json:"pass"`
	// Why says why the question failed, one reason per check; empty when
	// it passed.
	Why []string `json:"why_failed"`
}

// Cited is a citation of the answer, marked gold when its paragraph
// contains an evidence quote.
type Cited struct {
	answer.Citation
	Gold bool `json:"gold"`
}

// Ranked is a retrieved paragraph, marked gold when it contains an
// evidence quote.
type Ranked struct {
	retrieval.Result
	Gold bool `json:"gold"`
}

// KeywordResult is the keyword check of an answerable question.
type KeywordResult struct {
	Pass    bool       `json:"pass"`
	Missing [][]string `json:"missing"`
}

// Judge scores one observation; k is the number of paragraphs answers
// draw on (hit@k).
func Judge(obs Observation, k int) Row {
	f, a := obs.Fixture, obs.Answer
	quotes := normalized(f.Evidence)
	row := Row{
		ID: f.ID, Line: f.Line, Question: f.Question, Answerable: f.Answerable, Kind: f.Kind, Gate: a.Gate,
		EvidenceQuotes: nonNil(f.Evidence), GoldParagraphs: f.Gold, Answer: a.Text, Abstained: a.Abstained, Mode: string(a.Mode),
		EvidenceScore: a.Evidence, DroppedCitations: a.DroppedCitations, FallbackReason: a.FallbackReason,
		Verification: a.Verification, JudgeStatus: a.JudgeStatus,
		LatencyMS: float64(obs.Latency) / float64(time.Millisecond), Tokens: obs.Tokens,
		Citations: []Cited{}, Retrieved: []Ranked{}, Why: []string{},
	}
	for _, c := range a.Citations {
		row.Citations = append(row.Citations, Cited{c, containsQuote(corpus.Normalize(c.Text), quotes)})
	}
	for _, r := range obs.Ranking {
		row.Retrieved = append(row.Retrieved, Ranked{r, containsQuote(corpus.Normalize(r.Text), quotes)})
	}
	if f.Answerable {
		row.HitRank = FirstHit(row.gold())
		missing := MissingKeywords(a.Text, f.Keywords)
		if a.Abstained {
			missing = f.Keywords
		}
		row.Keywords = &KeywordResult{Pass: len(missing) == 0, Missing: nonNilGroups(missing)}
	}
	row.Why = row.failures(k)
	row.Pass = len(row.Why) == 0
	return row
}

// failures lists why the row fails, most fundamental first.
func (r Row) failures(k int) []string {
	why := []string{}
	if !r.Answerable {
		if !r.Abstained {
			why = append(why, "answered a question the corpus cannot answer")
		}
		return why
	}
	switch {
	case r.HitRank == 0:
		why = append(why, fmt.Sprintf("retrieval: no gold paragraph in the top %d", len(r.Retrieved)))
	case r.HitRank > k:
		why = append(why, fmt.Sprintf("retrieval: first gold paragraph at rank %d, below the top %d", r.HitRank, k))
	}
	if r.Abstained {
		return append(why, fmt.Sprintf("abstained on an answerable question (evidence score %.3f)", r.EvidenceScore))
	}
	if !r.Keywords.Pass {
		why = append(why, "answer: missing keywords "+groupsString(r.Keywords.Missing))
	}
	if r.goldCited() == 0 {
		why = append(why, "citations: no cited paragraph contains the evidence")
	}
	return why
}

func (r Row) gold() []bool {
	g := make([]bool, len(r.Retrieved))
	for i, x := range r.Retrieved {
		g[i] = x.Gold
	}
	return g
}

func (r Row) goldCited() int {
	n := 0
	for _, c := range r.Citations {
		if c.Gold {
			n++
		}
	}
	return n
}

// groupsString renders keyword groups as [a|b] [c].
func groupsString(groups [][]string) string {
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = "[" + strings.Join(g, "|") + "]"
	}
	return strings.Join(parts, " ")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilGroups(g [][]string) [][]string {
	if g == nil {
		return [][]string{}
	}
	return g
}

// GoldCitedCount is how many of the answer's citations contain evidence.
func (r Row) GoldCitedCount() int { return r.goldCited() }
