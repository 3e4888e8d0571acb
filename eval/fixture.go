package eval

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/clip"
)

// Fixture is one evaluation question, one line of a JSONL fixture file:
//
//	{"id": "q01", "question": "…", "answerable": true,
//	 "answer_keywords": [["alt1", "alt2"], ["…"]], "evidence": ["exact quote"]}
type Fixture struct {
	ID         string `json:"id"`
	Question   string `json:"question"`
	Answerable bool   `json:"answerable"`
	// Keywords are groups of alternatives: the answer must contain one
	// alternative of every group.
	Keywords [][]string `json:"answer_keywords"`
	// Evidence are quotes from the paragraphs that answer the question; a
	// paragraph containing one is gold.
	Evidence []string `json:"evidence"`
	// Kind optionally says why an unanswerable question cannot be answered
	// (one of Kinds), so refusal recall can be read per kind.
	Kind string `json:"kind,omitempty"`
	// Line is the fixture's 1-based line in its file.
	Line int `json:"-"`
	// Gold is how many corpus paragraphs contain an evidence quote: the
	// ideal ranking nDCG compares with.
	Gold int `json:"-"`
}

// Kinds of unanswerable question a fixture's optional "kind" names.
var Kinds = []string{
	"absent_entity",    // an entity the corpus never mentions: "the capital of France"
	"absent_attribute", // a known entity, an attribute never stated: "How tall is Putin?"
	"near_miss",        // the same kind of fact, stated only for another entity
	"false_premise",    // presumes something the corpus does not say or contradicts
	"off_topic",        // nothing to do with the corpus: "a banana bread recipe"
}

// Problem is one thing wrong with a fixture file, tied to a line and,
// where it makes sense, a field.
type Problem struct {
	Line  int
	Field string
	Msg   string
}

// String reads "line 3: field "answerable": want true or false, got a string".
func (p Problem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return fmt.Sprintf("line %d: field %q: %s", p.Line, p.Field, p.Msg)
}

// FixtureError lists every problem found in a fixture file. Nothing is
// evaluated with a broken set.
type FixtureError struct {
	File     string
	Problems []Problem
}

// Error lists every problem on one line; callers that can show more lines
// range over Problems.
func (e *FixtureError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.String()
	}
	return fmt.Sprintf("%s: %d problem(s), nothing evaluated: %s", e.File, len(e.Problems), strings.Join(msgs, "; "))
}

// maxLine is the longest fixture line accepted.
const maxLine = 1 << 20

// Load reads a JSONL fixture file and checks every line against the issue 2
// format and against the corpus: each evidence quote must occur, after
// corpus.Normalize, in some paragraph. It returns a *FixtureError listing
// every problem at once, or the fixtures in file order.
func Load(r io.Reader, name string, paragraphs []corpus.Paragraph) ([]Fixture, error) {
	var (
		parsed   []Fixture
		sound    []bool
		problems []Problem
		firstID  = map[string]int{}
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		f, ps := parseLine(sc.Bytes(), line)
		problems = append(problems, ps...)
		if first, dup := firstID[f.ID]; dup && f.ID != "" {
			problems = append(problems, Problem{line, "id", fmt.Sprintf("duplicate id %q (first used on line %d)", f.ID, first)})
			ps = append(ps, Problem{})
		} else if f.ID != "" {
			firstID[f.ID] = line
		}
		parsed = append(parsed, f)
		sound = append(sound, len(ps) == 0)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read fixtures %s: %w", name, err)
	}
	// Quotes are checked on every line whose evidence could be read, so a
	// line with two mistakes shows both.
	problems = append(problems, checkEvidence(parsed, paragraphs)...)
	var fixtures []Fixture
	for i, f := range parsed {
		if sound[i] {
			fixtures = append(fixtures, f)
		}
	}
	if len(fixtures) == 0 && len(problems) == 0 {
		problems = append(problems, Problem{1, "", "the file holds no fixtures"})
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return nil, &FixtureError{File: name, Problems: problems}
	}
	return fixtures, nil
}

// checkEvidence reports quotes that occur in no paragraph and counts each
// fixture's gold paragraphs.
func checkEvidence(fixtures []Fixture, paragraphs []corpus.Paragraph) []Problem {
	norm := make([]string, len(paragraphs))
	for i, p := range paragraphs {
		norm[i] = corpus.Normalize(p.Text)
	}
	var problems []Problem
	for i := range fixtures {
		f := &fixtures[i]
		quotes := normalized(f.Evidence)
		for j, q := range quotes {
			if !containsAny(norm, q) {
				problems = append(problems, Problem{f.Line, fmt.Sprintf("evidence[%d]", j),
					fmt.Sprintf("quote %q occurs in no paragraph of the corpus", clip.Runes(f.Evidence[j], 60))})
			}
		}
		for _, p := range norm {
			if containsQuote(p, quotes) {
				f.Gold++
			}
		}
	}
	return problems
}

func containsAny(texts []string, quote string) bool {
	for _, t := range texts {
		if strings.Contains(t, quote) {
			return true
		}
	}
	return false
}
