package answer_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// plainMarker is a marker as Verify writes them: [1] or [1, 2].
var plainMarker = regexp.MustCompile(`\[(\d+(?:,\s*\d+)*)\]`)

// FuzzVerify feeds the citation parser and verifier any model reply to a
// real question over real retrieved paragraphs: no panic, and whatever
// survives cites only sources it was given, renumbered 1..n.
//
//	go test ./answer -run '^$' -fuzz FuzzVerify -fuzztime 30s
func FuzzVerify(f *testing.F) {
	// BM25 statistics and five paragraphs of the built-in corpus, without
	// building vectors: each fuzz worker does this setup again.
	c, err := corpus.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	ps := c.Paragraphs()
	toks := make([][]string, len(ps))
	for i, p := range ps {
		toks[i] = analysis.Tokens(p.Text)
	}
	stats := retrieval.NewLexical(toks)
	const question = "Why did Kim Jong Un skip the Victory Day parade in Moscow?"
	var sources []retrieval.Result
	for _, h := range stats.Search(analysis.ExpandQuery(question), 5) {
		p := ps[h.Chunk]
		sources = append(sources, retrieval.Result{Rank: len(sources) + 1, Doc: p.Doc, Title: p.Title, Paragraph: p.N, Text: p.Text, ID: p.ID})
	}
	f.Add("He declined Putin’s invitation to the Victory Day parade [1]. It was about face [2][9].")
	f.Add("Kim stayed home【2】 (Source 3) [^4] [1-3] [Source 2, 5].")
	f.Add("The sources do not say. [1]")
	f.Add("[1] [1] [1]... . . [0] [-1] [99999999999999999999]")
	for _, seed := range []string{
		"", "[1]", "[", "【", "(Source", "[^]", "[99999999999999999999999]", "[1-99999999]", "[Sources 1 and and 2]",
		"Kim Jong-un's Kim's ''' --- [2].", "U.S. U.N. A. B. C. [1]", "Twenty-four thousand and one hundred [1].",
		"“Quote” said X, adds Y, according to Z [1]. [^1]: def", "1950-53 3:00 60% 1,000.5 [3][4]",
		"I'm sorry, the provided articles don't mention it.", "Kim was seated next to Chinese first lady Peng Liyuan [1].",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, reply string) {
		v := answer.Verify(question, reply, sources, stats)
		if v.Dropped < 0 || len(v.Citations) > len(sources) {
			t.Fatalf("dropped %d, %d citations of %d sources", v.Dropped, len(v.Citations), len(sources))
		}
		for i, c := range v.Citations {
			if c.N != i+1 {
				t.Fatalf("citation %d numbered %d", i, c.N)
			}
		}
		if len(v.Citations) == 0 && strings.TrimSpace(v.Text) != "" {
			t.Fatalf("text %q kept without a citation", v.Text)
		}
		for _, m := range plainMarker.FindAllStringSubmatch(v.Text, -1) {
			for _, s := range regexp.MustCompile(`\d+`).FindAllString(m[1], -1) {
				if n, _ := strconv.Atoi(s); n < 1 || n > len(v.Citations) {
					t.Fatalf("verified text cites [%d] with %d citations: %q", n, len(v.Citations), v.Text)
				}
			}
		}
	})
}
