package retrieval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// edited returns a copy of c with k paragraphs changed, under a new hash:
// edit j changes paragraph 3 + j/D of document j%D (D documents), so the
// first D edits touch one paragraph of each document.
func edited(c *corpus.Corpus, k int, tag string) *corpus.Corpus {
	return editedFrom(c, 0, k, tag)
}

// editedFrom is edited with edits from, …, from+k-1.
func editedFrom(c *corpus.Corpus, from, k int, tag string) *corpus.Corpus {
	out := &corpus.Corpus{Hash: c.Hash + "-" + tag, Documents: append([]corpus.Document(nil), c.Documents...)}
	copied := map[int]bool{}
	for j := from; j < from+k; j++ {
		d := j % len(out.Documents)
		doc := &out.Documents[d]
		if !copied[d] {
			doc.Paragraphs = append([]corpus.Paragraph(nil), doc.Paragraphs...)
			copied[d] = true
		}
		doc.Paragraphs[2+j/len(out.Documents)].Text += fmt.Sprintf(" An added sentence about harbours %s.", tag)
	}
	return out
}

// vectorsWithFit embeds every paragraph of ps in its context from scratch
// with the local embedder weighted by f: a fresh build that keeps f.
func vectorsWithFit(ps []corpus.Paragraph, f *fit) [][]float32 {
	emb := NewLocalEmbedder(0, f.idf)
	fs := newFeatures(emb)
	words := make([][]*wordFeature, len(ps))
	for i, p := range ps {
		words[i] = fs.of(p.Text)
	}
	fs.weigh()
	vecs := make([][]float32, len(ps))
	emb.contextVectors(fs, ps, words, vecs, 0, len(ps))
	return vecs
}

func tokensOf(ps []corpus.Paragraph) [][]string {
	toks := make([][]string, len(ps))
	for i, p := range ps {
		toks[i] = analysis.Tokens(p.Text)
	}
	return toks
}

func openAt(t *testing.T, c *corpus.Corpus, dir string, rebuild bool) (*Index, Status) {
	t.Helper()
	ix, st, err := Open(context.Background(), c, Options{Dir: dir, Rebuild: rebuild})
	if err != nil {
		t.Fatal(err)
	}
	return ix, st
}

func TestAnIncrementalBuildEqualsAFreshBuildWithTheSameFit(t *testing.T) {
	before, _ := synthCorpus(600)
	after := edited(before, 2, "a")
	dir := t.TempDir()
	first, _ := openAt(t, before, dir, false)
	ix, st := openAt(t, after, dir, false)
	if !st.Built || st.Refitted || st.Embedded != 6 {
		t.Fatalf("status %+v; want an incremental build embedding the 6 contexts the edits changed", st)
	}
	m := ix.Manifest()
	if m.Fit == nil || m.Fit.Paragraphs != 600 || m.Fit.Drift != 2 {
		t.Errorf("manifest fit %+v; want 600 paragraphs fitted, drift 2", m.Fit)
	}
	want := vectorsWithFit(after.Paragraphs(), first.fit)
	for i := range want {
		if !reflect.DeepEqual(vecsOf(t, ix)[i], want[i]) {
			t.Fatalf("chunk %d: the incremental vector differs from a fresh build's with the same fit", i)
		}
	}
	if !reflect.DeepEqual(ix.Lexical(), NewLexical(tokensOf(after.Paragraphs()))) {
		t.Error("BM25 after the incremental build differs from one built afresh: it must stay exact")
	}
	if !reflect.DeepEqual(ix.paragraphs, after.Paragraphs()) {
		t.Error("the incremental build's paragraphs are not the corpus's")
	}

	loaded, st := openAt(t, after, dir, false)
	if st.Built {
		t.Fatalf("the incremental index was rebuilt on the next open (%s)", st.Reason)
	}
	if !reflect.DeepEqual(vecsOf(t, loaded), vecsOf(t, ix)) || !reflect.DeepEqual(loaded.Lexical(), ix.Lexical()) || !reflect.DeepEqual(loaded.paragraphs, ix.paragraphs) {
		t.Error("the index read back differs from the one built")
	}
	q1, _ := ix.embedQuery(context.Background(), "harbours and the new sentence")
	q2, _ := loaded.embedQuery(context.Background(), "harbours and the new sentence")
	if !reflect.DeepEqual(q1, q2) {
		t.Error("the index read back embeds queries with another IDF than its vectors were built with")
	}
}

func TestAnIncrementalBuildLinksTheFilesItDidNotChange(t *testing.T) {
	before, _ := synthCorpus(600)
	dir := t.TempDir()
	openAt(t, before, dir, false)
	gen0 := liveGen(t, dir)
	openAt(t, edited(before, 1, "a"), dir, false)
	gen1 := liveGen(t, dir)
	for _, name := range []string{vectorsFile, paragraphsFile, termsFile, fitFile} {
		if !sameFile(t, filepath.Join(gen0, name), filepath.Join(gen1, name)) {
			t.Errorf("%s was written again; want it linked from the generation before", name)
		}
	}
	if sameFile(t, filepath.Join(gen0, chunksFile), filepath.Join(gen1, chunksFile)) {
		t.Error("chunks.bin was linked, but the chunks changed")
	}
}

func TestDriftPastATenthOfTheFitRefitsTheLocalEmbedder(t *testing.T) {
	before, _ := synthCorpus(600) // 30 documents of 20 paragraphs
	dir := t.TempDir()
	openAt(t, before, dir, false)
	tests := []struct {
		name    string
		c       *corpus.Corpus
		refit   bool
		drift   int
		fitSize int
	}{
		{"a tenth changed keeps the fit", edited(before, 60, "a"), false, 60, 600},
		{"the same tenth changed again still keeps it", edited(before, 60, "b"), false, 60, 600},
		{"one more than a tenth refits", edited(before, 61, "c"), true, 0, 600},
		{"the next edit keeps the new fit", edited(edited(before, 61, "c"), 1, "d"), false, 1, 600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, st := openAt(t, tt.c, dir, false)
			m := ix.Manifest()
			if st.Refitted != tt.refit || m.Fit == nil || m.Fit.Drift != tt.drift || m.Fit.Paragraphs != tt.fitSize {
				t.Fatalf("refitted %v, fit %+v; want refitted %v, drift %d of %d", st.Refitted, m.Fit, tt.refit, tt.drift, tt.fitSize)
			}
			if tt.refit {
				full, _ := openAt(t, tt.c, t.TempDir(), false)
				if !reflect.DeepEqual(vecsOf(t, ix), vecsOf(t, full)) {
					t.Error("a refitted index's vectors differ from a full build's")
				}
			}
		})
	}
}

func TestRebuildRefitsTheLocalEmbedder(t *testing.T) {
	before, _ := synthCorpus(600)
	dir := t.TempDir()
	openAt(t, before, dir, false)
	after := edited(before, 3, "a")
	openAt(t, after, dir, false)
	ix, st := openAt(t, after, dir, true)
	if m := ix.Manifest(); st.Embedded != 600 || m.Fit == nil || m.Fit.Drift != 0 || m.Fit.Paragraphs != 600 {
		t.Errorf("after --rebuild: embedded %d, fit %+v; want everything embedded, a fresh fit", st.Embedded, m.Fit)
	}
	full, _ := openAt(t, after, t.TempDir(), false)
	if !reflect.DeepEqual(vecsOf(t, ix), vecsOf(t, full)) {
		t.Error("a rebuilt index's vectors differ from a first build's")
	}
}

func TestManyEditsCompactTheDelta(t *testing.T) {
	c, _ := synthCorpus(200)
	dir := t.TempDir()
	openAt(t, c, dir, false)
	// Each round edits another paragraph, ten apart and none first or last
	// in its article: its context's row and its neighbours' go to the delta, until the delta passes a quarter of
	// the chunks and everything is written afresh. 20 edits of 200
	// paragraphs stay within the fit.
	compacted, compactedAt := false, 0
	for round := range 20 {
		c = editedAt(c, 10*round+5, fmt.Sprint(round))
		ix, _ := openAt(t, c, dir, false)
		l := ix.layout.plan
		if len(l.deltaFrom)*4 > ix.Len() {
			t.Fatalf("round %d: %d delta rows for %d chunks", round, len(l.deltaFrom), ix.Len())
		}
		switch {
		case !l.linkBase:
			compacted = true
		case compacted && len(l.deltaFrom) > 3*(round-compactedAt):
			t.Fatalf("round %d: %d delta rows %d rounds after compacting", round, len(l.deltaFrom), round-compactedAt)
		}
		if !l.linkBase {
			compactedAt = round
		}
		if st := ix.Manifest().Fit; st.Drift != round+1 {
			t.Fatalf("round %d: drift %d, want %d", round, st.Drift, round+1)
		}
		if want := vectorsWithFit(c.Paragraphs(), ix.fit); round%5 == 4 && !reflect.DeepEqual(vecsOf(t, ix), want) {
			t.Fatalf("round %d: vectors differ from a fresh build's with the same fit", round)
		}
	}
	if !compacted {
		t.Error("20 edits never rewrote the vectors afresh")
	}
}

// editedAt returns a copy of c with its n-th paragraph (in chunk order)
// changed.
func editedAt(c *corpus.Corpus, n int, tag string) *corpus.Corpus {
	out := &corpus.Corpus{Hash: c.Hash + "-" + tag, Documents: append([]corpus.Document(nil), c.Documents...)}
	for d := range out.Documents {
		doc := &out.Documents[d]
		if n < len(doc.Paragraphs) {
			doc.Paragraphs = append([]corpus.Paragraph(nil), doc.Paragraphs...)
			doc.Paragraphs[n].Text += " An added sentence about harbours " + tag + "."
			return out
		}
		n -= len(doc.Paragraphs)
	}
	return out
}

// vecsOf returns the index's vectors, read first if an incremental build
// left them in the base file.
func vecsOf(t *testing.T, ix *Index) [][]float32 {
	t.Helper()
	if err := ix.vectorsReady(context.Background()); err != nil {
		t.Fatal(err)
	}
	return ix.vecs
}

func liveGen(t *testing.T, dir string) string {
	t.Helper()
	name, err := currentGeneration(dir)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	sa, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(sa, sb)
}

func TestAnIncrementalIndexReadsItsBaseVectorsOnTheFirstVectorSearch(t *testing.T) {
	before, queries := synthCorpus(600)
	after := edited(before, 2, "a")
	dir := t.TempDir()
	openAt(t, before, dir, false)
	ix, _ := openAt(t, after, dir, false)
	if ix.vectors != nil {
		t.Fatal("the incremental build read the base vectors it only links")
	}
	// Later builds remove the generations that held the base file; the
	// index still reads it, from the file it holds open.
	openAt(t, after, dir, true)
	openAt(t, after, dir, true)

	other := t.TempDir()
	openAt(t, before, other, false)
	openAt(t, after, other, false)
	loaded, st := openAt(t, after, other, false)
	if st.Built {
		t.Fatal("the second folder's index was rebuilt instead of loaded")
	}
	for _, q := range queries[:8] {
		got, err := ix.Search(context.Background(), q, 5, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := loaded.Search(context.Background(), q, 5, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: the incremental index ranks %v, the same index loaded from disk %v", q, got, want)
		}
	}
	if ix.vectors == nil {
		t.Error("searching never read the base vectors")
	}
}

func TestAnIncrementalIndexDerivesItsPostingsOnFirstUse(t *testing.T) {
	before, queries := synthCorpus(600)
	after := edited(before, 2, "a")
	dir := t.TempDir()
	openAt(t, before, dir, false)
	ix, _ := openAt(t, after, dir, false)
	if ix.lexical != nil {
		t.Fatal("the incremental build derived the BM25 postings it does not need to save")
	}
	loaded, _ := openAt(t, after, dir, false)
	// Concurrent first searches derive the postings once, and rank as the
	// same index loaded from disk does.
	var wg sync.WaitGroup
	got := make([][]Result, 8)
	errs := make([]error, len(got))
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = ix.Search(context.Background(), queries[i], 5, SearchOptions{})
		}()
	}
	wg.Wait()
	for i := range got {
		want, err := loaded.Search(context.Background(), queries[i], 5, SearchOptions{})
		if errs[i] != nil || err != nil {
			t.Fatal(errs[i], err)
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Fatalf("%q: the incremental index ranks %v, the same index loaded %v", queries[i], got[i], want)
		}
	}
	if !reflect.DeepEqual(ix.lexical, NewLexical(tokensOf(after.Paragraphs()))) {
		t.Error("the postings derived on first use are not NewLexical's over the new corpus")
	}
}

func TestACorruptPriorIndexIsRebuiltNotCarriedOver(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		damage func(data []byte) []byte
	}{
		// The files a build decodes are checked in full before it does.
		{"a byte flipped in terms.bin", termsFile, flipMiddle},
		{"a byte flipped in chunks.bin", chunksFile, flipMiddle},
		{"a byte flipped in fit.bin", fitFile, flipMiddle},
		// The bases it links unread are checked for their length.
		{"vectors.f32 cut short", vectorsFile, cutShort},
		{"vectors.f32 appended to", vectorsFile, appendedTo},
		{"paragraphs.bin cut short", paragraphsFile, cutShort},
		{"paragraphs.bin appended to", paragraphsFile, appendedTo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := synthCorpus(300)
			dir := t.TempDir()
			openAt(t, before, dir, false)
			path := damage(t, filepath.Join(liveGen(t, dir), tt.file), tt.damage)
			after := edited(before, 1, "a")
			ix, st := openAt(t, after, dir, false)
			if st.Embedded != 300 {
				t.Errorf("built over a corrupt %s: embedded %d, want a full build of 300", tt.file, st.Embedded)
			}
			if sameFile(t, path, filepath.Join(liveGen(t, dir), tt.file)) {
				t.Errorf("the corrupt %s was linked into the new generation", tt.file)
			}
			loaded, st := openAt(t, after, dir, false)
			if st.Built || !reflect.DeepEqual(vecsOf(t, loaded), vecsOf(t, ix)) {
				t.Errorf("the rebuilt index did not load back as built (rebuilt again: %v)", st.Built)
			}
		})
	}
}

// A base an incremental build links without reading it is checked only
// for its owner and length then (lazybase.go): a byte flipped inside it
// may be carried into the new generation, but no byte of it is ever used.
func TestACorruptLinkedBaseIsNeverUsed(t *testing.T) {
	for _, file := range []string{vectorsFile, paragraphsFile} {
		t.Run("a byte flipped in "+file, func(t *testing.T) {
			before, queries := synthCorpus(300)
			dir := t.TempDir()
			openAt(t, before, dir, false)
			damage(t, filepath.Join(liveGen(t, dir), file), flipMiddle)
			after := edited(before, 1, "a")
			var warnings []string
			keep := func(s string) { warnings = append(warnings, s) }
			ix, st, err := Open(context.Background(), after, Options{Dir: dir, Warn: keep})
			if err != nil || st.Embedded != 3 {
				t.Fatalf("the incremental build: embedded %d (%v), want the 3 contexts the edit changed", st.Embedded, err)
			}
			if !reflect.DeepEqual(ix.Paragraphs(), after.Paragraphs()) {
				t.Error("the incremental index's paragraphs are not the corpus's")
			}
			res, err := ix.Search(context.Background(), queries[0], 5, SearchOptions{})
			if err != nil || len(res) == 0 {
				t.Fatalf("search: %v, %d results", err, len(res))
			}
			if file == vectorsFile {
				if ix.vectors != nil {
					t.Error("the floats of a base that fails its checksum reached chromem-go")
				}
				if !containsAll(warnings, "ranking by BM25 alone", "vectors.f32 checksum mismatch") {
					t.Errorf("the search over a corrupt base said %q, want the checksum mismatch and the BM25 fallback", warnings)
				}
			}
			// The next process to load the generation checks every file.
			warnings = nil
			rebuilt, st, err := Open(context.Background(), after, Options{Dir: dir, Warn: keep})
			if err != nil || !st.Built || st.Embedded != 300 {
				t.Fatalf("loading the generation that links the corrupt %s: built %v, embedded %d (%v), want a full rebuild", file, st.Built, st.Embedded, err)
			}
			if !containsAll(warnings, file+" checksum mismatch", "rebuilding it") {
				t.Errorf("the rebuild said %q, want the corrupt %s named", warnings, file)
			}
			fresh, _ := openAt(t, after, t.TempDir(), false)
			if !reflect.DeepEqual(vecsOf(t, rebuilt), vecsOf(t, fresh)) {
				t.Error("the rebuilt index's vectors are not a fresh build's")
			}
		})
	}
}

// A build that must rewrite the base vectors reads them, and over a base
// that fails its checksum builds from nothing instead.
func TestABuildThatRewritesACorruptBaseBuildsFromNothing(t *testing.T) {
	before, _ := synthCorpus(300)
	dir := t.TempDir()
	openAt(t, before, dir, false)
	damage(t, filepath.Join(liveGen(t, dir), vectorsFile), flipMiddle)
	// 26 edits, ten paragraphs apart: 78 contexts change, more than a
	// quarter of the chunks, so the base is rewritten; a drift of 26 stays
	// within the fit.
	after := before
	for r := range 26 {
		after = editedAt(after, 10*r+5, fmt.Sprint(r))
	}
	var warnings []string
	ix, st, err := Open(context.Background(), after, Options{Dir: dir, Warn: func(s string) { warnings = append(warnings, s) }})
	if err != nil || st.Embedded != 300 {
		t.Fatalf("embedded %d (%v), want a full build of 300", st.Embedded, err)
	}
	if !containsAll(warnings, "vectors.f32 checksum mismatch", "rebuilding it") {
		t.Errorf("the build said %q, want the corrupt base named", warnings)
	}
	fresh, _ := openAt(t, after, t.TempDir(), false)
	if !reflect.DeepEqual(vecsOf(t, ix), vecsOf(t, fresh)) {
		t.Error("the index built over a corrupt base is not a fresh build")
	}
}

// damage rewrites the file at path as change makes its bytes, in place
// (the same inode, as a bit flipped on disk would be), and returns path.
func damage(t *testing.T, path string, change func([]byte) []byte) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, change(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func flipMiddle(data []byte) []byte {
	data[len(data)/2] ^= 0xff
	return data
}

func cutShort(data []byte) []byte { return data[:len(data)-4] }

func appendedTo(data []byte) []byte { return append(data, 0, 0, 0, 0) }

// containsAll says whether one of lines contains every part.
func containsAll(lines []string, parts ...string) bool {
	for _, l := range lines {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}
