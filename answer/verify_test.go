package answer_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/retrieval"
)

// verifySources are three paragraphs of the built-in corpus, as [1]..[3].
var verifySources = []retrieval.Result{
	{Doc: "juche", Title: "Kim and Russia", Paragraph: 9, Text: "In a further example of warming ties, the official North Korean news agency on Sunday hailed the publication of Kim’s Let Us Brilliantly Accomplish the Revolutionary Cause of Juche in Russia. “Juche” is Korean for self-reliance, a mantra of Kim Jong Il, the father of the current North Korean leader."},
	{Doc: "beijing", Title: "Kim in Beijing", Paragraph: 7, Text: "At the luncheon reception following the parade, Kim was seated next to Chinese first lady Peng Liyuan, a sign that Beijing offered him the second-highest level of protocol after Putin."},
	{Doc: "death", Title: "Kim's debut", Paragraph: 12, Text: "Kim has never visited a foreign country since taking over North Korea following the death of his father, Kim Jong Il, in 2011."},
}

// builtinLexical is the BM25 index of the built-in corpus, whose IDF
// weights the verifier uses.
func builtinLexical(t testing.TB) analysis.TermStats {
	t.Helper()
	return builtinIndex(t).Terms()
}

func TestVerify(t *testing.T) {
	lx := builtinLexical(t)
	tests := []struct {
		name        string
		text        string
		want        string
		wantDocs    []string // citations' docs, by new number
		wantDropped int
		wantRemoved int
	}{
		{
			name:     "a supported citation is kept and renumbered from 1",
			text:     "Kim sat next to Peng Liyuan, China's first lady, at the luncheon [2].",
			want:     "Kim sat next to Peng Liyuan, China's first lady, at the luncheon [1].",
			wantDocs: []string{"beijing"},
		},
		{
			name:        "a citation of a source that does not exist is dropped",
			text:        "Juche is Korean for self-reliance [1][9].",
			want:        "Juche is Korean for self-reliance [1].",
			wantDocs:    []string{"juche"},
			wantDropped: 1,
		},
		{
			name:        "a citation of an unrelated paragraph is dropped and the supported one kept",
			text:        "Juche means self-reliance in Korean [2, 1].",
			want:        "Juche means self-reliance in Korean [1].",
			wantDocs:    []string{"juche"},
			wantDropped: 1,
		},
		{
			name:        "a sentence left with no supported citation is removed",
			text:        "Juche means self-reliance [1]. Kim loves basketball and Swiss cheese [2]. His father died in 2011 [3].",
			want:        "Juche means self-reliance [1]. His father died in 2011 [2].",
			wantDocs:    []string{"juche", "death"},
			wantDropped: 1,
			wantRemoved: 1,
		},
		{
			name:        "a sentence without any citation is removed",
			text:        "Here is what I found. Juche means self-reliance [1].",
			want:        "Juche means self-reliance [1].",
			wantDocs:    []string{"juche"},
			wantRemoved: 1,
		},
		{
			name:        "a wrong number is not supported however many words match",
			text:        "Kim Jong Il died in 2012 [3].",
			want:        "",
			wantDropped: 1,
			wantRemoved: 1,
		},
		{
			name:     "markers after the full stop belong to the sentence before them",
			text:     "Kim Jong Il died in 2011. [3] Juche means self-reliance. [1]",
			want:     "Kim Jong Il died in 2011. [1] Juche means self-reliance. [2]",
			wantDocs: []string{"death", "juche"},
		},
		{
			name:     "a sentence drawing on two sources keeps both, in order of first use",
			text:     "Kim, whose father Kim Jong Il died in 2011, sat beside Peng Liyuan at the luncheon [3][2].",
			want:     "Kim, whose father Kim Jong Il died in 2011, sat beside Peng Liyuan at the luncheon [1][2].",
			wantDocs: []string{"death", "beijing"},
		},
		{
			name:        "ranges are read, and out-of-range numbers dropped",
			text:        "Juche is Korean for self-reliance [1-4].",
			want:        "Juche is Korean for self-reliance [1].",
			wantDocs:    []string{"juche"},
			wantDropped: 3,
		},
		{
			name:        "an uncited opener before a colon is a sentence of its own",
			text:        "Here's what the sources say about it: Juche is Korean for self-reliance [1].",
			want:        "Juche is Korean for self-reliance [1].",
			wantDocs:    []string{"juche"},
			wantRemoved: 1,
		},
		{
			name:     "a colon inside a claim does not split it",
			text:     "Juche has one meaning: self-reliance, in Korean [1].",
			want:     "Juche has one meaning: self-reliance, in Korean [1].",
			wantDocs: []string{"juche"},
		},
		{
			name:        "a repeated source is cited once per sentence",
			text:        "Juche is Korean for self-reliance [1] [1].",
			want:        "Juche is Korean for self-reliance [1].",
			wantDocs:    []string{"juche"},
			wantDropped: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := answer.Verify("", tt.text, verifySources, lx)
			if v.Text != tt.want {
				t.Errorf("text\n got %q\nwant %q", v.Text, tt.want)
			}
			var docs []string
			for i, c := range v.Citations {
				if c.N != i+1 {
					t.Errorf("citation %d is numbered %d", i+1, c.N)
				}
				docs = append(docs, c.Doc)
			}
			if !reflect.DeepEqual(docs, tt.wantDocs) {
				t.Errorf("cited docs %v, want %v", docs, tt.wantDocs)
			}
			if v.Dropped != tt.wantDropped {
				t.Errorf("dropped %d citations, want %d", v.Dropped, tt.wantDropped)
			}
			if len(v.Removed) != tt.wantRemoved {
				t.Errorf("removed sentences %q, want %d", v.Removed, tt.wantRemoved)
			}
		})
	}
}

func TestVerifyNeverLeavesAMarkerWithoutACitation(t *testing.T) {
	lx := builtinLexical(t)
	v := answer.Verify("", "Juche is self-reliance [3][1][9]. Peng Liyuan sat with Kim [2]. Nothing [7].", verifySources, lx)
	checkMarkers(t, answer.Answer{Text: v.Text, Citations: v.Citations})
	if strings.Contains(v.Text, "Nothing") {
		t.Errorf("an unsupported sentence survived: %q", v.Text)
	}
}
