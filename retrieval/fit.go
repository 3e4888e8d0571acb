package retrieval

import (
	"time"
)

// The local embedder weighs words by IDF, and, like any fitted vectoriser,
// it is fitted once: a full build takes the corpus's own document
// frequencies and stores them with the index (fit.bin). An incremental
// build keeps that fit, so every unchanged paragraph keeps its vector and
// only the contexts an edit touched are embedded again; a word the fit
// never saw gets the IDF the fit gives an unseen word (the highest). BM25
// is not fitted: its IDF is recomputed exactly on every build from the
// term counts kept per paragraph. A full refit — a full build — happens
// when the corpus has drifted from the fit by more than 1/refitDivisor of
// the fitted paragraphs, and on `footnote index --rebuild`.

// refitDivisor: the local embedder is refitted once more than a tenth of
// the fitted paragraph count has been added, changed or removed since
// the fit. A tenth moves no document frequency by more than a tenth of the
// corpus, so no IDF by more than ln(1.1) ≈ 0.1 from its refitted value.
const refitDivisor = 10

// fit is what the local embedder's IDF was fitted on.
type fit struct {
	// n is the number of paragraphs fitted on; df their document
	// frequencies by stem.
	n  int
	df map[string]int
	// texts counts the fitted paragraphs' texts by key, to measure drift.
	texts map[contentKey]int32
}

// newFit fits on the chunks of a build: their keys and term counts.
func newFit(keys []chunkKeys, terms *termTable) *fit {
	f := &fit{n: len(keys), df: terms.docFreqs(), texts: make(map[contentKey]int32, len(keys))}
	for _, k := range keys {
		f.texts[k.text]++
	}
	return f
}

// idf is the fitted IDF of stem: BM25's, over the fitted frequencies.
func (f *fit) idf(stem string) float64 { return BM25IDF(f.n, f.df[stem]) }

// drift counts how far a corpus keyed by keys is from the fit: the larger
// of the paragraphs whose text the fit did not see and the fitted texts the
// corpus no longer has. A changed paragraph counts once, as does an added or
// a removed one; a paragraph moved elsewhere counts not at all.
func (f *fit) drift(keys []chunkKeys) int {
	matched := make(map[contentKey]int32, len(f.texts))
	added := 0
	for _, k := range keys {
		if matched[k.text] < f.texts[k.text] {
			matched[k.text]++
		} else {
			added++
		}
	}
	removed := f.n - (len(keys) - added)
	return max(added, removed)
}

// outgrown says whether a drift calls for a refit.
func (f *fit) outgrown(drift int) bool { return drift*refitDivisor > f.n }

// FitInfo records in the manifest what the local embedder's IDF was
// fitted on, so that an index says how far its vectors' weights lag the
// corpus.
type FitInfo struct {
	// Paragraphs is how many paragraphs the IDF was fitted on.
	Paragraphs int `json:"paragraphs"`
	// Drift is how many paragraphs were added, changed or removed since
	// (fit.drift); past a tenth of Paragraphs the next build refits.
	Drift int `json:"drift"`
	// Fitted is when the fit was made: the last full build.
	Fitted time.Time `json:"fitted"`
}

// refitted says whether ix, built over pr, fitted the local embedder
// afresh although pr had a fit it could have kept.
func (ix *Index) refitted(pr *prior) bool {
	return pr != nil && pr.fit != nil && ix.fit != nil && ix.fit != pr.fit
}
