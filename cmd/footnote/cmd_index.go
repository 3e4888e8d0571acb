package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) indexCommand() *cobra.Command {
	var rebuild bool
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Build or refresh the index of the corpus",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, skipped, err := a.loadCorpus(cmd.Context())
			if err != nil {
				return err
			}
			ix, st, where, err := a.openStore(cmd.Context(), sourceOf(c), rebuild, a.progressBar())
			if err != nil {
				return err
			}
			if st.Built {
				a.warnSkipped(skipped)
			}
			m := ix.Manifest()
			docs := map[string]bool{}
			for _, p := range c.Paragraphs() {
				docs[p.Doc] = true
			}
			verb := "loaded"
			if st.Built {
				reason := st.Reason
				if st.Refitted {
					reason += "; the local embedder refitted, over a tenth of its paragraphs having changed since its fit"
				}
				verb = "built (" + reason + ")"
				if st.Embedded < ix.Len() {
					verb += fmt.Sprintf(", %d paragraphs embedded and %d kept from the previous index or the embedding cache,", st.Embedded, ix.Len()-st.Embedded)
				}
			}
			if st.SaveErr != nil {
				return fmt.Errorf("index built in %s but nothing was saved to %s: the next command will build it again", st.Took.Round(timeUnit(st.Took)), where)
			}
			fmt.Fprintf(a.stdout, "index %s in %s: %d documents, %d paragraphs, embedder %s (%d dimensions)\n%s\n",
				verb, st.Took.Round(timeUnit(st.Took)), len(docs), ix.Len(), m.EmbedderID, m.Dimension, where)
			return nil
		},
	}
	cmd.Flags().BoolVar(&rebuild, "rebuild", false, "rebuild in full even if the stored index is current (refits the local embedder)")
	return cmd
}
