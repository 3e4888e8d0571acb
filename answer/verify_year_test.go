package answer

import (
	"testing"

	"github.com/footnote-dev/footnote/retrieval"
)

func TestAYearGivenToWhatTheParagraphDatesThisYearIsAnotherYear(t *testing.T) {
	count := retrieval.Result{Doc: "moscow", Text: "Delegations from 27 countries attended this year's Victory Day parade."}
	past := retrieval.Result{Doc: "moscow", Text: "A notable example is China's 70th Victory Day parade in 2015. At the time, China invited its allies."}
	elsewhere := retrieval.Result{Doc: "other", Text: "China held a parade in 2015."}
	tests := []struct {
		name, claim string
		sources     []retrieval.Result
		kept        []int
		want        bool
	}{
		{"a year its article writes for another event", "Delegations from 27 countries attended China's 2015 parade.", []retrieval.Result{count, past}, []int{1, 2}, true},
		{"a year only another article writes", "Delegations from 27 countries attended the 2015 parade.", []retrieval.Result{count, elsewhere}, []int{1}, false},
		{"a claim that says this year itself", "Delegations from 27 countries attended this year's parade, as in 2015.", []retrieval.Result{count, past}, []int{1, 2}, false},
		{"a year the paragraph itself states", "China invited its allies in 2015.", []retrieval.Result{past}, []int{1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := redatedYear(tt.claim, tt.kept, tt.sources); got != tt.want {
				t.Errorf("redatedYear = %v, want %v", got, tt.want)
			}
		})
	}
}
