package answer_test

import (
	"slices"
	"testing"

	"github.com/footnote-dev/footnote/answer"
)

func TestQuestionFocusFindsTheThingAskedAbout(t *testing.T) {
	tests := []struct {
		name     string
		question string
		wh       string
		typ      answer.AnswerType
		stems    []string
	}{
		{"the head noun before an of-phrase", "What is the capital of France?", "what", answer.TypeNone, []string{"capit"}},
		{"an attribute adjective and the noun it stands for", "How tall is Putin?", "how tall", answer.TypeLength, []string{"height", "tall"}},
		{"the head of a phrase after a possessive", "What is Kim Jong Un's favourite food?", "what", answer.TypeNone, []string{"food"}},
		{"a typographic apostrophe", "What is Putin’s net worth?", "what", answer.TypeNone, []string{"worth"}},
		{"a weak head reads on into its of-phrase", "What's the name of Putin's dog?", "what", answer.TypeName, []string{"dog"}},
		{"how many stops at the verb", "How many countries sent delegations?", "how many", answer.TypeNumber, []string{"countri"}},
		{"how long with a verb of time asks for a duration", "How long does the train ride from Lund take?", "how long", answer.TypeDuration, nil},
		{"how long of a thing asks for a length", "How long is the new rail line?", "how long", answer.TypeLength, []string{"length", "long"}},
		{"how much skips the auxiliary, and a verb of paying asks for money", "How much does a ticket to the parade cost?", "how much", answer.TypeMoney, []string{"ticket"}},
		{"how much of a thing is any quantity", "How much ammonia can the terminal handle in a year?", "how much", answer.TypeNumber, []string{"ammonia"}},
		{"how much with weigh asks for a mass", "How much does the helmet weigh?", "how much", answer.TypeWeight, []string{"weigh"}},
		{"how old stays a number, as ages come in many shapes", "How old is the alliance?", "how old", answer.TypeNumber, []string{"age", "old"}},
		{"a noun of price asks for money", "What was the cost of the new line?", "what", answer.TypeMoney, []string{"cost"}},
		{"per starts a rate, not the head", "What dividend per share did the bank pay?", "what", answer.TypeNone, []string{"dividend"}},
		{"a noun right after which", "Which musical instrument does Kim Jong Un play?", "which", answer.TypeName, []string{"instrument"}},
		{"who with a possessive", "Who is Kim Jong Un's wife?", "who", answer.TypePerson, []string{"wife"}},
		{"when a birthday falls asks for a calendar date", "When is Xi Jinping's birthday?", "when", answer.TypeCalendar, []string{"birthday"}},
		{"an of-phrase before a possessive keeps the first head", "When is the 80th anniversary of the founding of the Korean People's Army?", "when", answer.TypeCalendar, []string{"anniversari"}},
		{"when something was done for a birthday asks for a date", "When did Kim send the birthday message?", "when", answer.TypeDate, nil},
		{"at what hour asks for a time of day", "At what hour did the train arrive?", "what", answer.TypeClock, nil},
		{"what time asks for a time of day", "What time of night did Kim go to the airport?", "what", answer.TypeClock, nil},
		{"a type word sets the type but is no focus", "Back in 2014, for which month was the trip planned?", "which", answer.TypeDate, nil},
		{"which stops at the verb", "Which news service characterized the ties as estranged?", "which", answer.TypeName, []string{"servic"}},
		{"what as the subject of a verb has no noun focus", "What went wrong with the new e-buses?", "what", answer.TypeNone, nil},
		{"a participle ends the noun phrase after where is", "Where is the Kestrel machine located?", "where", answer.TypePlace, []string{"machin"}},
		{"a verb question has no noun focus", "What did Kim and Xi sign?", "what", answer.TypeNone, nil},
		{"what someone named said asks for a statement", "What did Putin say in his speech on Oct. 10?", "what", answer.TypeStatement, nil},
		{"what a source says asks for its content, not speech", "What does the article say about Kim's daughter?", "what", answer.TypeNone, nil},
		{"a fraction asks for a share and is no focus to repeat", "What fraction of the members backed the purchase?", "what", answer.TypeShare, nil},
		{"a leading when-clause is not what is asked", "When the menu changed, how many pupils complained?", "how many", answer.TypeNumber, []string{"pupil"}},
		{"how high asks for a level, any number", "How high was the legionella count?", "how high", answer.TypeNumber, []string{"level", "high"}},
		{"what date asks for a calendar date, not a weekday", "On what date will the summit be held?", "what", answer.TypeCalendar, nil},
		{"what day may be a weekday", "On what day did Kim send the greetings?", "what", answer.TypeDate, nil},
		{"state as a noun is no verb of saying", "What did North Korea change about its state TV broadcasts?", "what", answer.TypeNone, nil},
		{"who followed by a verb", "Who greeted Putin at the airport?", "who", answer.TypePerson, nil},
		{"why expects no type", "Why can't Putin bankroll Pyongyang?", "why", answer.TypeNone, nil},
		{"no wh-word, no focus", "Anyone got a good kimchi recipe?", "", answer.TypeNone, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := answer.QuestionFocus(tt.question)
			if f.Wh != tt.wh || f.Type != tt.typ || !slices.Equal(f.Stems, tt.stems) {
				t.Errorf("QuestionFocus(%q) = wh %q type %q stems %q; want %q %q %q", tt.question, f.Wh, f.Type, f.Stems, tt.wh, tt.typ, tt.stems)
			}
			if f.HasFocus() != (len(tt.stems) > 0) {
				t.Errorf("HasFocus = %v with stems %q", f.HasFocus(), f.Stems)
			}
		})
	}
}
