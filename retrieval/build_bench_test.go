package retrieval

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
)

// BenchmarkBuild times building an index in memory with the local embedder
// — tokenising, BM25, embedding every paragraph in its context, loading
// the vectors into chromem-go — and reports paragraphs per second.
func BenchmarkBuild(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			c, _ := synthCorpus(n)
			start, cpu := time.Now(), cpuTime(b)
			runs := 0
			for b.Loop() {
				if _, _, err := Open(ctx, c, Options{}); err != nil {
					b.Fatal(err)
				}
				runs++
			}
			b.ReportMetric(float64(n*runs)/time.Since(start).Seconds(), "paragraphs/s")
			b.ReportMetric(float64(n*runs)/(cpuTime(b)-cpu).Seconds(), "paragraphs/cpu-s")
		})
	}
}

// BenchmarkReindex times what a one-file change costs against a full build
// of the same corpus on disk: "full" builds the changed corpus from
// nothing (Rebuild), "one-file" opens it over the index of the corpus as
// it was before one document (20 paragraphs) was edited — incrementally,
// so it fails unless only the 3 contexts the edit changed are embedded —
// and "one-file+search" adds the first search, which reads the vectors the
// incremental build left in the file it links. All report CPU time per
// build beside wall time.
func BenchmarkReindex(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes[:2] {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			before, _ := synthCorpus(n)
			after := editedCopy(before)
			b.Run("full", func(b *testing.B) {
				dir := b.TempDir()
				cpu := time.Duration(0)
				for b.Loop() {
					b.StopTimer()
					collect()
					c0 := cpuTime(b)
					b.StartTimer()
					if _, _, err := Open(ctx, after, Options{Dir: dir, Rebuild: true}); err != nil {
						b.Fatal(err)
					}
					cpu += cpuTime(b) - c0
				}
				b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
			})
			for _, search := range []bool{false, true} {
				name := "one-file"
				if search {
					// The first search after it, which reads the vectors an
					// incremental build leaves in the base file it links.
					name = "one-file+search"
				}
				b.Run(name, func(b *testing.B) {
					dir := b.TempDir()
					cpu := time.Duration(0)
					for b.Loop() {
						b.StopTimer()
						if _, _, err := Open(ctx, before, Options{Dir: dir, Rebuild: true}); err != nil {
							b.Fatal(err)
						}
						collect()
						c0 := cpuTime(b)
						b.StartTimer()
						ix, st, err := Open(ctx, after, Options{Dir: dir})
						if err != nil || !st.Built || st.Embedded != 3 {
							b.Fatalf("re-embedded %d, want the 3 contexts the edit changed (%v)", st.Embedded, err)
						}
						if search {
							if _, err := ix.Search(ctx, "harbours", 5, SearchOptions{}); err != nil {
								b.Fatal(err)
							}
						}
						cpu += cpuTime(b) - c0
					}
					b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
				})
			}
		})
	}
}

// collect runs a garbage collection while the timer is stopped, so that
// the run timed next does not pay for the garbage its set-up (a full
// build of another corpus) left — as a re-index in a new process would
// not.
func collect() { runtime.GC() }

// cpuTime is the CPU time the process has used (user and system), which,
// unlike wall time, a machine shared with other work does not inflate.
func cpuTime(b *testing.B) time.Duration {
	b.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// editedCopy changes one paragraph in the middle document of c.
func editedCopy(c *corpus.Corpus) *corpus.Corpus {
	out := &corpus.Corpus{Hash: c.Hash + "-edited", Documents: append([]corpus.Document(nil), c.Documents...)}
	d := &out.Documents[len(out.Documents)/2]
	d.Paragraphs = append([]corpus.Paragraph(nil), d.Paragraphs...)
	d.Paragraphs[3].Text += " An added sentence about harbours."
	return out
}

// BenchmarkReindexRemote is BenchmarkReindex with the OpenAI-compatible
// embedder against the fake server on 127.0.0.1 (which embeds with a
// 64-slot local embedder): "full" embeds every paragraph afresh, "one-file"
// re-embeds only the contexts the edit changed, the rest coming from the
// embedding cache. Request latency is loopback only, so a real API widens
// the gap.
func BenchmarkReindexRemote(b *testing.B) {
	ctx := context.Background()
	srv := fakeopenai.New(b, fakeopenai.Options{APIKey: "sk-bench", EmbeddingModel: "bench-embed"})
	srv.AlwaysEmbed(fakeopenai.Vectors(NewLocalEmbedder(64, func(string) float64 { return 1 })))
	emb := NewOpenAIEmbedder(openaiapi.Config{BaseURL: srv.URL, APIKey: "sk-bench", EmbeddingModel: "bench-embed"})
	for _, n := range benchSizes[:2] {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			before, _ := synthCorpus(n)
			after := editedCopy(before)
			b.Run("full", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					dir := b.TempDir() // no cache: everything is embedded
					b.StartTimer()
					if _, _, err := Open(ctx, after, Options{Dir: dir, Embedder: emb}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("one-file", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					// A folder of its own each time: the embedding cache keeps
					// the edited contexts once embedded, so a second run in
					// the same folder would embed none.
					dir := b.TempDir()
					if _, _, err := Open(ctx, before, Options{Dir: dir, Embedder: emb}); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					_, st, err := Open(ctx, after, Options{Dir: dir, Embedder: emb})
					if err != nil || st.Embedded != 3 {
						b.Fatalf("re-embedded %d, want the 3 contexts the edit changed (%v)", st.Embedded, err)
					}
				}
			})
		})
	}
}

// BenchmarkReindexRepeated re-indexes one folder over and over, each time
// after a one-paragraph edit (undone the next time): every timed build is
// incremental, with no set-up between them, which makes it the one to
// profile (-cpuprofile) for where an incremental build spends its time.
func BenchmarkReindexRepeated(b *testing.B) {
	ctx := context.Background()
	before, _ := synthCorpus(10_000)
	after := editedCopy(before)
	dir := b.TempDir()
	if _, _, err := Open(ctx, before, Options{Dir: dir, Rebuild: true}); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		c := after
		if i%2 == 1 {
			c = before
		}
		if _, st, err := Open(ctx, c, Options{Dir: dir}); err != nil || st.Embedded != 3 {
			b.Fatalf("re-embedded %d, want the 3 contexts the edit changed (%v)", st.Embedded, err)
		}
		i++
	}
}
