package retrieval_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
	"github.com/footnote-dev/footnote/internal/trust"
	"github.com/footnote-dev/footnote/retrieval"
)

// giveAway hands every path below dir to another user, as if a second
// local user had built (or planted) the index there. Only root can.
func giveAway(t *testing.T, dir string) {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("changing owners needs root")
	}
	err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, 65534, 65534)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesAnIndexItDoesNotOwn(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
	}{
		{"a folder another user owns", func(t *testing.T, dir string) { giveAway(t, dir) }},
		{"a folder anyone may write to", func(t *testing.T, dir string) { chmodT(t, dir, 0o777) }},
		{"a manifest anyone may rewrite", func(t *testing.T, dir string) {
			chmodT(t, filepath.Join(liveGeneration(t, dir), "manifest.json"), 0o666)
		}},
		{"a data file another user owns", func(t *testing.T, dir string) {
			if os.Getuid() != 0 {
				t.Skip("changing owners needs root")
			}
			if err := os.Chown(filepath.Join(liveGeneration(t, dir), "paragraphs.bin"), 65534, 65534); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, dir := builtin(t), filepath.Join(t.TempDir(), "index")
			openIn(t, c, dir)
			tt.damage(t, dir)
			_, _, err := retrieval.Open(context.Background(), c, retrieval.Options{Dir: dir})
			if !errors.Is(err, trust.ErrUntrusted) || strings.Contains(err.Error(), "\n") {
				t.Errorf("Open = %v, want one line refusing the untrusted index", err)
			}
		})
	}
}

func chmodT(t *testing.T, p string, m os.FileMode) {
	t.Helper()
	if err := os.Chmod(p, m); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentRebuildsAndReadsNeverSeeAHalfPublishedIndex(t *testing.T) {
	c, dir := builtin(t), t.TempDir()
	openIn(t, c, dir)
	var mu sync.Mutex
	var warnings []string
	collect := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		warnings = append(warnings, s)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer close(stop)
		for range 6 {
			if _, _, err := retrieval.Open(context.Background(), c, retrieval.Options{Dir: dir, Rebuild: true, Warn: collect}); err != nil {
				t.Error(err)
			}
		}
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			ix, st, err := retrieval.Open(context.Background(), c, retrieval.Options{Dir: dir, Warn: collect})
			if err != nil || ix.Len() != len(c.Paragraphs()) {
				t.Errorf("read: %v", err)
			}
			if st.Built {
				t.Errorf("a reader rebuilt the index (%s) while another process was publishing it", st.Reason)
			}
		}
	}()
	wg.Wait()
	for _, w := range warnings {
		if strings.Contains(w, "corrupt") {
			t.Errorf("a reader saw a half-published index: %s", w)
		}
	}
}

func TestTheDataFilesAreTheSameForTheSameBuild(t *testing.T) {
	c := builtin(t)
	a, b := t.TempDir(), t.TempDir()
	openIn(t, c, a)
	openIn(t, c, b)
	for _, name := range []string{"paragraphs.bin", "paragraphs-delta.bin", "terms.bin", "terms-delta.bin", "chunks.bin", "vectors.f32", "vectors-delta.f32", "fit.bin"} {
		read := func(dir string) []byte {
			data, err := os.ReadFile(filepath.Join(liveGeneration(t, dir), name))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
		if x, y := read(a), read(b); !bytes.Equal(x, y) {
			t.Errorf("two builds of one corpus wrote different %s files (%d and %d bytes)", name, len(x), len(y))
		}
	}
}

func TestOpenRemovesWhatKilledBuildsLeftBehind(t *testing.T) {
	c, dir := builtin(t), t.TempDir()
	openIn(t, c, dir)
	leftovers := []string{".lexical.gob.123.tmp", ".CURRENT.456.tmp", "gen-00000000000000aa", "gen-00000000000000bb"}
	for _, name := range leftovers {
		var err error
		if strings.HasPrefix(name, "gen-") {
			err = os.Mkdir(filepath.Join(dir, name), 0o700)
		} else {
			err = os.WriteFile(filepath.Join(dir, name), []byte("half"), 0o600)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	openIn(t, c, dir)
	for _, name := range leftovers {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s is still there", name)
		}
	}
}

// sized embeds texts as dim-dimensional vectors, for a model whose
// dimension changes under the same name.
type sized struct{ dim int }

func (s sized) Embed(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		v := make([]float32, s.dim)
		for j, r := range t {
			v[(j+int(r))%s.dim] += 1
		}
		out[i] = v
	}
	return out, nil
}

func TestOpenRebuildsWhenTheEmbeddingDimensionChangesUnderTheSameName(t *testing.T) {
	c, dir := builtin(t), t.TempDir()
	srv := fakeopenai.New(t, fakeopenai.Options{APIKey: embedKey, EmbeddingModel: embedModel})
	open := func(dim int) retrieval.Status {
		// A new process each time: a new embedder, same server and model.
		srv.AlwaysEmbed(fakeopenai.Vectors(sized{dim}))
		emb := retrieval.NewOpenAIEmbedder(openaiapi.Config{BaseURL: srv.URL, APIKey: embedKey, EmbeddingModel: embedModel})
		_, st, err := retrieval.Open(context.Background(), c, retrieval.Options{Dir: dir, Embedder: emb})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	open(8)
	if st := open(8); st.Built {
		t.Fatalf("same model, same dimension: rebuilt (%s)", st.Reason)
	}
	if st := open(16); !st.Built || st.Reason != "embedding dimension changed (8 → 16)" {
		t.Errorf("status = %+v, want a rebuild because the dimension changed", st)
	}
}

// nonFinite returns a NaN in one vector: a broken model, or a broken
// Embedder someone plugged in.
type nonFinite struct{ sized }

func (n nonFinite) ID() string     { return "test/non-finite" }
func (n nonFinite) Dimension() int { return n.dim }
func (n nonFinite) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out, _ := n.sized.Embed(ctx, texts)
	out[len(out)-1][0] = float32(math.NaN())
	return out, nil
}

func TestBuildRejectsNonFiniteVectors(t *testing.T) {
	_, _, err := retrieval.Open(context.Background(), builtin(t), retrieval.Options{Embedder: nonFinite{sized{8}}})
	if err == nil || !strings.Contains(err.Error(), "non-finite") {
		t.Errorf("Open = %v, want the NaN vector rejected", err)
	}
}

func TestAStaleIndexWhoseLockCannotBeTakenIsBuiltInMemory(t *testing.T) {
	c, dir := builtin(t), t.TempDir()
	openIn(t, c, dir)
	// A lock that cannot be opened, even by root, stands for a folder
	// footnote may read but not write (a read-only mount).
	if err := os.Remove(filepath.Join(dir, "build.lock")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "build.lock"), 0o700); err != nil {
		t.Fatal(err)
	}
	changed := *c
	changed.Hash = "another corpus"
	ix, st, warnings := openIn(t, &changed, dir)
	if ix.Len() == 0 || !st.Built || len(warnings) == 0 || !strings.Contains(warnings[len(warnings)-1], "answering from memory") {
		t.Errorf("status %+v, warnings %q; want an in-memory build and a warning", st, warnings)
	}
}
