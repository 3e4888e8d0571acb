package analysis_test

import (
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
)

func TestTokensTreatSpellingVariantsAlike(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Kim Jong-un", "Kim Jong Un"},
		{"Kim’s “alliance”", "Kim's \"alliance\""},
		{"the U.S. claim", "the US claim"},
		{"Moscow―citing", "Moscow - citing"},
		{"negotiations", "negotiate"},
	}
	for _, tt := range tests {
		if a, b := strings.Join(analysis.Tokens(tt.a), " "), strings.Join(analysis.Tokens(tt.b), " "); a != b {
			t.Errorf("Tokens(%q) = %q but Tokens(%q) = %q", tt.a, a, tt.b, b)
		}
	}
}

func TestTokensDropStopAndQuestionWords(t *testing.T) {
	got := analysis.Tokens("What did the article say about the parade?")
	if strings.Join(got, " ") != "parad" {
		t.Errorf("Tokens = %q, want only the content word", got)
	}
}

func TestExpandQueryAddsRelatedWordsAtLowerWeight(t *testing.T) {
	terms := analysis.ExpandQuery("Why was Kim absent?")
	if terms[analysis.Stem("absent")] != 1 {
		t.Errorf("the question's own stem has weight %v, want 1", terms[analysis.Stem("absent")])
	}
	w, ok := terms[analysis.Stem("absence")]
	if !ok || w >= 1 || w <= 0 {
		t.Errorf("related stem absence has weight %v (present %v), want between 0 and 1", w, ok)
	}
}

func TestExpandQueryRelatesPhrasalVerbsAsAWhole(t *testing.T) {
	tests := []struct {
		name, question, related string
		want                    bool
	}{
		{"a phrasal verb brings its synonyms", "When did Kim Jong Il pass away?", "died", true},
		{"an inflected phrasal verb too", "When did Kim Jong Il passed away?", "died", true},
		{"the verb alone does not", "When did the bill pass?", "died", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := analysis.ExpandQuery(tt.question)[analysis.Stem(tt.related)]
			if ok != tt.want || (ok && (w <= 0 || w >= 1)) {
				t.Errorf("ExpandQuery(%q)[%q] = %v, %v; want present %v at a weight below 1", tt.question, tt.related, w, ok, tt.want)
			}
		})
	}
}
