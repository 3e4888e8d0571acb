package eval_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/eval"
)

// FuzzLoad feeds the fixture parser any file: it returns fixtures or a
// *FixtureError naming lines in the file, never panics, and never returns
// both.
func FuzzLoad(f *testing.F) {
	f.Add(goodLine + "\n")
	f.Add(`{"id": "q1", "question": "x", "answerable": "yes"}` + "\n{not json\n" + goodLine + "\n" + goodLine + "\n")
	f.Add(`{"id": 1, "question": null, "answerable": false, "answer_keywords": [[]], "evidence": [""], "extra": 1}`)
	f.Fuzz(func(t *testing.T, file string) {
		fx, err := eval.Load(strings.NewReader(file), "fuzz.jsonl", paragraphs())
		lines := strings.Count(file, "\n") + 1
		var fe *eval.FixtureError
		switch {
		case err == nil:
			ids := map[string]bool{}
			for _, x := range fx {
				if ids[x.ID] || x.Line < 1 || x.Line > lines {
					t.Fatalf("fixture %q: duplicate or at line %d of %d", x.ID, x.Line, lines)
				}
				ids[x.ID] = true
			}
		case errors.As(err, &fe):
			if len(fx) != 0 || len(fe.Problems) == 0 {
				t.Fatalf("Load returned %d fixtures with %d problems", len(fx), len(fe.Problems))
			}
		}
	})
}
