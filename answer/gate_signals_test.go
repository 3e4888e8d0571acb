package answer

import (
	"math"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/retrieval"
)

// lexicalOf indexes a few paragraphs with the real BM25 index.
func lexicalOf(paragraphs ...string) *retrieval.Lexical {
	chunks := make([][]string, len(paragraphs))
	for i, p := range paragraphs {
		chunks[i] = analysis.Tokens(p)
	}
	return retrieval.NewLexical(chunks)
}

func resultsOf(paragraphs ...string) []retrieval.Result {
	out := make([]retrieval.Result, len(paragraphs))
	for i, p := range paragraphs {
		out[i] = retrieval.Result{Rank: i + 1, Text: p, Vector: 0.3}
	}
	return out
}

var smallCorpus = []string{
	"Putin invited Kim Jong Un to the Russian capital for talks in Moscow.",
	"Tampere's new library holds 400,000 books.",
	"Rotterdam opened a harbour museum in 2019.",
}

func TestQuestionNamesFindsCapitalisedRunsNotTheFirstWord(t *testing.T) {
	tests := []struct {
		name     string
		question string
		want     []string
	}{
		{"a multi-word name", "When did Kim Jong Un visit Moscow?", []string{"Kim Jong Un", "Moscow"}},
		{"the first word is no name on its own", "What is the capital of France?", []string{"France"}},
		{"a name that opens the question", "Kim Jong Un's wife, who is she?", []string{"Kim Jong Un"}},
		{"a possessive ends a name", "Is Putin's dog called Konni?", []string{"Putin", "Konni"}},
		{"hyphenated names stay whole", "How old is Kim Ju-ae?", []string{"Kim Ju-ae"}},
		{"acronyms and numbers are not names", "What did the UN say about WWII in 2014?", nil},
		{"a capitalised compound is a name of its capitalised part", "How was the Korean-language article translated?", []string{"Korean-language"}},
		{"a preposition opening the question is no part of a name", "Besides Kim, which leader did Moscow invite?", []string{"Kim", "Moscow"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, n := range QuestionNames(tt.question) {
				got = append(got, n.Text)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("names = %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("names = %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestSignalsOfSmallQuestions(t *testing.T) {
	lx := lexicalOf(smallCorpus...)
	tests := []struct {
		name     string
		question string
		answer   string // the paragraph the answer sentence comes from
		check    func(Signals) bool
		want     string
	}{
		{"a name the corpus never mentions counts in full", "What is the capital of France?", smallCorpus[0],
			func(s Signals) bool { return s.UnknownNames == 1 && s.FocusMissing == 0 }, "one unknown name, focus covered"},
		{"an alias of a known name is known", "What did Kim say in Moscow?", smallCorpus[0],
			func(s Signals) bool { return s.UnknownNames == 0 }, "no unknown name"},
		{"the common word of a capitalised compound is no unknown name", "What did the Russian-language talks in Moscow cover?", smallCorpus[0],
			func(s Signals) bool { return s.UnknownNames == 0 && s.UnknownTerms > 0 }, "no unknown name, an unknown term"},
		{"an attribute the answer never touches", "How tall is Putin?", smallCorpus[0],
			func(s Signals) bool { return s.FocusMissing == 1 && s.TypeMissing == 1 }, "focus and number missing"},
		{"a number question answered with a number", "How many books does the library in Tampere hold?", smallCorpus[1],
			func(s Signals) bool { return s.TypeMissing == 0 && s.FocusMissing == 0 && s.Apart == 0 }, "type present, focus and name together"},
		{"a near miss: the focus and the name in different paragraphs", "How many books does the Rotterdam library hold?", smallCorpus[1],
			func(s Signals) bool { return s.Apart > 0 }, "apart > 0"},
		{"a question word the corpus lacks is a share of the question", "Which recipe did Putin invite Kim to?", smallCorpus[0],
			func(s Signals) bool { return s.UnknownTerms > 0 && s.UnknownTerms < 1 }, "unknown terms in (0, 1)"},
		{"the verifier finds a number question answered without one off the question", "How tall is Putin?", smallCorpus[0],
			func(s Signals) bool { return s.OffQuestion == 1 }, "off_question 1"},
		{"the verifier finds another owner's figure off the question", "How many books does Rotterdam's library hold?", smallCorpus[1],
			func(s Signals) bool { return s.OffQuestion == 1 }, "off_question 1"},
		{"the verifier finds a sentence that answers on the question", "How many books does the library in Tampere hold?", smallCorpus[1],
			func(s Signals) bool { return s.OffQuestion == 0 }, "off_question 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := resultsOf(smallCorpus...)
			best := 0
			for i, p := range smallCorpus {
				if p == tt.answer {
					best = i
				}
			}
			ex := extraction{score: 0.5, best: best, sentences: []string{tt.answer}, from: []int{best},
				stems: analysis.StemSet(tt.answer), paraStems: paragraphSets(results, nil)}
			s := measure(tt.question, results, ex, lx, 0.6)
			if !tt.check(s) {
				t.Errorf("signals %+v: want %s", s, tt.want)
			}
		})
	}
}

func TestAnArticlesAuthorIsNoNameTheCorpusLacks(t *testing.T) {
	lx := lexicalOf(smallCorpus...)
	results := resultsOf(smallCorpus...)
	for i := range results {
		results[i].Author = "Charlie Campbell"
	}
	ex := extraction{score: 0.5, best: 0, sentences: []string{smallCorpus[0]}, from: []int{0},
		stems: analysis.StemSet(smallCorpus[0]), paraStems: paragraphSets(results, nil)}
	q := "What did Kim say in Moscow, according to Charlie Campbell's article?"
	if s := measure(q, results, ex, lx, 0.6); s.UnknownNames != 0 || s.Unanchored != 0 {
		t.Errorf("signals %+v: want the author neither unknown nor an anchor", s)
	}
	if s := measure(q, resultsOf(smallCorpus...), ex, lx, 0.6); s.UnknownNames == 0 {
		t.Errorf("signals %+v: without the byline the name is unknown", s)
	}
}

func TestHasTypeReadsTheKindOfAnswer(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		typ      AnswerType
		want     bool
	}{
		{"digits are a number", "Delegations from 27 countries attended.", TypeNumber, true},
		{"a spelled-out number is a number", "Twenty-four years on, Putin returned.", TypeNumber, true},
		{"no number", "Kim declined the invitation.", TypeNumber, false},
		{"a year is a date", "Kim Jong Il died in 2011.", TypeDate, true},
		{"a month is a date", "Kim was invited to Moscow next May.", TypeDate, true},
		{"no date", "Kim declined the invitation.", TypeDate, false},
		{"a new capitalised name is a person", "China sent Cai Qi to greet him.", TypePerson, true},
		{"only names the question has", "Kim met Putin.", TypePerson, false},
		{"minutes are a duration", "Trains from Lund reach Dalby in 14 minutes.", TypeDuration, true},
		{"half an hour is a duration", "The crossing takes half an hour.", TypeDuration, true},
		{"until a date is a duration", "Fares stay frozen until the end of 2027.", TypeDuration, true},
		{"a date alone is no duration", "Fares were frozen in 2027.", TypeDuration, false},
		{"a distance is no duration", "The route would run about 30 kilometres from Dalby to Sjöbo.", TypeDuration, false},
		{"an ordinal year is a date", "It was his first year as Russian President.", TypeDate, true},
		{"a currency sign is money", "The machine cost €38 million.", TypeMoney, true},
		{"a currency's name is money", "A four-day pass cost 649 złoty.", TypeMoney, true},
		{"a count is no money", "It will hire 4 million tonnes of ammonia.", TypeMoney, false},
		{"kilometres are a length", "The route would run about 30 kilometres from Dalby to Sjöbo.", TypeLength, true},
		{"minutes are no length", "Trains from Lund reach Dalby in 14 minutes.", TypeLength, false},
		{"grams are a weight", "Each collar weighs 280 grams.", TypeWeight, true},
		{"a price is no weight", "Each collar cost £1,200.", TypeWeight, false},
		{"a clock time is a time of day", "Kim met him at the airport at 3 a.m.", TypeClock, true},
		{"the afternoon is a time of day", "The ministry announced it on Thursday afternoon.", TypeClock, true},
		{"a weekday is no time of day", "He arrived at the station on Tuesday.", TypeClock, false},
		{"a month is a calendar date", "Putin was born in October.", TypeCalendar, true},
		{"a weekday is no calendar date", "Kim sent the message on a Monday to mark his birthday.", TypeCalendar, false},
		{"no type expected is always present", "Anything.", TypeNone, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasType(tt.sentence, tt.typ, "Who did Kim meet? Putin?"); got != tt.want {
				t.Errorf("hasType(%q, %q) = %v, want %v", tt.sentence, tt.typ, got, tt.want)
			}
		})
	}
}

func TestBridgeCreditsNearWordsAboveTheFloorOnly(t *testing.T) {
	stems := analysis.StemSet("the newspaper reported")
	near := bridge(analysis.Stem("paper"), stems, 0.6)
	if near <= 0 || near > 1 {
		t.Errorf("bridge(paper → newspaper) = %v, want in (0, 1]", near)
	}
	if far := bridge(analysis.Stem("banana"), stems, 0.6); far != 0 {
		t.Errorf("bridge(banana → newspaper) = %v, want 0", far)
	}
	if strict := bridge(analysis.Stem("paper"), stems, 0.99); strict != 0 {
		t.Errorf("bridge with floor 0.99 = %v, want 0", strict)
	}
}

func TestGateModelProbabilityIsTheLogisticOfTheWeightedSignals(t *testing.T) {
	m := GateModel{Bias: -1, Weights: map[string]float64{"coverage": 4, "unknown_names": -3}}
	got := m.Probability(Signals{Coverage: 0.5, UnknownNames: 1})
	want := 1 / (1 + math.Exp(-(-1 + 4*0.5 - 3)))
	if math.Abs(got-want) > 1e-12 {
		t.Errorf("Probability = %v, want %v", got, want)
	}
}

func TestAMonthIsKnownInEitherSpelling(t *testing.T) {
	lx := lexicalOf("During the summit on Aug. 25, Lee proposed pacemaking diplomacy.", "The parade was held in September.")
	tests := []struct {
		name, month string
		want        float64
	}{
		{"the full name of an abbreviated month", "August", 1},
		{"the abbreviation of a spelled-out month", "Sept", 1},
		{"a month the corpus never names", "March", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := QuestionNames("When was the " + tt.month + " summit?")
			if len(n) != 1 {
				t.Fatalf("names %v, want one", n)
			}
			if got := nameCredit(n[0], lx, nil, 0.6); got != tt.want {
				t.Errorf("nameCredit(%q) = %v, want %v", tt.month, got, tt.want)
			}
		})
	}
}
