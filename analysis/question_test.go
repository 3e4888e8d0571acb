package analysis_test

import (
	"math"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
)

// flatStats gives every stem the same IDF and says each occurs once.
type flatStats struct{}

func (flatStats) IDF(string) float64 { return 1 }
func (flatStats) DocFreq(string) int { return 1 }
func (flatStats) Len() int           { return 10 }

func TestCoverageInCreditsWhatTheSurroundingsSayInPart(t *testing.T) {
	q := analysis.NewQuestion("What did the Lund-Dalby railway cost in total?", flatStats{})
	sentence := analysis.StemSet("The project cost 2.6 billion kronor in total.")
	title := analysis.StemSet("Lund-Dalby railway opens")
	both := analysis.StemSet("The project cost 2.6 billion kronor in total. Lund-Dalby railway opens")
	alone, together := q.Coverage(sentence), q.Coverage(both)
	tests := []struct {
		name   string
		around analysis.Reading
		credit float64
		want   float64
	}{
		{"no surroundings is the sentence's coverage", analysis.Reading{}, 0.5, alone},
		{"credit 0 is the sentence's coverage", q.Read(title), 0, alone},
		{"credit 1 is the coverage of sentence and surroundings together", q.Read(title), 1, together},
		{"credit 0.5 is half way between", q.Read(title), 0.5, (alone + together) / 2},
		{"surroundings joined from two parts read as one", q.Read(analysis.StemSet("Lund-Dalby")).Join(q.Read(analysis.StemSet("railway opens"))), 1, together},
	}
	if !(together > alone) {
		t.Fatalf("the title adds nothing: %.3f, %.3f", alone, together)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := q.CoverageIn(q.Read(sentence), tt.around, tt.credit); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("CoverageIn = %.6f, want %.6f", got, tt.want)
			}
		})
	}
}
