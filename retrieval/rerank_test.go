package retrieval

import (
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
