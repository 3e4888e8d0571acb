package analysis

import "testing"

func TestQuestionKindReadsTheOpeningWords(t *testing.T) {
	tests := []struct {
		question string
		want     AnswerKind
	}{
		{"When did Kim Jong Il die?", KindDate},
		{"What year did the war end?", KindDate},
		{"In what year was the treaty signed?", KindDate},
		{"And when does the parade start?", KindDate},
		{"How many countries sent delegations?", KindNumber},
		{"What percentage of exports go to China?", KindNumber},
		{"Why did Kim skip the parade?", KindReason},
		{"What reason did North Korea give?", KindReason},
		{"What excuse did Pyongyang use?", KindReason},
		{"What official reason did North Korea give?", KindReason},
		{"For what reason was the line delayed?", KindReason},
		{"What main reasons do experts cite?", KindReason},
		{"In his letter, what term did Kim use to describe Putin?", KindQuote},
		{"What phrases did Kim use for the relationship?", KindQuote},
		{"How did Kim describe Russia's war in Ukraine?", KindQuote},
		{"What did Kim describe in his letter?", KindAny},
		{"What words are in the treaty's title?", KindAny},
		{"What official said it?", KindAny},
		{"Who greeted Kim in Vladivostok?", KindAny},
		{"How tall is Putin?", KindAny},
		{"Did Kim say when he would come?", KindAny},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := QuestionKind(tt.question); got != tt.want {
				t.Errorf("QuestionKind(%q) = %d, want %d", tt.question, got, tt.want)
			}
		})
	}
}

func TestAnswerKindHoldsOnlyWhatAnswersIt(t *testing.T) {
	tests := []struct {
		name string
		kind AnswerKind
		text string
		want bool
	}{
		{"a year is a date", KindDate, "He died in 2011.", true},
		{"a decade is a date", KindDate, "Ties cooled in the 1990s.", true},
		{"a month is a date", KindDate, "The parade took place on May 9.", true},
		{"a weekday is a date", KindDate, "Russia confirmed it on Monday.", true},
		{"the verb may is not a date", KindDate, "North Korea may look to secure technology.", false},
		{"a bare figure is not a year", KindDate, "Delegations from 27 countries attended.", false},
		{"a longer figure is not a year", KindDate, "It cost 20115 won.", false},
		{"a word that starts like a month is not one", KindDate, "Mayor Kim spoke.", false},
		{"a year ends a text", KindDate, "He died in 2011", true},
		{"a figure is a number", KindNumber, "Delegations from 27 countries attended.", true},
		{"a number word is a number", KindNumber, "Hundreds of balloons were sent.", true},
		{"the pronoun one is not a number", KindNumber, "No one attended the talks.", false},
		{"a causal connective is a reason", KindReason, "Its absence was due to security concerns.", true},
		{"a purpose is a reason", KindReason, "He sought to demonstrate a coalition.", true},
		{"a plain report is no reason", KindReason, "Kim declined the invitation.", false},
		{"a purpose infinitive is a reason", KindReason, "Putin invited Kim to highlight the strong ties.", true},
		{"a destination is no purpose", KindReason, "Putin invited Kim to Moscow.", false},
		{"a connective opening the sentence counts", KindReason, "Because of the war, Kim stayed.", true},
		{"a connective inside a longer word does not", KindReason, "The reasonable man stayed.", false},
		{"a quotation holds someone's words", KindQuote, "Kim called Putin his “closest comrade.”", true},
		{"a paraphrase holds none", KindQuote, "Kim praised Putin warmly.", false},
		{"any text holds an answer of any kind", KindAny, "Kim declined.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.kind.Holds(tt.text); got != tt.want {
				t.Errorf("Holds(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
