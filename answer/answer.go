// Package answer turns a question into a cited answer: retrieve paragraphs,
// answer extractively or with an LLM, verify citations, or abstain.
package answer

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Mode says how an answer was produced. Its string form is part of the JSON
// contract.
type Mode string

// Modes of answering.
const (
	Extractive Mode = "extractive"
	LLM        Mode = "llm"
)

// Citation is one footnote: the paragraph that supports the sentences
// marked [N] in the answer text. Its JSON form is part of the contract.
type Citation struct {
	N         int    `json:"n"`
	Doc       string `json:"doc"`
	Title     string `json:"title"`
	Paragraph int    `json:"paragraph"`
	Part      int    `json:"part,omitempty"`
	// Text is the whole cited paragraph.
	Text string `json:"text"`
	// Source says where the article is from, when known: its own URL,
	// publisher, date and author, and the PDF page.
	retrieval.Source
	// ID is the paragraph's stable ID ("doc#p3").
	ID string `json:"-"`
}

// Label is the citation's paragraph number as people read it: "3" or "3.2".
func (c Citation) Label() string { return corpus.Label(c.Paragraph, c.Part) }

// Answer is what footnote says to a question, on every surface: the CLI
// prints it, --json encodes it, the bot renders it. Its JSON form is the
// stable contract of `footnote ask --json`.
type Answer struct {
	Question  string `json:"question"`
	Text      string `json:"answer"`
	Abstained bool   `json:"abstained"`
	Mode      Mode   `json:"mode"`
	// Citations lists exactly the paragraphs the text cites, numbered in
	// order of first use.
	Citations []Citation         `json:"citations"`
	Retrieved []retrieval.Result `json:"retrieved"`
	// DroppedCitations counts citation markers the verifier removed because
	// they named no source or their source did not support the sentence.
	DroppedCitations int `json:"dropped_citations"`
	// FallbackReason is set when an LLM was configured but the answer is
	// extractive because the LLM failed.
	FallbackReason string `json:"fallback_reason,omitempty"`
	// Verification is the verifier's decision on every sentence of the
	// LLM's reply: kept, or removed with its reason. Absent when no model
	// reply was verified (extractive mode, a failed call, a gated question).
	Verification []SentenceCheck `json:"verification,omitempty"`
	// JudgeStatus is set when the LLM judge ran (FOOTNOTE_VERIFY=llm): "ok",
	// or why it failed and the lexical verdicts stand.
	JudgeStatus string `json:"judge,omitempty"`
	// Standalone is the rewritten question a follow-up was retrieved with.
	Standalone string `json:"standalone_question,omitempty"`
	// ReadAs is the question as the corpus spells it ("Kraków" for
	// "krakow", "Tampere" for "tampre"), when that differs from what was
	// asked: what retrieval, the gate and the model then read.
	ReadAs string `json:"read_as,omitempty"`
	// Evidence is the gate's probability that the corpus answers the
	// question, compared with the threshold: abstain when Evidence <
	// threshold. `footnote eval --calibrate` fits the gate and sweeps
	// thresholds over it.
	Evidence float64 `json:"evidence"`
	// Gate is the gate's decision with its signals; nil when nothing was
	// retrieved.
	Gate *Gate `json:"gate,omitempty"`
	// Closest is, for an abstention, the paragraph nearest the question:
	// a pointer to read, never support for a claim, so it is not among
	// Citations. nil when nothing retrieved shares a word with the
	// question.
	Closest *Citation `json:"closest,omitempty"`
	// nearest is the paragraph Closest points at should the answer
	// abstain: the best sentence's, when it shares a word with the
	// question.
	nearest *Citation
}

// AbstainedLike returns a as footnote gives it when the gate abstains:
// the abstain text, no citations, and the closest passage as a pointer.
func AbstainedLike(a Answer) Answer {
	a.Text, a.Abstained, a.Citations = AbstainText, true, []Citation{}
	a.Closest = a.nearest
	return a
}

// AbstainText is what footnote says when the corpus does not answer.
const AbstainText = "The corpus doesn't say."

// ClosestText follows AbstainText on every surface when an abstention
// has a closest passage, which is then shown as source [1].
const ClosestText = "The closest passage is [1] …"

// MaxQuestionRunes is the longest question footnote accepts.
const MaxQuestionRunes = 2000

// Errors for questions that cannot be asked. The CLI maps them to exit
// code 2 and the bot to a usage hint.
var (
	ErrEmptyQuestion   = errors.New("the question is empty: ask something, e.g. \"Why did Kim skip the Victory Day parade?\"")
	ErrQuestionTooLong = errors.New(message.NewPrinter(language.English).Sprintf("the question is too long: it may be at most %d characters", MaxQuestionRunes))
)

// CheckQuestion trims q and rejects an empty or over-long question.
func CheckQuestion(q string) (string, error) {
	q = strings.TrimSpace(q)
	if q == "" || len(analysis.Words(q)) == 0 {
		return "", ErrEmptyQuestion
	}
	if utf8.RuneCountInString(q) > MaxQuestionRunes {
		return "", ErrQuestionTooLong
	}
	return q, nil
}

// IsUsageError reports whether err is about the question itself rather
// than about footnote's ability to answer it.
func IsUsageError(err error) bool {
	return errors.Is(err, ErrEmptyQuestion) || errors.Is(err, ErrQuestionTooLong)
}

func itoa(n int) string { return fmt.Sprint(n) }
