package answer

import "testing"

func TestASubjectIsReadAgainstItsOwnClauseOnly(t *testing.T) {
	stats := builtinStats(t)
	paras := []string{"Putin coming along and whipping Kim into rattling cages isn't necessarily part of that plan. A comprehensive strategic partnership could well backfire if Beijing gets peeved."}
	tests := []struct {
		name, claim string
		swapped     bool
	}{
		{"a second clause about something else is not the subject's act",
			"Putin whipping Kim into rattling cages isn't part of Beijing's plan, and the article concludes that a comprehensive strategic partnership could well backfire if Beijing gets peeved.", false},
		{"another subject for the first clause is still a swap",
			"Lavrov whipping Kim into rattling cages isn't part of Beijing's plan.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if who, got := swappedSubject(tt.claim, paras, stats); got != tt.swapped {
				t.Errorf("swappedSubject = %v (%s), want %v", got, who, tt.swapped)
			}
		})
	}
}
