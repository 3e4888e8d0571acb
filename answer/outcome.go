package answer

import "strconv"

// Outcome is what a verified reply amounts to as a whole.
type Outcome int

// Outcomes of a verified reply.
const (
	// Answered: at least one claim survived; the answer is the kept text.
	Answered Outcome = iota
	// Refused: no claim survived, and the model said the sources do not
	// answer, or its only supported sentences do not address the
	// question. footnote abstains, in LLM mode: a refusal is an answer,
	// never a reason to fall back.
	Refused
	// Unsupported: no claim survived and the model did not refuse; its
	// citations did not hold. footnote falls back to the extractive answer,
	// which must then pass the offline gate's threshold (see fallback).
	Unsupported
)

// Outcome applies the reply-level rules, the only ones that read the
// whole reply: a reply with a kept claim is answered; otherwise it is a
// refusal when any sentence refused or was a supported non-answer
// (off_question), and unsupported when not. A streamed prefix can thus
// turn from "refused so far" into answered, never the reverse.
func (v Verified) Outcome() Outcome {
	refused := false
	for _, c := range v.Sentences {
		switch {
		case c.Kept:
			return Answered
		case c.Reason == ReasonRefusal || c.Reason == ReasonOffQuestion:
			refused = true
		}
	}
	if refused {
		return Refused
	}
	return Unsupported
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
