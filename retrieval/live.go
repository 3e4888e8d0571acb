package retrieval

import (
	"context"
	"sync/atomic"

	"github.com/footnote-dev/footnote/analysis"
)

// Live is an index that can be replaced while it serves: the bot's corpus
// folder changes, a new index is built beside the old one, and Swap puts
// it in place in one atomic step. A question takes Snapshot once and uses
// that index throughout, so questions in flight finish on the index they
// started with.
type Live struct {
	cur atomic.Pointer[Index]
}

// NewLive serves ix until the first Swap.
func NewLive(ix *Index) *Live {
	l := &Live{}
	l.cur.Store(ix)
	return l
}

// Snapshot is the index serving now.
func (l *Live) Snapshot() *Index { return l.cur.Load() }

// Swap makes ix serve from now on and returns the index it replaces.
func (l *Live) Swap(ix *Index) *Index { return l.cur.Swap(ix) }

// Search searches the index serving now.
func (l *Live) Search(ctx context.Context, query string, k int, opts SearchOptions) ([]Result, error) {
	return l.Snapshot().Search(ctx, query, k, opts)
}

// Terms are the term statistics of the index serving now.
func (l *Live) Terms() analysis.TermStats { return l.Snapshot().Terms() }

// Stems is the stem memo of the index serving now (Index.Stems).
func (l *Live) Stems() *analysis.StemCache { return l.Snapshot().Stems() }
