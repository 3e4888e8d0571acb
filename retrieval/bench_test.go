package retrieval

// Benchmarks of search and index loading on synthetic corpora of 1k, 10k
// and 100k chunks, next to chromem-go's own QueryEmbedding on the very same
// collection. In-package so that the raw query can reach ix.vectors without
// exported API. Nothing here runs without -bench; see BENCHMARKS.md.

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// benchSizes are the corpus sizes, in chunks, issue 2 asks about.
var benchSizes = []int{1_000, 10_000, 100_000}

// benchK is how many results a benchmark search asks for (answer.DefaultK).
const benchK = 5

// synthFixture is a synthetic corpus, its in-memory index and queries.
type synthFixture struct {
	corpus  *corpus.Corpus
	ix      *Index
	queries []string
	// vecs are the queries' embeddings, for the raw chromem-go query.
	vecs  [][]float32
	built time.Duration
}

var (
	synthMu       sync.Mutex
	synthFixtures = map[int]*synthFixture{}
)

// synthIndex returns the fixture of n chunks, building it on first use and
// keeping it for the rest of the process: building 100k chunks takes a
// while, and every benchmark of that size shares one build.
func synthIndex(b *testing.B, n int) *synthFixture {
	b.Helper()
	synthMu.Lock()
	defer synthMu.Unlock()
	if f := synthFixtures[n]; f != nil {
		return f
	}
	c, queries := synthCorpus(n)
	start := time.Now()
	ix, _, err := Open(context.Background(), c, Options{})
	if err != nil {
		b.Fatal(err)
	}
	f := &synthFixture{corpus: c, ix: ix, queries: queries, built: time.Since(start)}
	for _, q := range queries {
		v, err := ix.embedQuery(context.Background(), q)
		if err != nil {
			b.Fatal(err)
		}
		f.vecs = append(f.vecs, v)
	}
	b.Logf("built %d synthetic chunks in %v", n, f.built.Round(time.Millisecond))
	synthFixtures[n] = f
	return f
}

// synthStopWords open the synthetic vocabulary, as function words open the
// frequency list of real English; the tokenizer drops them, as it would.
var synthStopWords = strings.Fields(`the of and to a in that is was he for it with as his on be at by
	this had not are but from or have an they which you were her all she there would their we him
	been has when who will no if out so what up its about into than them only other some these may
	then do any my now such our over me even most after did before must through where your should
	because each those how too very still own both being under never same while might us off since`)

// synthVocabulary returns n distinct words: the stop words, then made-up
// content words of two to four syllables.
func synthVocabulary(r *rand.Rand, n int) []string {
	syllables := strings.Fields("ka lo mi ne su ra te vo pi da gu sha ren tor bel fin mar quo zel dri an ex ol ul")
	words := append([]string(nil), synthStopWords...)
	seen := map[string]bool{}
	for _, w := range words {
		seen[w] = true
	}
	for len(words) < n {
		var sb strings.Builder
		for range 2 + r.IntN(3) {
			sb.WriteString(syllables[r.IntN(len(syllables))])
		}
		if w := sb.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// synthCorpus generates n chunks of Zipfian text deterministically: a
// vocabulary of 5,000 words, sentences of 15–40 words, paragraphs of 2–6
// sentences, documents of 20 paragraphs. The queries are six content words
// picked from random paragraphs, so that each has real matches.
func synthCorpus(n int) (*corpus.Corpus, []string) {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	vocab := synthVocabulary(r, 5000)
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	word := func() string { return vocab[zipf.Uint64()] }
	sentence := func(words int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = word()
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	const perDoc = 20
	c := &corpus.Corpus{Hash: fmt.Sprintf("synthetic-%d", n)}
	for d := 0; d*perDoc < n; d++ {
		doc := corpus.Document{ID: fmt.Sprintf("synthetic/%05d", d), Title: sentence(3 + r.IntN(4))}
		for p := 1; p <= perDoc && d*perDoc+p <= n; p++ {
			ss := make([]string, 2+r.IntN(5))
			for i := range ss {
				ss[i] = sentence(15 + r.IntN(26))
			}
			doc.Paragraphs = append(doc.Paragraphs, corpus.Paragraph{
				ID: fmt.Sprintf("%s#p%d", doc.ID, p), Doc: doc.ID, Title: doc.Title, N: p, Text: strings.Join(ss, " "),
			})
		}
		c.Documents = append(c.Documents, doc)
	}
	ps := c.Paragraphs()
	queries := make([]string, 32)
	for i := range queries {
		var words []string
		for _, w := range analysis.Words(ps[r.IntN(len(ps))].Text) {
			if !analysis.IsStop(w) {
				words = append(words, w)
			}
		}
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		queries[i] = "What about " + strings.Join(words[:6], " ") + "?"
	}
	return c, queries
}

// BenchmarkSearch times, per corpus size: the hybrid search footnote runs,
// chromem-go's raw QueryEmbedding on the same collection with the query
// vector already embedded, BM25 alone, and both of the first two
// interleaved in one loop, which reports their ratio. Interleaving matters
// on a shared machine: both halves see the same background load.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			f := synthIndex(b, n)
			b.Run("hybrid", func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					benchHybrid(b, ctx, f, i)
					i++
				}
			})
			b.Run("vector-raw", func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					benchRaw(b, ctx, f, i)
					i++
				}
			})
			b.Run("bm25", func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					f.ix.Lexical().Search(analysis.ExpandQuery(f.queries[i%len(f.queries)]), minCandidates)
					i++
				}
			})
			b.Run("ratio", func(b *testing.B) {
				var hybrid, raw time.Duration
				i := 0
				for b.Loop() {
					t0 := time.Now()
					benchHybrid(b, ctx, f, i)
					t1 := time.Now()
					benchRaw(b, ctx, f, i)
					hybrid, raw = hybrid+t1.Sub(t0), raw+time.Since(t1)
					i++
				}
				b.ReportMetric(float64(hybrid.Nanoseconds())/float64(b.N), "hybrid-ns/op")
				b.ReportMetric(float64(raw.Nanoseconds())/float64(b.N), "raw-ns/op")
				b.ReportMetric(float64(hybrid)/float64(raw), "hybrid/raw")
			})
		})
	}
}

func benchHybrid(b *testing.B, ctx context.Context, f *synthFixture, i int) {
	res, err := f.ix.Search(ctx, f.queries[i%len(f.queries)], benchK, SearchOptions{})
	if err != nil || len(res) != benchK {
		b.Fatalf("Search: %d results, %v", len(res), err)
	}
}

func benchRaw(b *testing.B, ctx context.Context, f *synthFixture, i int) {
	res, err := f.ix.vectors.QueryEmbedding(ctx, f.vecs[i%len(f.vecs)], benchK, nil, nil)
	if err != nil || len(res) != benchK {
		b.Fatalf("QueryEmbedding: %d results, %v", len(res), err)
	}
}

// BenchmarkLoad times Open on an index saved to disk, and reports the heap
// the loaded index holds: HeapAlloc after a GC, minus HeapAlloc after a GC
// before loading (live bytes; the process's RSS is higher by whatever the
// runtime keeps from decoding garbage). Also the size of the files on disk.
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			f := synthIndex(b, n)
			dir := b.TempDir()
			if err := f.ix.save(dir); err != nil {
				b.Fatal(err)
			}
			load := func() *Index {
				ix, st, err := Open(ctx, f.corpus, Options{Dir: dir})
				if err != nil || st.Built {
					b.Fatalf("Open: built=%v (%s), %v", st.Built, st.Reason, err)
				}
				return ix
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			ix := load()
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(ix)
			b.ReportAllocs()
			for b.Loop() {
				load()
			}
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
			b.ReportMetric(float64(dirSize(b, dir))/(1<<20), "MiB-disk")
		})
	}
}

func dirSize(b *testing.B, dir string) int64 {
	b.Helper()
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return total
}
