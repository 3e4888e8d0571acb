package answer

import "testing"

func TestReadAsSpellsTheQuestionAsTheParagraphsDo(t *testing.T) {
	paragraphs := []string{
		"The festival in Kraków drew 41,000 people to the banks of the Wisła this summer.",
		"Tampere City Library will open three branches; the library board agreed. The city of Tampere is spending 38 million euros, and the festival budget in Lund grew.",
		"In Lund the new line opens in May; trains from Lund reach Dalby in 14 minutes.",
	}
	results, terms := resultsOf(paragraphs...), lexicalOf(paragraphs...)
	tests := []struct{ name, q, want string }{
		{"accents the corpus writes", "how many went to the festival in krakow?", "how many went to the festival in Kraków?"},
		{"a letter folded, not decomposed", "who plays by the wisla", "who plays by the Wisła"},
		{"a typo one edit from a paragraph word", "how much is tampre spending?", "how much is Tampere spending?"},
		{"a missing letter in a common word", "when is the festivl?", "when is the festival?"},
		{"two neighbouring letters swapped", "how many brnaches will open?", "how many branches will open?"},
		{"a known name written in lower case", "how long from lund to dalby", "how long from Lund to Dalby"},
		{"chat shorthand", "how many ppl came?", "how many people came?"},
		{"a contraction typed without its apostrophe", "whats the deal?", "what's the deal?"},
		{"a name the corpus lacks stays unknown", "How many books does the Rotterdam library hold?", "How many books does the Rotterdam library hold?"},
		{"a word the paragraphs write in both cases stays", "what does the city spend?", "what does the city spend?"},
		{"an English word is no typo", "What did the mayor reject?", "What did the mayor reject?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readAs(tt.q, results, terms); got != tt.want {
				t.Errorf("readAs(%q) = %q, want %q", tt.q, got, tt.want)
			}
		})
	}
}

func TestFoldAccentsDropsMarksAndFoldsLetters(t *testing.T) {
	for in, want := range map[string]string{"kraków": "krakow", "wisła": "wisla", "straße": "strasse", "plain": "plain"} {
		if got := foldAccents(in); got != want {
			t.Errorf("foldAccents(%q) = %q, want %q", in, got, want)
		}
	}
}
