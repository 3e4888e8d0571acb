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
			if k < 1 {
				return usageError{fmt.Errorf("-k must be at least 1, not %d", k)}
			}
			a.collectLessForOneQuestion()
			ix, _, err := a.openIndex(cmd.Context(), false, a.progressBar())
			if err != nil {
				return err
			}
			results, err := ix.Search(cmd.Context(), q, k, a.cfg.searchOptions())
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if results == nil {
				results = []retrieval.Result{}
			}
			if asJSON {
				return writeJSON(a.stdout, searchOutput{Query: q, Results: results})
			}
			printResults(a.stdout, results)
			return nil
		},
	}
	cmd.Flags().IntVarP(&k, "k", "k", 5, "how many paragraphs to show")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: {query, results: [{rank, score, doc, title, paragraph, text}]}")
	return cmd
}

func printResults(w io.Writer, results []retrieval.Result) {
	if len(results) == 0 {
		fmt.Fprintln(w, "No paragraph matches.")
	}
	for _, r := range results {
		fmt.Fprintf(w, "%d. %s, ¶%s%s  (score %.4f)\n%s%s\n\n", r.Rank, r.Title, label(r.Paragraph, r.Part), pageOf(r.Source), r.Score, sourceLine(r.Source), indent(r.Text))
	}
}

func label(n, part int) string {
	if part == 0 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d.%d", n, part)
}

// indent wraps text at 100 columns behind a four-space margin.
func indent(text string) string {
	var b strings.Builder
	col := 0
	b.WriteString("    ")
	for _, w := range strings.Fields(text) {
		if col > 0 && col+1+len(w) > 96 {
			b.WriteString("\n    ")
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
