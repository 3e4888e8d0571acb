package weaviate_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
	"github.com/footnote-dev/footnote/retrieval/weaviate"
)

// endpoints returns the test cluster's REST endpoints, or skips the test
// when none is configured (scripts/weaviate-cluster writes them).
func endpoints(t testing.TB) []string {
	t.Helper()
	urls := os.Getenv("FOOTNOTE_TEST_WEAVIATE_URL")
	if urls == "" {
		t.Skip("FOOTNOTE_TEST_WEAVIATE_URL is not set (start a cluster with scripts/weaviate-cluster)")
	}
	return strings.Split(urls, ",")
}

// collection returns an alias of the test's own and drops its builds when
// the test ends.
func collection(t testing.TB, node string) string {
	t.Helper()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	alias := "T" + hex.EncodeToString(b)
	t.Cleanup(func() { drop(t, node, alias) })
	return alias
}

func drop(t testing.TB, node, alias string) {
	var schema struct {
		Classes []struct {
			Class string `json:"class"`
		} `json:"classes"`
	}
	call(t, http.MethodDelete, node+"/v1/aliases/"+alias, nil, nil)
	call(t, http.MethodGet, node+"/v1/schema", nil, &schema)
	for _, c := range schema.Classes {
		if strings.HasPrefix(c.Class, alias) {
			call(t, http.MethodDelete, node+"/v1/schema/"+c.Class, nil, nil)
		}
	}
}

func call(t testing.TB, method, u string, body, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, u, rd)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatalf("%s %s: %v", method, u, err)
		}
	}
	return resp.StatusCode
}

// count is how many objects collection holds, counted by a node.
func count(t testing.TB, node, class string) int {
	t.Helper()
	var res struct {
		Data struct {
			Aggregate map[string][]struct {
				Meta struct {
					Count int `json:"count"`
				} `json:"meta"`
			} `json:"Aggregate"`
		} `json:"data"`
	}
	call(t, http.MethodPost, node+"/v1/graphql", map[string]string{"query": "{Aggregate{" + class + "{meta{count}}}}"}, &res)
	rows := res.Data.Aggregate[class]
	if len(rows) != 1 {
		t.Fatalf("aggregate of %s: %+v", class, res)
	}
	return rows[0].Meta.Count
}

func builtin(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sameResults fails unless two stores return the same paragraphs with the
// same scores for q.
func sameResults(t *testing.T, q string, want, got []retrieval.Result) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%q: %d results, want %d", q, len(got), len(want))
		return
	}
	for i := range want {
		if want[i].ID != got[i].ID || math.Abs(want[i].Score-got[i].Score) > 1e-6 {
			t.Errorf("%q rank %d: %s %.6f, in process %s %.6f", q, i+1, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
		} else if got[i].Source != want[i].Source || got[i].Text != want[i].Text || got[i].Title != want[i].Title {
			t.Errorf("%q rank %d: citation %+v %q, in process %+v %q", q, i+1, got[i].Source, got[i].Title, want[i].Source, want[i].Title)
		}
	}
}

func TestStoreRanksTheBuiltInCorpusAsInProcess(t *testing.T) {
	nodes := endpoints(t)
	ctx := context.Background()
	c := builtin(t)
	s, st, err := weaviate.Open(ctx, c, weaviate.Options{Endpoints: nodes, Collection: collection(t, nodes[0])})
	if err != nil || !st.Built {
		t.Fatalf("open: %v, %+v", err, st)
	}
	ix, _, err := retrieval.Open(ctx, c, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"Why did Kim Jong Un skip the Victory Day parade in Moscow?",
		"What does juche mean?",
		"Who did China send to meet Kim when he got to Beijing?",
		"How tall is Kim Jong Un?",
		"Where will the APEC summit be held this year?", // an acronym the corpus spells out
		"When did Kim Jong Il die?",                     // a date asked for
	} {
		want, err := ix.Search(ctx, q, 10, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Search(ctx, q, 10, retrieval.SearchOptions{})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		sameResults(t, q, want, got)
	}
	t.Run("a second process reads the stored build instead of writing one", func(t *testing.T) {
		again, st, err := weaviate.Open(ctx, c, weaviate.Options{Endpoints: nodes, Collection: aliasOf(t, s)})
		if err != nil || st.Built || again.Collection() != s.Collection() || again.Len() != s.Len() {
			t.Errorf("reopen: %v, built %v, %s (%d) vs %s (%d)", err, st.Built, again.Collection(), again.Len(), s.Collection(), s.Len())
		}
	})
}

// aliasOf is the alias a store's build was named after.
func aliasOf(t *testing.T, s *weaviate.Store) string {
	alias, _, ok := strings.Cut(s.Collection(), "_")
	if !ok {
		t.Fatalf("collection %q is not named after an alias", s.Collection())
	}
	return alias
}

// dropFirstAnswers forwards every request to the node but, for the first
// n batch writes, answers 503 after the node has applied them: the client
// sees a failure for a write that landed, and must retry without
// duplicating.
func dropFirstAnswers(t *testing.T, node string, n int32) (string, *atomic.Int32) {
	t.Helper()
	target, _ := url.Parse(node)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var dropped atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/v1/batch/objects" && dropped.Load() < n {
			rec := httptest.NewRecorder()
			proxy.ServeHTTP(rec, r)
			if rec.Code == http.StatusOK {
				dropped.Add(1)
				http.Error(w, "answer lost on the way back", http.StatusServiceUnavailable)
				return
			}
			w.WriteHeader(rec.Code)
			_, _ = w.Write(rec.Body.Bytes())
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &dropped
}

func TestRetriedBatchesDoNotDuplicateParagraphs(t *testing.T) {
	nodes := endpoints(t)
	proxy, dropped := dropFirstAnswers(t, nodes[0], 3)
	var warnings []string
	s, _, err := weaviate.Open(context.Background(), builtin(t), weaviate.Options{
		Endpoints: []string{proxy}, Collection: collection(t, nodes[0]), BatchSize: 20,
		Warn: func(w string) { warnings = append(warnings, w) },
	})
	if err != nil {
		t.Fatalf("open through a lossy proxy: %v", err)
	}
	if dropped.Load() != 3 || len(warnings) < 3 {
		t.Fatalf("%d answers dropped, %d retries warned: the test did not exercise retries", dropped.Load(), len(warnings))
	}
	if got := count(t, nodes[0], s.Collection()); got != s.Len() {
		t.Errorf("%d objects stored for %d paragraphs", got, s.Len())
	}
}

func TestAnUnreachableClusterFailsOverThenSaysWhichNodesItTried(t *testing.T) {
	nodes := endpoints(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	ctx := context.Background()
	alias := collection(t, nodes[0])
	if _, _, err := weaviate.Open(ctx, builtin(t), weaviate.Options{Endpoints: []string{dead.URL, nodes[0]}, Collection: alias, Warn: func(w string) { t.Log(w) }}); err != nil {
		t.Fatalf("with the first node dead: %v", err)
	}
	_, _, err := weaviate.Open(ctx, builtin(t), weaviate.Options{Endpoints: []string{dead.URL}, Collection: alias, Timeout: time.Second})
	var ue *weaviate.UnreachableError
	if !errorsAs(err, &ue) || len(ue.Endpoints) != 1 || ue.Endpoints[0] != dead.URL {
		t.Errorf("err = %v, want an UnreachableError naming %s", err, dead.URL)
	}
}

// synthetic writes a corpus of n paragraphs in docs articles, from a
// fixed vocabulary with a few topic words per article, so that searches
// have something to find.
func synthetic(t testing.TB, n, docs int) *corpus.Corpus {
	t.Helper()
	dir := t.TempDir()
	r := mrand.New(mrand.NewPCG(1, 2))
	words := strings.Fields("minister council border trade missile summit harvest railway treaty envoy festival reactor tariff election drought satellite pipeline harbour garrison province budget currency vaccine typhoon refinery embassy parliament shipyard factory bridge")
	per := n / docs
	for d := 0; d < docs; d++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Report %d on the %s and the %s\n---\n\n", d, words[d%len(words)], words[(d*7+3)%len(words)])
		for p := 0; p < per; p++ {
			for s := 0; s < 3; s++ {
				fmt.Fprintf(&b, "The %s met the %s near the %s in %d. ", words[r.IntN(len(words))], words[r.IntN(len(words))], words[(d+p)%len(words)], 1950+r.IntN(70))
			}
			fmt.Fprintf(&b, "Paragraph %d of report %d.\n\n", p, d)
		}
		if err := os.WriteFile(fmt.Sprintf("%s/report%03d.txt", dir, d), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, _, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestStoreIndexesTenThousandParagraphsAndRanksThemAsInProcess(t *testing.T) {
	nodes := endpoints(t)
	ctx := context.Background()
	c := synthetic(t, 10000, 50)
	start := time.Now()
	s, _, err := weaviate.Open(ctx, c, weaviate.Options{Endpoints: nodes, Collection: collection(t, nodes[0])})
	if err != nil {
		t.Fatalf("index: %v", err)
	}
	t.Logf("indexed %d paragraphs in %v", s.Len(), time.Since(start).Round(time.Millisecond))
	if s.Len() != 10000 {
		t.Fatalf("store has %d chunks, want 10000", s.Len())
	}
	if got := count(t, nodes[1], s.Collection()); got != 10000 {
		t.Errorf("node 1 counts %d objects, want 10000", got)
	}
	ix, _, err := retrieval.Open(ctx, c, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Where did the envoy meet the minister?", "drought harvest railway", "What happened at the shipyard in 1977?"} {
		want, _ := ix.Search(ctx, q, 5, retrieval.SearchOptions{})
		got, err := s.Search(ctx, q, 5, retrieval.SearchOptions{})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		sameResults(t, q, want, got)
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
