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
			eng, err := a.engine(cmd.Context())
			if err != nil {
				return err
			}
			ans, err := eng.Ask(cmd.Context(), answer.Request{Question: q})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, ans)
			}
			printAnswer(a.stdout, ans, outputWidth(a.stdout))
			return nil
		},
	}
	kFlag(cmd, &k, "how many paragraphs the answer draws on")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the answer as JSON (see README: JSON output)")
	return cmd
}

// printAnswer writes the answer, then its sources: title, ¶ and the whole
// quoted paragraph, so a reader can check every footnote on the spot.
// Both wrap at width columns; 0 leaves each on one line.
func printAnswer(w io.Writer, a answer.Answer, width int) {
	fmt.Fprintln(w, wrapIndented(a.Text, "", width))
	if len(a.Citations) == 0 {
		return
	}
	fmt.Fprintln(w, "\nSources")
	for _, c := range a.Citations {
		fmt.Fprintf(w, "[%d] %s, ¶%s%s\n%s%s\n", c.N, c.Title, c.Label(), pageOf(c.Source), sourceLine(c.Source), wrapIndented("“"+c.Text+"”", quoteMargin, width))
	}
}
