package answer

import (
	"fmt"
	"strings"
)

// Partial is what a surface may show of an LLM answer while it is being
// written. It never holds unverified model text:
//
//   - Until a sentence has passed the citation verifier, Text is "" and
//     Status is a neutral progress line ("Reading 5 sources…", "Checking
//     the answer…").
//   - A sentence counts once it is complete: the next one has begun (a
//     full stop alone is not enough: an abbreviation or the citation
//     markers after it may follow). Each complete sentence is verified as
//     the final answer verifies it, with the same function; Text is the
//     verified sentences so far, numbered as in the final answer.
//   - Nothing is shown until the reply is answered (Verified.Outcome): it
//     holds a kept claim. A refusal or an absence statement is never kept,
//     and a reply with a kept claim is answered whatever follows — but for
//     kept text a later refusal could still take back (related facts, then
//     "There's no mention of any gift"), which is not shown until the
//     reply has answered part of the question or ended — so shown
//     sentences are never replaced by "The corpus doesn't say."
//   - Text only ever grows: each Partial's Text starts with the previous
//     one's, and the final answer's text starts with the last one's. Should
//     the model fail after sentences were shown, the answer keeps them.
//
// With an Engine.Judge, Text has passed the lexical verifier only and
// Checking is set: the judge may still remove sentences, so a surface must
// mark the text as being checked.
type Partial struct {
	// Text is the verified answer so far, "" until a sentence has passed.
	Text string
	// Status is a progress line to show while Text is "": plain words,
	// never model text.
	Status string
	// Checking marks Text as awaiting the judge's verdicts.
	Checking bool
}

// statusChecking is shown once the model writes and nothing has passed.
const statusChecking = "Checking the answer…"

// readingStatus is shown while the model reads its n sources.
func readingStatus(n int) string {
	if n == 1 {
		return "Reading 1 source…"
	}
	return fmt.Sprintf("Reading %d sources…", n)
}

// streamVerifier turns the text a model streams into Partials. It is used
// from one goroutine, the one that runs Generate; a nil *streamVerifier
// streams nothing.
type streamVerifier struct {
	// read verifies a reply as the final answer does; ok is false unless
	// it is answered (see Verified.Outcome), with text its kept sentences.
	read     func(reply string) (text string, ok bool)
	emit     func(Partial)
	checking bool
	// complete counts the sentences of the reply read so far; prefix is
	// the reply up to the end of the last of them that produced last.Text.
	complete int
	prefix   string
	last     Partial
}

// newStreamVerifier returns a stream verifier of the reply to question
// from a's sources that reports to onProgress, or nil when onProgress is
// nil. It announces the sources.
func (e *Engine) newStreamVerifier(a Answer, question string, onProgress func(Partial)) *streamVerifier {
	if onProgress == nil {
		return nil
	}
	sv := &streamVerifier{emit: onProgress, checking: e.Judge != nil}
	sv.read = func(reply string) (string, bool) {
		v := Verify(question, reply, a.Retrieved, e.Retriever.Terms())
		return v.Text, v.Outcome() == Answered && !v.provisional
	}
	sv.send(Partial{Status: readingStatus(len(a.Retrieved))})
	return sv
}

// feeder returns the callback Generate streams the reply to, nil for a
// nil verifier (a plain, non-streaming call).
func (sv *streamVerifier) feeder() func(string) {
	if sv == nil {
		return nil
	}
	return sv.feed
}

// feed takes the reply so far. When a sentence has completed it verifies
// the completed prefix and shows what passed.
func (sv *streamVerifier) feed(text string) {
	prefix, n := completedReply(text)
	if n > sv.complete {
		sv.complete = n
		if text, ok := sv.read(prefix); ok && text != sv.last.Text && strings.HasPrefix(text, sv.last.Text) {
			sv.prefix = prefix
			sv.send(Partial{Text: text, Checking: sv.checking})
			return
		}
	}
	if sv.last.Text == "" {
		sv.send(Partial{Status: statusChecking})
	}
}

// shownPrefix returns the part of the reply whose verified sentences have
// been shown, if any have.
func (sv *streamVerifier) shownPrefix() (string, bool) {
	if sv == nil || sv.last.Text == "" {
		return "", false
	}
	return sv.prefix, true
}

// awaitJudge shows the whole lexically verified text, marked as being
// checked, while the judge decides.
func (sv *streamVerifier) awaitJudge(text string) {
	if sv != nil && strings.HasPrefix(text, sv.last.Text) {
		sv.send(Partial{Text: text, Checking: true})
	}
}

func (sv *streamVerifier) send(p Partial) {
	if p == sv.last {
		return
	}
	sv.last = p
	sv.emit(p)
}
