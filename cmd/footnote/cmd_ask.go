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
			printAnswer(a.stdout, ans)
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
	sources := a.Citations
	if a.Abstained && a.Closest != nil {
		fmt.Fprintf(w, "%s %s\n", a.Text, answer.ClosestText)
		sources = []answer.Citation{*a.Closest}
	} else {
		fmt.Fprintln(w, a.Text)
	}
	if len(sources) == 0 {
		return
	}
	fmt.Fprintln(w, "\nSources")
	for _, c := range sources {
		fmt.Fprintf(w, "[%d] %s, ¶%s%s\n%s%s\n", c.N, c.Title, c.Label(), pageOf(c.Source), sourceLine(c.Source), indent("“"+c.Text+"”"))
	}
}
