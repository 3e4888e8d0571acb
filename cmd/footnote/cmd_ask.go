package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/footnote-dev/footnote/answer"
	"github.com/spf13/cobra"
)

func (a *app) askCommand() *cobra.Command {
	var asJSON bool
	var k int
	cmd := &cobra.Command{
		Use:   "ask [flags] QUESTION",
		Short: "Answer a question from the corpus, with footnotes to the source paragraphs",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := answer.CheckQuestion(strings.Join(args, " "))
			if err != nil {
				return err
			}
			if err := a.applyK(cmd, k); err != nil {
				return err
			}
			a.collectLessForOneQuestion()
			eng, err := a.engine(cmd.Context())
			if err != nil {
				return err
			}
			req := answer.Request{Question: q}
			width := outputWidth(a.stdout)
			var live *liveAnswer
			if !asJSON && a.onTerminal(a.stdout) {
				live = &liveAnswer{w: a.stdout, width: width}
				req.OnProgress = live.progress
			}
			ans, err := eng.Ask(cmd.Context(), req)
			switch {
			case err != nil:
				live.abort()
				return err
			case asJSON:
				return writeJSON(a.stdout, ans)
			case live != nil:
				live.finish(ans)
			default:
				printAnswer(a.stdout, ans, width)
			}
			return nil
		},
	}
	kFlag(cmd, &k, "how many paragraphs the answer draws on")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the answer as JSON (see README: JSON output)")
	return cmd
}

// printAnswer writes the answer, then its sources: title, ¶ and the whole
// quoted paragraph, so a reader can check every footnote on the spot.
// Both wrap at width columns; 0 leaves each on one line. An abstention
// with a closest passage points at it — "The closest passage is [1] …" —
// as something to read, not as support.
func printAnswer(w io.Writer, a answer.Answer, width int) {
	fmt.Fprintln(w, wrapIndented(answerLine(a), "", width))
	printSources(w, a, width)
}

// answerLine is the answer text, followed for an abstention with a closest
// passage by "The closest passage is [1] …".
func answerLine(a answer.Answer) string {
	if a.Abstained && a.Closest != nil {
		return a.Text + " " + answer.ClosestText
	}
	return a.Text
}

// liveAnswer prints an answer on a terminal as it is written: each
// verified sentence once it has passed (never model text that has not),
// then the rest and the sources once the answer is final, so that the
// terminal ends up showing exactly what printAnswer prints. Text still
// awaiting the answer judge is not printed: a terminal cannot take it
// back. A nil *liveAnswer prints nothing.
//
// Sentences are wrapped at width as printAnswer wraps them: greedy
// wrapping of a text's beginning is the beginning of the wrapped text, so
// what is printed never has to move.
type liveAnswer struct {
	w     io.Writer
	width int
	// printed is the raw text shown so far; shown is it as wrapped.
	printed, shown string
}

func (l *liveAnswer) progress(p answer.Partial) {
	if p.Checking || !strings.HasPrefix(p.Text, l.printed) {
		return
	}
	shown := wrapIndented(p.Text, "", l.width)
	if !strings.HasPrefix(shown, l.shown) {
		return // cannot happen (see above); the final answer prints whole
	}
	fmt.Fprint(l.w, shown[len(l.shown):])
	l.printed, l.shown = p.Text, shown
}

// finish prints what the final answer adds to the sentences printed.
func (l *liveAnswer) finish(a answer.Answer) {
	final := wrapIndented(answerLine(a), "", l.width)
	rest, ok := strings.CutPrefix(final, l.shown)
	if !ok || !strings.HasPrefix(answerLine(a), l.printed) {
		// The engine never takes a shown sentence back; should it ever,
		// print the answer whole rather than leave a wrong one on screen.
		fmt.Fprint(l.w, "\n\n")
		rest = final
	}
	fmt.Fprintln(l.w, rest)
	printSources(l.w, a, l.width)
}

// abort ends a line of printed sentences, so that an error starts afresh.
func (l *liveAnswer) abort() {
	if l != nil && l.printed != "" {
		fmt.Fprintln(l.w)
	}
}

// printSources writes the Sources block of an answer that cites any, or
// the closest passage an abstention points at, its quotes wrapped at
// width columns (0: one line each).
func printSources(w io.Writer, a answer.Answer, width int) {
	sources := a.Citations
	if a.Abstained && a.Closest != nil {
		sources = []answer.Citation{*a.Closest}
	}
	if len(sources) == 0 {
		return
	}
	fmt.Fprintln(w, "\nSources")
	for _, c := range sources {
		fmt.Fprintf(w, "[%d] %s, ¶%s%s\n%s%s\n", c.N, c.Title, c.Label(), pageOf(c.Source), sourceLine(c.Source), wrapIndented("“"+c.Text+"”", quoteMargin, width))
	}
}
