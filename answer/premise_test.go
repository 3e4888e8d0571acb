package answer

import "testing"

func TestAPremiseTheSentenceStatesWithTheOppositeWordIsRivalled(t *testing.T) {
	veto := "Russia on March 28 vetoed a U.N. resolution renewing the bloc’s Panel of Experts’ mandate to monitor sanctions enforcement."
	tests := []struct {
		name, question string
		want           bool
	}{
		{"in favour against vetoed", "Why did Russia vote in favour of renewing the Panel of Experts' mandate on March 28?", true},
		{"voted to against vetoed", "Why did Russia vote to renew the Panel of Experts' mandate on March 28?", true},
		{"voted against is what a veto does", "Why did Russia vote against renewing the Panel of Experts' mandate on March 28?", false},
		{"the premise as the sentence says it", "Why did Russia veto the resolution renewing the Panel of Experts' mandate on March 28?", false},
		{"a denied premise is not read", "Why did Russia not support renewing the Panel of Experts' mandate on March 28?", false},
		{"a sentence about something else is not read", "Why did China support the sanctions?", false},
		{"an opposite word in a sentence saying little of the premise is not read", "Why did Russia vote in favour of the new sanctions on Iran in May?", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := opposedPremise(tt.question, ownParagraphs(veto)); got != tt.want {
				t.Errorf("opposedPremise = %v, want %v", got, tt.want)
			}
		})
	}
}

// ownParagraphs quotes each sentence as a paragraph of its own.
func ownParagraphs(sentences ...string) []quotedSentence {
	qs := make([]quotedSentence, len(sentences))
	for i, s := range sentences {
		qs[i] = quotedSentence{text: s, paragraph: s}
	}
	return qs
}
