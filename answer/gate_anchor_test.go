package answer

import (
	"testing"

	"github.com/footnote-dev/footnote/analysis"
)

func TestAnchoringSignalsSeeAnswersAboutAnotherEntity(t *testing.T) {
	corpus := []string{
		"Delegations from 27 countries attended this year’s Victory Day parade in Moscow.",
		"China held its own Victory Day parade in Beijing in 2015, and Kim Jong Un attended it.",
	}
	lx := lexicalOf(corpus...)
	tests := []struct {
		name      string
		question  string
		sentences []string
		check     func(Signals) bool
		want      string
	}{
		{"the figure of another city's parade is unanchored", "How many countries sent delegations to the 2015 parade in Beijing?",
			corpus[:1], func(s Signals) bool { return s.UnanchoredAnswer == 1 && s.Unanchored == 1 }, "both 1"},
		{"the figure of the parade asked about is anchored", "How many countries sent delegations to the Victory Day parade in Moscow?",
			corpus[:1], func(s Signals) bool { return s.UnanchoredAnswer == 0 && s.Unanchored == 0 }, "both 0"},
		{"the typed sentence must hold the anchors, not its neighbour", "How many countries sent delegations to the 2015 parade in Beijing?",
			corpus[:2], func(s Signals) bool { return s.UnanchoredAnswer == 1 }, "unanchored answer 1: only the Moscow sentence has a count"},
		{"an alias anchors a name", "When did Kim Jong Un attend the parade in Beijing?",
			corpus[1:2], func(s Signals) bool { return s.UnanchoredAnswer == 0 }, "0"},
		{"a question naming nothing the corpus knows, with words it lacks", "How do I keep a sourdough starter alive?",
			corpus[:1], func(s Signals) bool { return s.Nameless > 0 && s.Nameless == s.UnknownTerms }, "nameless = unknown terms"},
		{"a question naming a known entity is not nameless", "What sourdough did Kim eat in Beijing?",
			corpus[1:2], func(s Signals) bool { return s.Nameless == 0 && s.UnknownTerms > 0 }, "nameless 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := resultsOf(corpus...)
			best := indexOfParagraph(corpus, tt.sentences[0])
			ex := extraction{score: 0.5, best: best, sentences: tt.sentences,
				stems: analysis.StemSet(tt.sentences[0]), paraStems: paragraphSets(results, nil)}
			for _, s := range tt.sentences {
				ex.from = append(ex.from, indexOfParagraph(corpus, s))
			}
			if s := measure(tt.question, results, ex, lx, 0.6); !tt.check(s) {
				t.Errorf("signals %+v: want %s", s, tt.want)
			}
		})
	}
}

func indexOfParagraph(paragraphs []string, p string) int {
	for i, x := range paragraphs {
		if x == p {
			return i
		}
	}
	return 0
}

func TestAShareIsAnsweredByAShare(t *testing.T) {
	f := QuestionFocus("What percentage of North Korea's exports go to Russia?")
	if f.Type != TypeShare {
		t.Fatalf("type %q, want share", f.Type)
	}
	for sentence, want := range map[string]bool{
		"China takes 60% of its exports.":           true,
		"Half of its exports go to China.":          true,
		"It exported 3 million tons of coal.":       false,
		"Its exports to China rose 12 per cent.":    true,
		"Russia bought wigs and eyelashes in 2024.": false,
		"Most of its exports go to China.":          true,
		"Its most valuable export is coal.":         false,
		"The bulk of its trade is with China.":      true,
	} {
		if got := hasType(sentence, f.Type, "What percentage of North Korea's exports go to Russia?"); got != want {
			t.Errorf("hasType(%q) = %v, want %v", sentence, got, want)
		}
	}
}

func TestAFocusWordTheCorpusHasNeedsNoBridge(t *testing.T) {
	lx := lexicalOf("Kim sent Putin greetings on his birthday.", "Kim met Xi in Beijing.")
	answer := analysis.StemSet("In a message to Xi on Sunday, Kim extended warm greetings.")
	birthday := QuestionFocus("When is Xi Jinping's birthday?")
	if got := focusCredit(birthday, answer, lx, 0.3); got != 0 {
		t.Errorf("credit for birthday from greetings = %v, want 0: the corpus says birthday where it means one", got)
	}
	unseen := QuestionFocus("When is Xi Jinping's anniversary?")
	if got := focusCredit(unseen, analysis.StemSet("a jubilee for Xi"), lx, 0.3); got <= 0 {
		t.Errorf("credit for an unseen focus word from a near one = %v, want a bridge", got)
	}
}

func TestASentenceThatRefersBackHoldsItsParagraphsNames(t *testing.T) {
	paragraph := "Kim Jong Un has been to Russia before. The North Korean leader met Putin in Vladivostok in April 2019."
	lx := lexicalOf(paragraph, "Putin hosted the parade in Moscow.")
	sentence := "The North Korean leader met Putin in Vladivostok in April 2019."
	tests := []struct {
		name, question, sentence, paragraph string
		want                                float64
	}{
		{"a role stands for the name its paragraph gives", "When did Kim visit Vladivostok?", sentence, paragraph, 0},
		{"without its paragraph the name is missing", "When did Kim visit Vladivostok?", sentence, sentence, 0.5},
		{"a sentence that names others instead refers back to no one", "When did Kim visit Vladivostok?",
			"Putin met Xi in Vladivostok in April 2019.", paragraph, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFocus(tt.question, lx)
			if got := unanchoredAnswer(f, QuestionFocus(tt.question), quotedSentences(tt.question, QuestionFocus(tt.question), []string{tt.sentence}, []string{tt.paragraph}, []string{tt.paragraph}, []string{""})); got != tt.want {
				t.Errorf("unanchoredAnswer = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTheAnswerSentenceMustNameWhatIsCounted(t *testing.T) {
	tampere := "Tampere City Library holds about 1.36 million books and recorded 4.1 million loans."
	port := "For the Port of Rotterdam, the terminal could supply a tenth of the ammonia Europe needs by 2030."
	lx := lexicalOf(tampere, port, "The library board met in Tampere.")
	q := "How many books does Rotterdam's city library have?"
	f := newFocus(q, lx)
	got := unanchoredAnswer(f, QuestionFocus(q), quotedSentences(q, QuestionFocus(q), []string{tampere, port}, []string{tampere, port}, []string{tampere, port}, []string{"Tampere library", "Rotterdam port"}))
	if got != 1 {
		t.Errorf("unanchoredAnswer = %v, want 1: the one sentence that counts books is Tampere's; Rotterdam's figure counts ammonia", got)
	}
}

func TestASentenceStatingTheFocusHoldsItsArticlesTitle(t *testing.T) {
	sentence := "The councillor for mobility, Marta Puig, said the buses would run on every line."
	lx := lexicalOf(sentence, "Tarragona puts 84 electric buses on its streets.")
	tests := []struct {
		name, question, title string
		want                  float64
	}{
		{"the headline names the city the sentence leaves out", "Who is the councillor for mobility in Tarragona?", "Tarragona puts 84 electric buses on its streets", 0},
		{"another article's headline does not", "Who is the councillor for mobility in Tarragona?", "Valencia buys trams", 1},
		{"a sentence not stating the focus gets no credit", "Who is the mayor of Tarragona?", "Tarragona puts 84 electric buses on its streets", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFocus(tt.question, lx)
			if got := unanchoredAnswer(f, QuestionFocus(tt.question), quotedSentences(tt.question, QuestionFocus(tt.question), []string{sentence}, []string{sentence}, []string{sentence}, []string{tt.title})); got != tt.want {
				t.Errorf("unanchoredAnswer = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAPlaceNamedOnceIsTheOneALaterTheCooperativeMeans(t *testing.T) {
	named := "Fourteen medicine lockers were installed by Farmacias del Occidente, a cooperative based in Tineo."
	sentence := "The cooperative employs 27 pharmacists in 11 pharmacies."
	other := "It also ships 60% of its stock to Oviedo."
	lx := lexicalOf(named, sentence, other, "Oviedo has a cathedral.")
	q := "How many pharmacists does the Occidente cooperative employ?"
	tests := []struct {
		name, sentence, article string
		want                    float64
	}{
		{"a common noun after the refers back to the article's name", sentence, named + "\n" + sentence, 0},
		{"without the rest of the article the name is missing", sentence, sentence, 1},
		{"a bare pronoun does not reach across the article", "It employs 27 pharmacists.", named + "\n" + "It employs 27 pharmacists.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFocus(q, lx)
			got := unanchoredAnswer(f, QuestionFocus(q), quotedSentences(q, QuestionFocus(q), []string{tt.sentence}, []string{tt.sentence}, []string{tt.article}, []string{"Lockers replace a village pharmacy"}))
			if got != tt.want {
				t.Errorf("unanchoredAnswer = %v, want %v", got, tt.want)
			}
		})
	}
}
