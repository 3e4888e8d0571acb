package answer

import (
	"context"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// gateBench is one question retrieved from the built-in index.
func gateBench(b *testing.B) (string, []retrieval.Result, *retrieval.Index) {
	b.Helper()
	c, err := corpus.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	ix, _, err := retrieval.Open(context.Background(), c, retrieval.Options{})
	if err != nil {
		b.Fatal(err)
	}
	q := "How many countries sent delegations to the Victory Day parade in Moscow?"
	results, err := ix.Search(context.Background(), q, DefaultK, retrieval.SearchOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return q, results, ix
}

// BenchmarkExtract is the extractive answer alone, the yardstick for
// BenchmarkGateSignals.
func BenchmarkExtract(b *testing.B) {
	q, results, ix := gateBench(b)
	for b.Loop() {
		extract(q, results, ix.Terms())
	}
}

// BenchmarkGateSignals is what the gate adds to an answer: measuring its
// signals on the extraction.
func BenchmarkGateSignals(b *testing.B) {
	q, results, ix := gateBench(b)
	ex := extract(q, results, ix.Terms())
	for b.Loop() {
		measure(q, results, ex, ix.Terms(), 0.6)
	}
}
