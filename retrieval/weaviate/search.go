package weaviate

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/retrieval"
)

// resultFields are the properties a search reads back.
const resultFields = "pid doc title paragraph part chunk text terms url publisher date author page"

// hitObject is one object a ranking returned.
type hitObject struct {
	PID        string `json:"pid"`
	Doc        string `json:"doc"`
	Title      string `json:"title"`
	Paragraph  int    `json:"paragraph"`
	Part       int    `json:"part"`
	Chunk      int    `json:"chunk"`
	Text       string `json:"text"`
	Terms      string `json:"terms"`
	URL        string `json:"url"`
	Publisher  string `json:"publisher"`
	Date       string `json:"date"`
	Author     string `json:"author"`
	Page       int    `json:"page"`
	Additional struct {
		Score    json.Number `json:"score"`
		Distance float64     `json:"distance"`
	} `json:"_additional"`
}

// ranked is one ranking: objects with scores, best first.
type ranked struct {
	objs   []hitObject
	scores []float64
}

// Search returns the k paragraphs that best match query, best first, ranked
// as retrieval.Index.Search ranks them: BM25 (footnote's expanded query,
// each weight a query of its own, summed) and nearest vectors, fused and
// reranked by footnote. When the embedder fails it warns and ranks by BM25
// alone; when the cluster does not answer the error matches
// retrieval.ErrUnavailable.
func (s *Store) Search(ctx context.Context, query string, k int, opts retrieval.SearchOptions) ([]retrieval.Result, error) {
	if len(analysis.Words(query)) == 0 {
		return nil, retrieval.ErrEmptyQuery
	}
	k = min(k, s.Len())
	if k <= 0 {
		return nil, nil
	}
	n := min(retrieval.Candidates(k), s.Len())
	weight := retrieval.FusionWeight(opts)
	var lex, vec ranked
	var lexErr, vecErr error
	var wg sync.WaitGroup
	wg.Add(1)
	terms := analysis.ExpandQuery(query)
	go func() { defer wg.Done(); lex, lexErr = s.lexicalSearch(ctx, terms, n) }()
	if weight < 1 {
		vec, vecErr = s.vectorSearch(ctx, query, n)
	}
	wg.Wait()
	if lexErr != nil {
		return nil, fmt.Errorf("search %s: %w", s.class, lexErr)
	}
	if vecErr != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if isUnavailable(vecErr) {
			return nil, fmt.Errorf("search %s: %w", s.class, vecErr)
		}
		s.warnf("vector search failed, ranking by BM25 alone: %v", vecErr)
		weight, vec = 1, ranked{}
	}
	if retrieval.BridgeAcronyms(query, terms, s.terms, func() []string { return texts(vec, lex) }) {
		if lex, lexErr = s.lexicalSearch(ctx, terms, n); lexErr != nil {
			return nil, fmt.Errorf("search %s: %w", s.class, lexErr)
		}
	}
	return s.fuse(query, k, weight, vec, lex), nil
}

// fuse numbers the objects of both rankings by their chunk number (so ties
// break as in process), then fuses, reranks and converts them to results.
func (s *Store) fuse(query string, k int, weight float64, vec, lex ranked) []retrieval.Result {
	byPID := map[string]hitObject{}
	for _, r := range []ranked{vec, lex} {
		for _, o := range r.objs {
			byPID[o.PID] = o
		}
	}
	objs := make([]hitObject, 0, len(byPID))
	for _, o := range byPID {
		objs = append(objs, o)
	}
	sort.Slice(objs, func(i, j int) bool {
		if objs[i].Chunk != objs[j].Chunk {
			return objs[i].Chunk < objs[j].Chunk
		}
		return objs[i].PID < objs[j].PID
	})
	num := make(map[string]int, len(objs))
	for i, o := range objs {
		num[o.PID] = i
	}
	hits := func(r ranked) []retrieval.Hit {
		out := make([]retrieval.Hit, len(r.objs))
		for i, o := range r.objs {
			out[i] = retrieval.Hit{Chunk: num[o.PID], Score: r.scores[i]}
		}
		return retrieval.TopHits(out, len(out))
	}
	vh, lh := hits(vec), hits(lex)
	fused := retrieval.Fuse(vh, lh, weight)
	// The paragraph before a candidate, when it is a candidate too, is the
	// one numbered just before it: objs are in chunk order. The rerank
	// reads it only when it re-scores it too, as in process.
	previous := func(c int) (int, bool) {
		return c - 1, c > 0 && objs[c-1].Chunk == objs[c].Chunk-1 && objs[c-1].Doc == objs[c].Doc
	}
	fused = retrieval.Rerank(analysis.NewQuestion(query, s.terms), fused,
		func(c int) string { return objs[c].Text }, func(c int) string { return objs[c].Title }, previous)
	vs, ls := scoreOf(vh), scoreOf(lh)
	out := make([]retrieval.Result, 0, k)
	for i, h := range fused[:min(k, len(fused))] {
		o := objs[h.Chunk]
		out = append(out, retrieval.Result{
			Rank: i + 1, Score: h.Score, Doc: o.Doc, Title: o.Title, Paragraph: o.Paragraph, Part: o.Part,
			Text: o.Text, ID: o.PID, Vector: vs[h.Chunk], Lexical: ls[h.Chunk],
			Source: retrieval.Source{URL: o.URL, Publisher: o.Publisher, Date: o.Date, Author: o.Author, Page: o.Page},
		})
	}
	return out
}

// texts returns the texts of the objects of the rankings, each once.
func texts(rankings ...ranked) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rankings {
		for _, o := range r.objs {
			if !seen[o.PID] {
				seen[o.PID] = true
				out = append(out, o.Text)
			}
		}
	}
	return out
}

func scoreOf(hits []retrieval.Hit) map[int]float64 {
	m := make(map[int]float64, len(hits))
	for _, h := range hits {
		m[h.Chunk] = h.Score
	}
	return m
}

// lexicalSearch finds candidates with Weaviate's BM25 over the stems
// field, one query per weight of footnote's expanded query (the question's
// stems at 1, related words at less), n deep each, then scores them with
// footnote's own BM25 over the build's statistics. Weaviate's BM25 scores
// differ from footnote's (its IDF and normalisation are its own) enough to
// reorder close paragraphs; re-scoring the candidates keeps the ranking
// the in-process one.
func (s *Store) lexicalSearch(ctx context.Context, expanded map[string]float64, n int) (ranked, error) {
	groups := map[float64][]string{}
	for stem, w := range expanded {
		groups[w] = append(groups[w], stem)
	}
	weights := make([]float64, 0, len(groups))
	for w := range groups {
		weights = append(weights, w)
	}
	sort.Float64s(weights)
	total := map[string]float64{}
	objs := map[string]hitObject{}
	for _, w := range weights {
		terms := groups[w]
		sort.Strings(terms)
		got, err := s.get(ctx, fmt.Sprintf("bm25: {query: %s, properties: [\"terms\"]}", strconv.Quote(strings.Join(terms, " "))), n, true)
		if err != nil {
			return ranked{}, fmt.Errorf("bm25: %w", err)
		}
		for _, o := range got {
			if _, ok := objs[o.PID]; !ok {
				objs[o.PID] = o
				total[o.PID] = retrieval.BM25(expanded, strings.Fields(o.Terms), s.terms, s.terms.AvgLength)
			}
		}
	}
	r := sortRanked(objs, total)
	if len(r.objs) > n {
		r.objs, r.scores = r.objs[:n], r.scores[:n]
	}
	return r, nil
}

// vectorSearch embeds the query and asks for the n nearest vectors; a zero
// embedding (no known features) finds none.
func (s *Store) vectorSearch(ctx context.Context, query string, n int) (ranked, error) {
	v, err := s.embedder.Embed(ctx, []string{query})
	if err != nil {
		return ranked{}, fmt.Errorf("embed query: %w", err)
	}
	if len(v) != 1 {
		return ranked{}, fmt.Errorf("embed query: %d vectors for 1 text", len(v))
	}
	if retrieval.IsZeroVector(v[0]) {
		return ranked{}, nil
	}
	vec, err := json.Marshal(v[0])
	if err != nil {
		return ranked{}, fmt.Errorf("encode query vector: %w", err)
	}
	got, err := s.get(ctx, fmt.Sprintf("nearVector: {vector: %s}", vec), n, false)
	if err != nil {
		return ranked{}, fmt.Errorf("near vector: %w", err)
	}
	score := make(map[string]float64, len(got))
	objs := make(map[string]hitObject, len(got))
	for _, o := range got {
		score[o.PID] = 1 - o.Additional.Distance
		objs[o.PID] = o
	}
	return sortRanked(objs, score), nil
}

// get runs one Get query over the searched build at the read consistency.
func (s *Store) get(ctx context.Context, search string, n int, bm25 bool) ([]hitObject, error) {
	extra := "distance"
	if bm25 {
		extra = "score"
	}
	q := fmt.Sprintf("{Get {%s(%s, limit: %d, consistencyLevel: %s) {%s _additional {%s}}}}",
		s.class, search, n, s.opts.ReadConsistency, resultFields, extra)
	var data struct {
		Get map[string][]hitObject `json:"Get"`
	}
	if err := s.c.graphQL(ctx, q, &data); err != nil {
		return nil, err
	}
	return data.Get[s.class], nil
}

// sortRanked orders objects by score, best first, ties by chunk number.
func sortRanked(objs map[string]hitObject, score map[string]float64) ranked {
	r := ranked{}
	for _, o := range objs {
		r.objs = append(r.objs, o)
	}
	sort.Slice(r.objs, func(i, j int) bool {
		a, b := r.objs[i], r.objs[j]
		if score[a.PID] != score[b.PID] {
			return score[a.PID] > score[b.PID]
		}
		return a.Chunk < b.Chunk
	})
	r.scores = make([]float64, len(r.objs))
	for i, o := range r.objs {
		r.scores[i] = score[o.PID]
	}
	return r
}
