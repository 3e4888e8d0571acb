package answer

import "testing"

func TestWithoutContrastsLeavesOutWhatTheQuestionSetsAside(t *testing.T) {
	tests := []struct{ name, q, want string }{
		{"instead of, to the end", "Where did Kim go instead of Red Square?", "Where did Kim go ?"},
		{"a leading phrase, to its comma", "Instead of flying to Moscow, where did Kim go?", ", where did Kim go?"},
		{"if not", "Where has Kim met Putin, if not Moscow?", "Where has Kim met Putin, ?"},
		{"apart from", "Apart from Kim, who was invited?", ", who was invited?"},
		{"a plain not is asked about", "Why did Kim not go to Moscow?", "Why did Kim not go to Moscow?"},
		{"what an if clause denies", "so if kim didn't go to red square, where did he go?", "so , where did he go?"},
		{"an if clause that denies nothing is asked about", "If Kim goes to Moscow, who will greet him?", "If Kim goes to Moscow, who will greet him?"},
		{"no contrast, unchanged", "When did Kim Jong Il die?", "When did Kim Jong Il die?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := withoutContrasts(tt.q); got != tt.want {
				t.Errorf("withoutContrasts(%q) = %q, want %q", tt.q, got, tt.want)
			}
		})
	}
}
