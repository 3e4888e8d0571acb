package retrieval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
)

type fx struct {
	ID         string   `json:"id"`
	Question   string   `json:"question"`
	Answerable bool     `json:"answerable"`
	Evidence   []string `json:"evidence"`
}

func loadFx(t *testing.T, p string) []fx {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fx
	s := bufio.NewScanner(f)
	for s.Scan() {
		var x fx
		if err := json.Unmarshal(s.Bytes(), &x); err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}

func TestTune(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	c, _ := corpus.Builtin()
	ix, _, err := Open(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"../testdata/eval.jsonl", "../testdata/holdout.jsonl"} {
		for _, w := range []float64{-1, 0.3, 0.5, 0.7, 1} {
			var n, h1, h5 int
			var mrr float64
			for _, q := range loadFx(t, file) {
				if !q.Answerable {
					continue
				}
				n++
				res, _ := ix.Search(context.Background(), q.Question, 10, SearchOptions{LexicalWeight: w})
				rank := 0
				for i, r := range res {
					for _, e := range q.Evidence {
						if strings.Contains(corpus.Normalize(r.Text), corpus.Normalize(e)) {
							rank = i + 1
						}
					}
					if rank > 0 {
						break
					}
				}
				if rank == 1 {
					h1++
				}
				if rank >= 1 && rank <= 5 {
					h5++
				}
				if rank > 0 {
					mrr += 1 / float64(rank)
				} else if os.Getenv("V") != "" && w == 0.5 {
					fmt.Printf("MISS %s %s\n", q.ID, q.Question)
				}
			}
			fmt.Printf("%s w=%.1f hit1=%.3f hit5=%.3f mrr=%.3f\n", file, w, float64(h1)/float64(n), float64(h5)/float64(n), mrr/float64(n))
		}
	}
}
