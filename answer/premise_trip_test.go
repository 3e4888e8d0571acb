package answer

import "testing"

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
		{"coming at a cost is no trip",
			"What did Shinzo Abe say about Putin's visit to Pyongyang?",
			[]string{"Shinzo Abe suggested that Pyongyang's improving ties with Moscow may be coming at China's expense."}, false},
		{"a question that denies the trip is not read",
			"Why didn't Putin head to Pyongyang after his China trip?", []string{"Putin flew to Beijing for the parade."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := ownParagraphs(tt.sentences...)
			if got := otherDestination(tt.question, qs); got != tt.want {
				t.Errorf("otherDestination = %v, want %v", got, tt.want)
			}
		})
	}
}
