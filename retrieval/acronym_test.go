package retrieval

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

func TestSpelledOutFindsTheNameAnAcronymStandsFor(t *testing.T) {
	tests := []struct {
		name, acronym, text string
		want                []string
	}{
		{"hyphenated parts each give a letter", "apec", "Leaders attend the Asia-Pacific Economic Cooperation summit.", analysis.Tokens("Asia-Pacific Economic Cooperation")},
		{"minor words inside give none", "opec", "The Organization of the Petroleum Exporting Countries met.", analysis.Tokens("Organization of the Petroleum Exporting Countries")},
		{"the name may sit inside a longer capitalised run", "un", "As the United Nations warned, talks stalled.", analysis.Tokens("United Nations")},
		{"words in lower case are not a name", "apec", "asia pacific economic cooperation", nil},
		{"other initials do not match", "nato", "The North Atlantic Council met.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spelledOut(tt.acronym, []string{tt.text}); !slices.Equal(got, tt.want) {
				t.Errorf("spelledOut(%q) = %q, want %q", tt.acronym, got, tt.want)
			}
		})
	}
}

func TestBridgeAcronymsAddsTheOtherFormOnlyWhenTheCorpusLacksTheQuestions(t *testing.T) {
	lx := NewLexical([][]string{
		analysis.Tokens("The Asia-Pacific Economic Cooperation summit opens in Gyeongju."),
		analysis.Tokens("NATO allies met in Brussels."),
	})
	texts := func() []string { return []string{"The Asia-Pacific Economic Cooperation summit opens in Gyeongju."} }
	tests := []struct {
		name, question string
		want           []string
		wantAdded      bool
	}{
		{"an acronym the corpus spells out", "Where is the APEC summit?", analysis.Tokens("Asia Pacific Economic Cooperation"), true},
		{"a spelled-out name the corpus abbreviates", "Where did the North Atlantic Treaty Organization meet?", []string{"nato"}, true},
		{"an acronym the corpus itself uses", "Where did NATO meet?", nil, false},
		{"an acronym nothing spells out", "What did the IAEA say?", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			terms := analysis.ExpandQuery(tt.question)
			before := len(terms)
			added := bridgeAcronyms(tt.question, terms, lx, texts)
			if added != tt.wantAdded {
				t.Fatalf("added = %v, want %v (terms %v)", added, tt.wantAdded, terms)
			}
			for _, s := range tt.want {
				if terms[s] != acronymWeight {
					t.Errorf("term %q has weight %v, want %v", s, terms[s], acronymWeight)
				}
			}
			if !added && len(terms) != before {
				t.Errorf("terms grew from %d to %d without a bridge", before, len(terms))
			}
		})
	}
}

func TestSearchFindsTheParagraphThatSpellsOutTheQuestionsAcronym(t *testing.T) {
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := Open(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), "Where will the APEC summit be held this year?", 3, SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || !strings.Contains(res[0].Text, "Asia-Pacific Economic Cooperation summit in Gyeongju") {
		t.Errorf("first result %q, want the paragraph on the Asia-Pacific Economic Cooperation summit", firstText(res))
	}
}

func firstText(res []Result) string {
	if len(res) == 0 {
		return ""
	}
	return res[0].Text
}
