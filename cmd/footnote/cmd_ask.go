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
	cmd := &cobra.Command{
		Use:   "ask [flags] QUESTION",
		Short: "Answer a question from the corpus, with footnotes to the source paragraphs",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := answer.CheckQuestion(strings.Join(args, " "))
			if err != nil {
				return err
			}
			a.collectLessForOneQuestion()
			eng, err := a.engine(cmd.Context())
			if err != nil {
				return err
			}
			req := answer.Request{Question: q}
			var live *liveAnswer
			if !asJSON && a.onTerminal(a.stdout) {
				live = &liveAnswer{w: a.stdout}
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
				printAnswer(a.stdout, ans)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the answer as JSON (see README: JSON output)")
	return cmd
}

// printAnswer writes the answer, then its sources: title, ¶ and the whole
// quoted paragraph, so a reader can check every footnote on the spot.
// An abstention with a closest passage points at it — "The closest
// passage is [1] …" — as something to read, not as support.
func printAnswer(w io.Writer, a answer.Answer) {
	fmt.Fprintln(w, answerLine(a))
	printSources(w, a)
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
type liveAnswer struct {
	w       io.Writer
	printed string
}

func (l *liveAnswer) progress(p answer.Partial) {
	if p.Checking || !strings.HasPrefix(p.Text, l.printed) {
		return
	}
	fmt.Fprint(l.w, p.Text[len(l.printed):])
	l.printed = p.Text
}

// finish prints what the final answer adds to the sentences printed.
func (l *liveAnswer) finish(a answer.Answer) {
	rest, ok := strings.CutPrefix(answerLine(a), l.printed)
	if !ok {
		// The engine never takes a shown sentence back; should it ever,
		// print the answer whole rather than leave a wrong one on screen.
		fmt.Fprint(l.w, "\n\n")
		rest = answerLine(a)
	}
	fmt.Fprintln(l.w, rest)
	printSources(l.w, a)
}

// abort ends a line of printed sentences, so that an error starts afresh.
func (l *liveAnswer) abort() {
	if l != nil && l.printed != "" {
		fmt.Fprintln(l.w)
	}
}

// printSources writes the Sources block of an answer that cites any, or
// the closest passage an abstention points at.
func printSources(w io.Writer, a answer.Answer) {
	sources := a.Citations
	if a.Abstained && a.Closest != nil {
		sources = []answer.Citation{*a.Closest}
	}
	if len(sources) == 0 {
		return
	}
	fmt.Fprintln(w, "\nSources")
	for _, c := range sources {
		fmt.Fprintf(w, "[%d] %s, ¶%s%s\n%s%s\n", c.N, c.Title, c.Label(), pageOf(c.Source), sourceLine(c.Source), indent("“"+c.Text+"”"))
	}
}
