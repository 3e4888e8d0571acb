package answer

import "testing"

func TestAStatementIsAnsweredByReportedSpeech(t *testing.T) {
	q := "What did Kim say in his speech on Red Square?"
	if got := QuestionFocus(q).Type; got != TypeStatement {
		t.Fatalf("QuestionFocus(%q).Type = %q, want %q", q, got, TypeStatement)
	}
	tests := []struct {
		name, sentence string
		want           bool
	}{
		{"a verb of saying", "Kim told the crowd the alliance was eternal.", true},
		{"a quotation", "“Our friendship is unbreakable,” Kim wrote.", true},
		{"according to", "According to KCNA, Kim praised the troops.", true},
		{"an event is no statement", "On May 9, the Victory Day parade took place in Moscow's Red Square.", false},
		{"a plan is no statement", "Kim is expected to attend the celebrations in Moscow.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasType(tt.sentence, TypeStatement, q); got != tt.want {
				t.Errorf("hasType(%q, statement) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}
