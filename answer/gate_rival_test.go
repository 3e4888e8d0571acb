package answer

import "testing"

func TestAnAnswerAboutSomeoneElseInTheQuestionsPlaceIsRivalled(t *testing.T) {
	china := "About 60% of North Korea's declared exports go to China."
	russia := "About 5% of its exports go to Russia, officials said."
	lx := lexicalOf(china, russia, "Putin met Kim in Vladivostok.", "Xi met Putin in Moscow.")
	tests := []struct {
		name, question string
		sentences      []string
		want           float64
	}{
		{"another country's share where the question names Russia is rivalled",
			"What share of North Korea's exports go to Russia?", []string{china}, 1},
		{"a sentence that names Russia is not",
			"What share of North Korea's exports go to Russia?", []string{russia}, 0},
		{"one sentence naming Russia among the candidates is enough",
			"What share of North Korea's exports go to Russia?", []string{china, russia}, 0},
		{"a sentence without the kind of answer asked for is no candidate",
			"What share of North Korea's exports go to Russia?", []string{"Kim met Putin in Vladivostok."}, 0},
		{"a question naming no one has no rival",
			"What share of exports go abroad?", []string{china}, 0},
		{"a movement the paragraph runs the other way is rivalled",
			"Why did the station move its broadcasts from a Russian satellite to a Chinese one?",
			[]string{"The station switched its broadcasts from a Chinese satellite to a Russian one."}, 1},
		{"the same movement is not",
			"Why did the station move its broadcasts from a Chinese satellite to a Russian one?",
			[]string{"The station switched its broadcasts from a Chinese satellite to a Russian one."}, 0},
		{"a yes/no question takes no movement as given",
			"Did the station move its broadcasts from a Russian satellite to a Chinese one?",
			[]string{"The station switched its broadcasts from a Chinese satellite to a Russian one."}, 0},
		{"a family member the paragraph names otherwise is rivalled",
			"Why did Kim bring his son to the parade?", []string{"Kim brought his daughter to the parade."}, 1},
		{"the family member it names is not",
			"Why did Kim bring his daughter to the parade?", []string{"Kim brought his daughter to the parade."}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFocus(tt.question, lx)
			qs := quotedSentences(tt.question, QuestionFocus(tt.question), tt.sentences, tt.sentences, tt.sentences, make([]string, len(tt.sentences)))
			if got := rivalled(f, QuestionFocus(tt.question), qs); got != tt.want {
				t.Errorf("rivalled = %v, want %v", got, tt.want)
			}
		})
	}
}
