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

func TestANameTheQuestionAsksAboutSetAsideIsDenied(t *testing.T) {
	tests := []struct {
		name, question, sentence string
		want                     bool
	}{
		{"the place asked about, set aside at the end",
			"What share of North Korea's exports to Russia is hair products?", "The 60% figure refers to exports to China, not Russia.", true},
		{"a name of two words set aside",
			"What did South Korea say about the drills?", "It was Japan, not South Korea, that spoke of the drills.", true},
		{"a seat for its country",
			"What share of North Korea's exports to Russia is hair products?", "The figure is for exports to Beijing, not Moscow.", true},
		{"another name set aside",
			"What share of North Korea's exports to China is hair products?", "The 60% figure refers to exports to China, not Russia.", false},
		{"a name the question sets aside itself is not asked about",
			"Where did Kim go instead of Moscow?", "He visited the embassy in Pyongyang, not Moscow.", false},
		{"a negated verb is no contrast",
			"How did Russia respond to the test?", "Russia did not respond to the test.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := deniedName(tt.question, ownParagraphs(tt.sentence)); got != tt.want {
				t.Errorf("deniedName(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
			}
		})
	}
}
