package retrieval_test

import (
	"context"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
	"github.com/footnote-dev/footnote/retrieval"
)

const (
	embedKey   = "sk-embed-test-9f8e7d6c5b4a"
	embedModel = "fake-embed-1"
)

// scaled is a deterministic embedder whose vectors are not unit length,
// as some servers' are not.
type scaled struct{ *retrieval.LocalEmbedder }

func (s scaled) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	vecs, err := s.LocalEmbedder.Embed(ctx, texts)
	for _, v := range vecs {
		for i := range v {
			v[i] *= 3
		}
	}
	return vecs, err
}

func localVectors() scaled {
	return scaled{retrieval.NewLocalEmbedder(64, func(string) float64 { return 1 })}
}

func newFakeEmbedder(t *testing.T, batch int) (*fakeopenai.Server, *retrieval.OpenAIEmbedder) {
	t.Helper()
	srv := fakeopenai.New(t, fakeopenai.Options{APIKey: embedKey, EmbeddingModel: embedModel})
	emb := retrieval.NewOpenAIEmbedder(openaiapi.Config{
		BaseURL: srv.URL, APIKey: embedKey, EmbeddingModel: embedModel, EmbeddingBatch: batch, MaxRetries: 1, Backoff: time.Millisecond,
	})
	return srv, emb
}

func TestOpenAIEmbedderBatchesAndNormalisesInInputOrder(t *testing.T) {
	srv, emb := newFakeEmbedder(t, 3)
	srv.AlwaysEmbed(fakeopenai.Vectors(localVectors()))
	texts := []string{"Kim Jong Un", "Moscow parade", "juche self-reliance", "Peng Liyuan", "Xi Jinping", "oil prices", "Sony hack"}
	if emb.Dimension() != 0 {
		t.Errorf("dimension %d before any call, want 0", emb.Dimension())
	}
	got, err := emb.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := localVectors().LocalEmbedder.Embed(context.Background(), texts)
	for i := range texts {
		if d := dist(got[i], want[i]); d > 1e-5 {
			t.Errorf("vector %d (%q) is %g away from its text's unit vector", i, texts[i], d)
		}
	}
	calls := srv.EmbedCalls()
	if len(calls) != 3 || len(calls[0].Embed.Input) != 3 || calls[2].Embed.Input[0] != "Sony hack" {
		t.Errorf("%d requests, want 3 batches of at most 3 texts in order", len(calls))
	}
	if want := localVectors().Dimension(); emb.Dimension() != want {
		t.Errorf("dimension %d, want %d learnt from the response", emb.Dimension(), want)
	}
}

func dist(a, b []float32) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	var s float64
	for i := range a {
		s += float64(a[i]-b[i]) * float64(a[i]-b[i])
	}
	return math.Sqrt(s)
}

func TestOpenAIEmbedderIDNamesHostAndModelButNotTheKey(t *testing.T) {
	srv, emb := newFakeEmbedder(t, 0)
	host := strings.TrimSuffix(strings.TrimPrefix(srv.URL, "http://"), "/v1")
	if id := emb.ID(); id != "openai/"+host+"/"+embedModel || strings.Contains(id, embedKey) {
		t.Errorf("ID %q, want openai/<host>/<model> without the key", id)
	}
	def := retrieval.NewOpenAIEmbedder(openaiapi.Config{APIKey: embedKey})
	if def.ID() != "openai/api.openai.com/"+retrieval.DefaultEmbeddingModel {
		t.Errorf("default ID %q", def.ID())
	}
}

func TestOpenAIEmbedderRetriesARateLimitAndKeepsTheKeyOutOfErrors(t *testing.T) {
	srv, emb := newFakeEmbedder(t, 0)
	srv.Embeddings(fakeopenai.Status(429, "slow down", "Retry-After-Ms", "1"), fakeopenai.Vectors(localVectors()))
	if _, err := emb.Embed(context.Background(), []string{"a", "b"}); err != nil {
		t.Fatalf("a 429 then success should succeed: %v", err)
	}
	srv.Embeddings(fakeopenai.Status(401, "Incorrect API key provided: "+embedKey))
	_, err := emb.Embed(context.Background(), []string{"a"})
	if err == nil || strings.Contains(err.Error(), embedKey) || !strings.Contains(err.Error(), "401") {
		t.Errorf("error %v, want a 401 without the key", err)
	}
}

func TestSearchFallsBackToBM25WhenTheEmbeddingsAPIGoesDown(t *testing.T) {
	srv, emb := newFakeEmbedder(t, 0)
	srv.AlwaysEmbed(fakeopenai.Vectors(localVectors()))
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var warnings []string
	warn := func(s string) { mu.Lock(); warnings = append(warnings, s); mu.Unlock() }
	ix, _, err := retrieval.Open(context.Background(), c, retrieval.Options{Embedder: emb, Warn: warn})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Manifest().EmbedderID != emb.ID() || ix.Manifest().Dimension != localVectors().Dimension() {
		t.Errorf("manifest %+v, want the OpenAI embedder's ID and dimension", ix.Manifest())
	}

	srv.AlwaysEmbed(fakeopenai.Status(503, "down for maintenance"))
	res, err := ix.Search(context.Background(), "What does juche mean?", 3, retrieval.SearchOptions{})
	if err != nil {
		t.Fatalf("search should fall back to BM25, got %v", err)
	}
	if len(res) == 0 || !strings.Contains(res[0].Text, "self-reliance") {
		t.Errorf("BM25 alone should still find the juche paragraph first, got %+v", res)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(warnings) != 1 || !strings.Contains(warnings[0], "BM25") || strings.Contains(warnings[0], embedKey) {
		t.Errorf("warnings %q, want one about BM25, without the key", warnings)
	}
}
