package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/retrieval"
	"github.com/spf13/cobra"
)

// searchOutput is the JSON contract of `footnote search --json`.
type searchOutput struct {
	Query   string             `json:"query"`
	Results []retrieval.Result `json:"results"`
}

func (a *app) searchCommand() *cobra.Command {
	var k int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search [flags] QUESTION",
		Short: "Show the paragraphs that best match a question, ranked",
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
			ix, _, err := a.openIndex(cmd.Context(), false, a.progressBar())
			if err != nil {
				return err
			}
			results, err := ix.Search(cmd.Context(), q, a.cfg.K, a.cfg.searchOptions())
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if results == nil {
				results = []retrieval.Result{}
			}
			if asJSON {
				return writeJSON(a.stdout, searchOutput{Query: q, Results: results})
			}
			printResults(a.stdout, results, outputWidth(a.stdout))
			return nil
		},
	}
	kFlag(cmd, &k, "how many paragraphs to show")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: {query, results: [{rank, score, doc, title, paragraph, text}]}")
	return cmd
}

// quoteMargin sets quoted paragraphs off from the lines that name them.
const quoteMargin = "    "

// printResults writes the ranked paragraphs, each wrapped at width
// columns (0: one line).
func printResults(w io.Writer, results []retrieval.Result, width int) {
	if len(results) == 0 {
		fmt.Fprintln(w, "No paragraph matches.")
	}
	for _, r := range results {
		fmt.Fprintf(w, "%d. %s, ¶%s%s  (score %.4f)\n%s%s\n\n", r.Rank, r.Title, r.Label(), pageOf(r.Source), r.Score, sourceLine(r.Source), wrapIndented(r.Text, quoteMargin, width))
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
