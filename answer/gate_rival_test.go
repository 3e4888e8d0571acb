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
			qs := make([]quotedSentence, len(tt.sentences))
			for i, s := range tt.sentences {
				qs[i] = quotedSentence{text: s, paragraph: s}
			}
			if got := otherActor(tt.question, qs); got != tt.want {
				t.Errorf("otherActor = %v, want %v", got, tt.want)
			}
		})
	}
}

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
			if got := opposedPremise(tt.question, []quotedSentence{{text: veto, paragraph: veto}}); got != tt.want {
				t.Errorf("opposedPremise = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestATripTheSentencesSendElsewhereIsRivalled(t *testing.T) {
	seoul := "Chinese President Xi Jinping visited South Korea in July, the first time that a Chinese leader visited Seoul before Pyongyang."
	tests := []struct {
		name, question string
		sentences      []string
		want           bool
	}{
		{"a trip the sentence sends to another place is rivalled",
			"What did Xi Jinping tell Kim during his July visit to Pyongyang?", []string{seoul}, true},
		{"the place the sentence sends it to is not",
			"What did Xi Jinping say during his July visit to Seoul?", []string{seoul}, false},
		{"a capital is its country",
			"Why did Xi Jinping visit South Korea in July?", []string{"In July Xi Jinping visited Seoul, the first time a Chinese leader went there first."}, false},
		{"a sentence naming the place without a trip elsewhere may say it otherwise",
			"When did Kim visit Vladivostok?",
			[]string{"This raises the possibility that Kim Jong-un will visit Moscow for the first time ever.", "The North Korean leader met Putin in Vladivostok in April 2019."}, false},
		{"a denied trip there is rivalled",
			"Why did Xi visit Pyongyang?", []string{"Xi has not visited Pyongyang and has not invited Kim to Beijing."}, true},
		{"a question that denies the trip is not read",
			"Why didn't Putin head to Pyongyang after his China trip?", []string{"Putin flew to Beijing for the parade."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := make([]quotedSentence, len(tt.sentences))
			for i, s := range tt.sentences {
				qs[i] = quotedSentence{text: s, paragraph: s}
			}
			if got := otherDestination(tt.question, qs); got != tt.want {
				t.Errorf("otherDestination = %v, want %v", got, tt.want)
			}
		})
	}
}
