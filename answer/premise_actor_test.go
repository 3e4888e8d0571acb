package answer

import "testing"

func TestTheQuestionsSubjectGivenAnotherRoleIsRivalled(t *testing.T) {
	luncheon := "At the luncheon reception following the parade, Kim was seated next to Chinese first lady Peng Liyuan, a sign that Beijing offered him the second-highest level of protocol after Putin."
	tests := []struct {
		name, question string
		sentences      []string
		want           bool
	}{
		{"another name seated where the question seats Putin is rivalled",
			"Who was Putin seated next to at the luncheon after the parade?", []string{luncheon}, true},
		{"the name the sentence seats is not",
			"Who was Kim seated next to at the luncheon after the parade?", []string{luncheon}, false},
		{"an active question against a passive sentence is not compared",
			"Why did Beijing seat Kim next to Peng Liyuan at the luncheon?", []string{luncheon}, false},
		{"a sentence that may give the verb its own subject clears it",
			"Who did China send to meet Kim in Beijing?",
			[]string{"China paid its respects by sending Cai Qi to greet him.", "A separate letter Kim sent to China's Xi Jinping on Sunday praised the ties."}, false},
		{"a leading clause does not hide the question's subject",
			"At the luncheon after the parade, who was Putin seated next to?", []string{luncheon}, true},
		{"a pronoun is no other subject",
			"What does Stephan Haggard expect for the North Korean economy?",
			[]string{"“This really takes some pressure off of the North Korean economy, which I expect to rebound,” says Stephan Haggard."}, false},
		{"a possessive is no subject",
			"What was Kim's letter to Xi commemorating?", []string{"The letter Putin sent to Kim commemorated the anniversary."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := ownParagraphs(tt.sentences...)
			if got := otherActor(tt.question, qs); got != tt.want {
				t.Errorf("otherActor = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTheQuestionsSubjectSetAsideByNameIsDenied(t *testing.T) {
	q := "When did China veto the U.N. resolution?"
	tests := []struct {
		name, sentence string
		want           bool
	}{
		{"another actor, not the question's", "It was Russia, not China, that vetoed the resolution.", true},
		{"its seat set aside", "Moscow, and not Beijing, vetoed the resolution.", true},
		{"not only adds to it", "Not only China but Russia vetoed the resolution.", false},
		{"a negated verb is no contrast", "China did not veto the resolution.", false},
		{"another name set aside", "China, not Russia, vetoed the resolution.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := deniedActor(q, ownParagraphs(tt.sentence)); got != tt.want {
				t.Errorf("deniedActor(%q) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}
