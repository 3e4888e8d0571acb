package answer

import "testing"

func TestANameQuestionWantsTheThingNamedNotMentioned(t *testing.T) {
	tests := []struct {
		name     string
		question string
		sentence string
		want     bool
	}{
		{"a school mentioned as a new one is not named",
			"What was the name of the Swiss boarding school Kim attended?",
			"Kim was still ensconced under a fake name at a Swiss boarding school.", false},
		{"a nationality is a kind, not a name",
			"What is the name of the Russian satellite that carries North Korean TV?",
			"North Korea switched its broadcasts from a Chinese satellite to a Russian one.", false},
		{"a name beside the noun names it",
			"Which station did Kim's train pull into?",
			"He had no official schedule upon arriving at Beijing Railway Station on Tuesday.", true},
		{"a definite mention refers back to a name earlier in the sentence",
			"Which company did the US say North Korea hacked?",
			"North Korea hacked into Sony's computers, posting revelations about the company's internal workings.", true},
		{"a quoted phrase names an idea",
			"What was President Lee's diplomacy idea called?",
			"Lee proposed the idea of \u201cpacemaking diplomacy\u201d at the summit.", true},
		{"a which question may be answered in other words",
			"Which family member did Kim bring to Beijing?",
			"Kim brought his daughter.", true},
		{"a name question is not answered by a sentence that never mentions the thing",
			"What's the name of Putin's dog?",
			"Putin met Kim in Vladivostok in April 2019.", false},
		{"the owner of the thing is not its name",
			"What is the name of the ambassador whom Beijing summoned?",
			"The Chinese government summoned Pyongyang's ambassador to its foreign ministry to decry that test.", false},
		{"a name beside the thing's owner still names it",
			"What is the name of the ambassador whom Beijing summoned?",
			"Beijing summoned Pyongyang's ambassador, Ji Jae Ryong, to its foreign ministry.", true},
		{"a title is no name",
			"Which Russian official greeted Kim?",
			"Kim was greeted by a senior Russian Official on arrival.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := QuestionFocus(tt.question)
			if f.Type != TypeName {
				t.Fatalf("QuestionFocus(%q).Type = %q, want %q", tt.question, f.Type, TypeName)
			}
			if got := hasType(tt.sentence, f.Type, tt.question); got != tt.want {
				t.Errorf("hasType(%q) for %q = %v, want %v", tt.sentence, tt.question, got, tt.want)
			}
		})
	}
}
