package retrieval

import (
	"slices"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
)

func TestRoughSentencesSplitWhereASentenceEnds(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two plain sentences", "Kim left. Putin stayed.", []string{"Kim left.", "Putin stayed."}},
		{"a quote closes the first", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
		{"an acronym is not an end", "The U.S. President spoke. Then Kim.", []string{"The U.S. President spoke.", "Then Kim."}},
		{"a lower-case word after a stop continues", "It cost 3.5 million vs. 2 million.", []string{"It cost 3.5 million vs. 2 million."}},
		{"a question", "Why now? Nobody knows!", []string{"Why now?", "Nobody knows!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := roughSentences(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("roughSentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCoverageCreditsANearWordLessThanTheWordItself(t *testing.T) {
	lx := NewLexical([][]string{analysis.Tokens("officials worry about sanctions"), analysis.Tokens("the parade")})
	q := analysis.NewQuestion("What do officials worry about?", lx)
	exact := q.Coverage(analysis.StemSet("Officials worry about sanctions."))
	near := q.Coverage(analysis.StemSet("Officials fear sanctions."))
	none := q.Coverage(analysis.StemSet("Officials welcome sanctions."))
	if !(exact > near && near > none) {
		t.Errorf("coverage exact %.3f, near word %.3f, unrelated word %.3f: want them falling in that order", exact, near, none)
	}
}

func TestCoverageCreditsAPhrasalVerbsSynonym(t *testing.T) {
	lx := NewLexical([][]string{analysis.Tokens("Kim Jong Il died in 2011"), analysis.Tokens("the parade")})
	q := analysis.NewQuestion("When did Kim Jong Il pass away?", lx)
	with, without := q.Coverage(analysis.StemSet("Kim Jong Il died in 2011.")), q.Coverage(analysis.StemSet("Kim Jong Il spoke in 2011."))
	if with <= without {
		t.Errorf("coverage of a sentence saying died %.3f, not above one saying spoke %.3f", with, without)
	}
}

func TestRerankLiftsAPassageHoldingTheKindOfAnswerAsked(t *testing.T) {
	texts := map[int]string{
		0: "Kim Jong Il was hailed by the news agency.",
		1: "Kim Jong Il took over in 1994.",
		2: "Kim Jong Il ruled the country.",
		3: "A treaty was signed in 1994 because of a crisis.",
	}
	stats := NewLexical([][]string{analysis.Tokens(texts[0]), analysis.Tokens(texts[1]), analysis.Tokens(texts[2]), analysis.Tokens(texts[3])})
	text := func(c int) string { return texts[c] }
	fused := []Hit{{0, 2.0}, {1, 1.9}, {2, 1.8}, {3, 0.2}}
	tests := []struct {
		name, question string
		want           []int
	}{
		{"a when question lifts the close passage with a year", "When was Kim Jong Il in power?", []int{1, 0, 2, 3}},
		{"a question asking for no kind keeps the fused order", "Who was Kim Jong Il in power?", []int{0, 1, 2, 3}},
		{"a far weaker passage of the kind stays below", "Why was Kim Jong Il in power?", []int{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rerankHits(analysis.NewQuestion(tt.question, stats), fused, chunkText{text: text}, analysis.Tokens)
			var order []int
			for i, h := range got {
				order = append(order, h.Chunk)
				if i > 0 && h.Score > got[i-1].Score {
					t.Errorf("score at rank %d (%.3f) above rank %d (%.3f)", i+1, h.Score, i, got[i-1].Score)
				}
			}
			if !slices.Equal(order, tt.want) {
				t.Errorf("order %v, want %v", order, tt.want)
			}
		})
	}
}

func TestRerankReadsASentenceInItsSurroundings(t *testing.T) {
	texts := map[int]string{
		0: "Trains between Lund and Dalby run every 30 minutes.",
		1: "The project cost 2.6 billion kronor in total.",
		2: "The line has two new stations.",
		3: "Lund and Dalby are linked again. It cost 2.6 billion kronor in total.",
		9: "The Lund-Dalby railway opened on Sunday.",
	}
	stats := NewLexical([][]string{analysis.Tokens(texts[0]), analysis.Tokens(texts[1]), analysis.Tokens(texts[2]), analysis.Tokens("a parade in Moscow")})
	text := func(c int) string { return texts[c] }
	q := analysis.NewQuestion("What did the Lund-Dalby railway cost in total?", stats)
	tests := []struct {
		name   string
		fused  []Hit
		chunks chunkText
		want   int
	}{
		{"without surroundings the sentence repeating the names wins", []Hit{{0, 1.0}, {1, 0.95}, {2, 0.5}}, chunkText{text: text}, 0},
		{"under its article's title the sentence with the cost in total wins", []Hit{{0, 1.0}, {1, 0.95}, {2, 0.5}},
			chunkText{text: text, title: func(int) string { return "Lund-Dalby railway opens" }}, 1},
		{"after a paragraph naming the line the sentence with the cost wins", []Hit{{0, 1.0}, {1, 0.95}, {2, 0.5}, {9, 0.1}},
			chunkText{text: text, previous: func(c int) (int, bool) { return 9, c == 1 }}, 1},
		{"a sentence after one naming the line is read with it", []Hit{{0, 1.0}, {1, 0.95}, {3, 0.9}}, chunkText{text: text}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rerankHits(q, tt.fused, tt.chunks, analysis.Tokens); got[0].Chunk != tt.want {
				t.Errorf("first %d (%.3f), want %d; ranking %v", got[0].Chunk, got[0].Score, tt.want, got)
			}
		})
	}
}
