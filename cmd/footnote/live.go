package main

import (
	"context"
	"fmt"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// liveDebounce is how long the corpus folder must stay quiet before the
// bot rebuilds: long enough for a batch of saves, short enough to feel live.
const liveDebounce = 2 * time.Second

// liveCorpus makes the engine's index follow the corpus folder: it puts
// a retrieval.Live behind the engine and returns the loop that watches the
// folder and swaps in a new index each time it changes; the folder is
// watched from the moment liveCorpus returns. Nothing changes for the
// built-in corpus, which cannot.
func (a *app) liveCorpus(eng *answer.Engine) func(context.Context) {
	ix, ok := eng.Retriever.(*retrieval.Index)
	if !ok || a.cfg.CorpusDir == "" {
		return nil
	}
	w, err := corpus.Watch(a.cfg.CorpusDir)
	if err != nil {
		a.warn(fmt.Sprintf("%v; new articles need a restart", err))
		return nil
	}
	live := retrieval.NewLive(ix)
	eng.Retriever = live
	return func(ctx context.Context) {
		w.Run(ctx, liveDebounce, func() { a.refresh(ctx, live) })
	}
}

// refresh builds the index of the corpus as it is now and swaps it in.
// Questions in flight finish on the index they started with; if the build
// fails, the old index keeps answering and one line says why.
func (a *app) refresh(ctx context.Context, live *retrieval.Live) {
	ix, st, err := a.openIndex(ctx, false, nil)
	switch {
	case ctx.Err() != nil:
		return
	case err != nil:
		a.warn(fmt.Sprintf("corpus changed, but its new index failed: %v; still answering from the previous one", err))
		return
	}
	rix, ok := ix.(*retrieval.Index)
	if !ok {
		return // liveCorpus only follows the in-process store
	}
	live.Swap(rix)
	if st.Built {
		a.warn(fmt.Sprintf("corpus changed: now answering from %d paragraphs (%d embedded) in %s", ix.Len(), st.Embedded, st.Took.Round(time.Millisecond)))
	}
}
