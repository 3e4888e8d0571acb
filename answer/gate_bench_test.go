package answer

import (
	"context"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
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
		extract(q, results, ix.Terms(), &analysis.StemCache{})
	}
}

// BenchmarkGateSignals is what the gate adds to an answer: measuring its
// signals on the extraction.
func BenchmarkGateSignals(b *testing.B) {
	q, results, ix := gateBench(b)
	ex := extract(q, results, ix.Terms(), &analysis.StemCache{})
	for b.Loop() {
		measure(q, results, ex, ix.Terms(), 0.6)
	}
}

// BenchmarkGateOffSources is what the LLM-mode gate adds when the
// extractive answer is off the question: the verifier's check on every
// sentence of the paragraphs the model would read. The question's sources
// hold no sentence that addresses it, so every sentence is read.
func BenchmarkGateOffSources(b *testing.B) {
	_, _, ix := gateBench(b)
	q := "What is the capital of France?"
	results, err := ix.Search(context.Background(), q, DefaultK, retrieval.SearchOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if offSources(q, results, ix.Terms()) != 1 {
		b.Fatal("a source sentence addresses the question: the benchmark would stop early")
	}
	for b.Loop() {
		offSources(q, results, ix.Terms())
	}
}
