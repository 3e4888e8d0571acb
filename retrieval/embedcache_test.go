package retrieval_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/retrieval"
)

// articles writes n articles of five paragraphs each to a new folder.
func articles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for a := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Article %d\n---\n", a)
		for p := range 5 {
			fmt.Fprintf(&b, "Paragraph %d of article %d is about harbour number %d and its %d cranes.\n\n", p, a, a*10+p, p+a)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", a)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadDir(t *testing.T, dir string) *corpus.Corpus {
	t.Helper()
	c, _, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAChangedCorpusReEmbedsOnlyTheChangedParagraphsInBatches(t *testing.T) {
	const batch = 4
	srv, emb := newFakeEmbedder(t, batch)
	srv.AlwaysEmbed(fakeopenai.Vectors(localVectors()))
	dir, index := articles(t, 6), t.TempDir()
	ctx := context.Background()
	_, st, err := retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb})
	if err != nil {
		t.Fatal(err)
	}
	first := len(srv.EmbedCalls())
	if want := (30 + batch - 1) / batch; first != want || st.Embedded != 30 {
		t.Fatalf("first build: %d requests for %d paragraphs, want %d for 30 (batch %d honoured)", first, st.Embedded, want, batch)
	}
	for _, c := range srv.EmbedCalls() {
		if len(c.Embed.Input) > batch {
			t.Errorf("a request carried %d texts, more than the batch of %d", len(c.Embed.Input), batch)
		}
	}

	// Edit the middle paragraph of one article: its text changes, and so
	// do the contexts its two neighbours are embedded in.
	path := filepath.Join(dir, "a03.txt")
	data, _ := os.ReadFile(path)
	edited := strings.Replace(string(data), "Paragraph 2 of article 3 is about", "Paragraph 2 of article 3, edited, is about", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// And add a new article of five paragraphs.
	if err := os.WriteFile(filepath.Join(dir, "new.txt"), []byte("A new one.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, st, err := retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb})
	if err != nil {
		t.Fatal(err)
	}
	const changed = 3 + 5
	requests := len(srv.EmbedCalls()) - first
	if want := (changed + batch - 1) / batch; !st.Built || st.Embedded != changed || requests != want {
		t.Fatalf("after the change: built=%v, embedded %d in %d requests; want %d in ⌈%d/%d⌉ = %d", st.Built, st.Embedded, requests, changed, changed, batch, want)
	}
	if ix.Len() != 35 {
		t.Errorf("%d paragraphs indexed, want 35", ix.Len())
	}
	// A search finds the edited paragraph: its vector and BM25 entry are new.
	res, err := ix.Search(ctx, "edited harbour 32", 1, retrieval.SearchOptions{})
	if err != nil || len(res) == 0 || !strings.Contains(res[0].Text, "edited") {
		t.Errorf("search for the edit: %v %+v", err, res)
	}

	// The same corpus again needs no request at all, even rebuilt.
	before := len(srv.EmbedCalls())
	if _, st, err = retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb, Rebuild: true}); err != nil || st.Embedded != 0 {
		t.Fatalf("rebuild of an unchanged corpus embedded %d (%v)", st.Embedded, err)
	}
	if got := len(srv.EmbedCalls()) - before; got != 0 {
		t.Errorf("rebuild of an unchanged corpus sent %d requests", got)
	}
}

func TestACorruptEmbeddingCacheOnlyCostsRequests(t *testing.T) {
	srv, emb := newFakeEmbedder(t, 8)
	srv.AlwaysEmbed(fakeopenai.Vectors(localVectors()))
	dir, index := articles(t, 2), t.TempDir()
	ctx := context.Background()
	if _, _, err := retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb}); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(index, "embeddings.cache")
	data, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cache, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	_, st, err := retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb, Rebuild: true})
	if err != nil || st.Embedded != 10 {
		t.Fatalf("with a truncated cache: embedded %d, err %v; want all 10 embedded again", st.Embedded, err)
	}
}

func TestAnIncrementalBuildAppendsToTheEmbeddingCache(t *testing.T) {
	srv, emb := newFakeEmbedder(t, 8)
	srv.AlwaysEmbed(fakeopenai.Vectors(localVectors()))
	dir, index := articles(t, 4), t.TempDir()
	ctx := context.Background()
	if _, _, err := retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb}); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(index, "embeddings.cache")
	size := func() int64 {
		st, err := os.Stat(cache)
		if err != nil {
			t.Fatal(err)
		}
		return st.Size()
	}
	full := size()
	record := (full - int64(len("footnote embedding cache 1\n")+4+len(emb.ID())+8)) / 20

	path := filepath.Join(dir, "a01.txt")
	original, _ := os.ReadFile(path)
	edited := strings.Replace(string(original), "Paragraph 2 of article 1 is about", "Paragraph 2 of article 1, edited, is about", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	_, st, err := retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb})
	if err != nil || st.Embedded != 3 {
		t.Fatalf("after the edit: embedded %d (%v), want the 3 contexts it changed", st.Embedded, err)
	}
	if got := size(); got != full+3*record {
		t.Errorf("the cache is %d bytes after the edit; want the %d of the first build plus 3 records of %d", got, full, record)
	}

	// Undoing the edit needs no request: the old contexts are still in the
	// cache, though the index before it no longer had them.
	if err := os.WriteFile(path, original, 0o644); err != nil {
		t.Fatal(err)
	}
	before := len(srv.EmbedCalls())
	if _, st, err = retrieval.Open(ctx, loadDir(t, dir), retrieval.Options{Dir: index, Embedder: emb}); err != nil || !st.Built || st.Embedded != 0 {
		t.Fatalf("after undoing the edit: built %v, embedded %d (%v); want everything from the cache", st.Built, st.Embedded, err)
	}
	if got := len(srv.EmbedCalls()) - before; got != 0 {
		t.Errorf("undoing the edit sent %d requests", got)
	}
}
