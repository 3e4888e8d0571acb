package weaviate_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/retrieval"
	"github.com/footnote-dev/footnote/retrieval/weaviate"
)

// benchParagraphs is the synthetic corpus size, FOOTNOTE_BENCH_PARAGRAPHS
// (default 10,000; BENCHMARKS.md records 100,000 where it was run).
func benchParagraphs(b *testing.B) int {
	if v := os.Getenv("FOOTNOTE_BENCH_PARAGRAPHS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 100 {
			b.Fatalf("FOOTNOTE_BENCH_PARAGRAPHS=%q", v)
		}
		return n
	}
	return 10000
}

var benchQuestions = []string{
	"Where did the envoy meet the minister?", "drought harvest railway", "What happened at the shipyard in 1977?",
	"Which treaty did the parliament sign?", "reactor refinery pipeline", "Who visited the embassy near the harbour?",
}

// searchesPerOp is how many searches one op of a search benchmark runs:
// enough for a 95th percentile even at -benchtime 1x, which the index
// benchmarks need (one build per op).
const searchesPerOp = 300

// latencies runs searchesPerOp searches per op, cycling through the
// benchmark questions, and reports the median and 95th percentile latency.
func latencies(b *testing.B, search func(q string) error) {
	var ds []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N*searchesPerOp; i++ {
		q := benchQuestions[i%len(benchQuestions)]
		start := time.Now()
		if err := search(q); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, "p95-ms")
}

// nodeRSS is the resident memory of each node of the test cluster, in MiB,
// read from the pid files scripts/weaviate-cluster keeps.
func nodeRSS(b *testing.B) []float64 {
	dir := os.Getenv("FOOTNOTE_TEST_WEAVIATE_CLUSTER")
	if dir == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(dir, "node-*.pid"))
	var out []float64
	for _, f := range files {
		pid, _ := os.ReadFile(f)
		status, err := os.ReadFile("/proc/" + strings.TrimSpace(string(pid)) + "/status")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(kb), " kB"))
				out = append(out, float64(n)/1024)
			}
		}
	}
	return out
}

// BenchmarkStores indexes one synthetic corpus in both stores, then
// searches it: bulk index throughput, search p50/p95, and memory (the
// Weaviate nodes' resident size; the in-process store's heap).
func BenchmarkStores(b *testing.B) {
	nodes := endpoints(b)
	ctx := context.Background()
	n := benchParagraphs(b)
	c := synthetic(b, n, max(n/200, 1))
	alias := collection(b, nodes[0])
	var s *weaviate.Store
	var ix *retrieval.Index
	b.Run(fmt.Sprintf("index/weaviate/%d", n), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var err error
			start := time.Now()
			if s, _, err = weaviate.Open(ctx, c, weaviate.Options{Endpoints: nodes, Collection: alias, Rebuild: true}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "paragraphs/s")
		}
		for i, mib := range nodeRSS(b) {
			b.ReportMetric(mib, fmt.Sprintf("node%d-MiB", i))
		}
	})
	b.Run(fmt.Sprintf("index/chromem/%d", n), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var err error
			start := time.Now()
			if ix, _, err = retrieval.Open(ctx, c, retrieval.Options{}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "paragraphs/s")
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MiB")
	})
	if s == nil || ix == nil {
		b.Fatal("an index benchmark failed")
	}
	b.Run(fmt.Sprintf("search/weaviate/%d", n), func(b *testing.B) {
		latencies(b, func(q string) error { _, err := s.Search(ctx, q, 5, retrieval.SearchOptions{}); return err })
	})
	b.Run(fmt.Sprintf("search/chromem/%d", n), func(b *testing.B) {
		latencies(b, func(q string) error { _, err := ix.Search(ctx, q, 5, retrieval.SearchOptions{}); return err })
	})
}
