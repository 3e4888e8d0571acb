package answer_test

import (
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// builtinParagraphs returns the built-in corpus's paragraphs holding each
// snippet, in order, as the sources [1], [2], … of a reply.
func builtinParagraphs(t *testing.T, snippets ...string) []retrieval.Result {
	t.Helper()
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var out []retrieval.Result
	for _, s := range snippets {
		found := false
		for _, p := range c.Paragraphs() {
			if strings.Contains(p.Text, s) {
				out = append(out, retrieval.Result{Rank: len(out) + 1, Doc: p.Doc, Paragraph: p.N, Text: p.Text})
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("no built-in paragraph holds %q", s)
		}
	}
	return out
}

func TestVerifyReadsTheReplyAsAWhole(t *testing.T) {
	lx := builtinLexical(t)
	tests := []struct {
		name, question, reply string
		sources               []string
		want                  string
		outcome               answer.Outcome
	}{
		{"an uncited refusal makes what follows context, not an answer",
			"What fake name did Kim use at his Swiss boarding school?",
			"I couldn't find the fake name in the sources. They mention only that Kim was living under a fake name at a Swiss boarding school [1].",
			[]string{"ensconced under a fake name"}, "", answer.Refused},
		{"framing words do not count against a claim's support",
			"Was Kim's no-show at the Moscow parade about anything but security?",
			"The article uses this to argue that Russia has a proven record of keeping visiting leaders safe [1].",
			[]string{"proven track record of successfully ensuring"},
			"The article uses this to argue that Russia has a proven record of keeping visiting leaders safe [1].", answer.Answered},
		{"related facts, then a refusal naming what was asked, is an abstention",
			"What gift did Kim send Putin for his birthday?",
			"Kim marked Putin's birthday with a celebratory message published in North Korean state media [1]. There's no mention of any gift, though.",
			[]string{"celebratory message to Russian president"}, "", answer.Refused},
		{"a refusal of one part of a two-part question keeps the answer to the other",
			"Who did Kim call his closest comrade in the birthday message, and what gift did he send?",
			"Kim referred to Putin as his \"closest comrade\" [1]. There's no mention of any gift, though.",
			[]string{"celebratory message to Russian president"},
			"Kim referred to Putin as his \"closest comrade\" [1].", answer.Answered},
		{"a cited absence claim before the answer does not end the reply",
			"At what hour did Kim greet Putin at the airport?",
			"The sources do not say at what hour Kim greeted Putin [1]. Kim picked Putin up at the airport at 3 a.m. [1].",
			[]string{"airport pickup at 3 a.m."}, "Kim picked Putin up at the airport at 3 a.m. [1].", answer.Answered},
		{"context beside a sentence giving the date asked for is kept",
			"When did Kim and Putin sign their mutual defense treaty?",
			"Kim and Putin signed their mutual defense treaty in June [1]. The treaty restored their relations to Soviet-era commitments [2].",
			[]string{"signing a mutual defense treaty with Kim in June", "restored their relations to Soviet-era commitments"},
			"Kim and Putin signed their mutual defense treaty in June [1]. The treaty restored their relations to Soviet-era commitments [2].", answer.Answered},
		{"the same context alone is a non-answer",
			"When did Kim and Putin sign their mutual defense treaty?",
			"The treaty restored their relations to Soviet-era commitments [1].",
			[]string{"restored their relations to Soviet-era commitments"}, "", answer.Refused},
		{"a month written out matches its abbreviation",
			"When is the Workers' Party anniversary?",
			"North Korea will celebrate the 80th anniversary of the founding of the Workers' Party on October 10 [1].",
			[]string{"80th anniversary of the founding of the ruling Workers"},
			"North Korea will celebrate the 80th anniversary of the founding of the Workers' Party on October 10 [1].", answer.Answered},
		{"a capital's ambassador is its country's",
			"Why did China summon North Korea's ambassador?",
			"China summoned Pyongyang's ambassador to its foreign ministry in Beijing to protest the 2013 atomic test [1].",
			[]string{"summoned Pyongyang’s ambassador"},
			"China summoned Pyongyang's ambassador to its foreign ministry in Beijing to protest the 2013 atomic test [1].", answer.Answered},
		{"a year is no count of warheads",
			"How many nuclear warheads does North Korea have?",
			"North Korea has carried out nuclear-weapons tests, including a 2013 atomic blast [1].",
			[]string{"a 2013 atomic blast after Kim assumed command"}, "", answer.Refused},
		{"countries are no answer to which prime minister",
			"Which Japanese prime minister will attend the APEC summit in Gyeongju?",
			"The United States, China and Japan are all expected to attend the APEC summit in Gyeongju in late October [1].",
			[]string{"Asia-Pacific Economic Cooperation summit in Gyeongju"}, "", answer.Refused},
		{"a refusal naming the owner the kept count lacks takes it back",
			"How many countries sent delegations to China's 70th Victory Day parade in 2015?",
			"For Moscow's Victory Day parade this year, delegations from 27 countries attended [1]. I therefore can't say how many countries were represented in Beijing.",
			[]string{"Delegations from 27 countries attended"}, "", answer.Refused},
		{"a refusal naming the place a question's noun is of takes back a count without it",
			"How many countries sent delegations to the Beijing military parade Kim attended?",
			"The sources give a delegation count for Russia's Victory Day parade in Moscow, which 27 countries attended [1]. There's no such number for the Beijing parade.",
			[]string{"Delegations from 27 countries attended"}, "", answer.Refused},
		{"a refusal naming the focus takes back text without it, though another source has the word",
			"What sanctions did Beijing impose on Pyongyang over the Sony hack?",
			"China was looking into North Korea's possible role in the Sony hack, Bloomberg reported [1]. The sources say nothing about China imposing sanctions in response.",
			[]string{"China is investigating North Korea’s possible role", "most robust sanctions regime"}, "", answer.Refused},
		{"an adverb opening the claim is no part of the name after it",
			"What reason did North Korea give for Kim skipping China's 2015 parade?",
			"Officially North Korea blamed a domestic schedule, but the article says he did not want to lose face [1].",
			[]string{"due to a domestic schedule"},
			"Officially North Korea blamed a domestic schedule, but the article says he did not want to lose face [1].", answer.Answered},
		{"a sentence saying the sources hold the figure only of another country answers nothing",
			"What percentage of North Korea's declared exports goes to Russia?",
			"The only export figure in the sources concerns China, North Korea's largest trading partner, where human hair for wigs and fake eyelashes makes up 60% of declared exports [1].",
			[]string{"fake eyelashes"}, "", answer.Refused},
		{"a sentence saying what the sources give, without only, is an answer",
			"How many countries sent delegations to this year's Victory Day parade?",
			"The sources give a delegation count for this year's Victory Day parade: delegations from 27 countries attended [1].",
			[]string{"Delegations from 27 countries attended"},
			"The sources give a delegation count for this year's Victory Day parade: delegations from 27 countries attended [1].", answer.Answered},
		{"a refusal of something else that names the owner leaves the answer",
			"How far from Beijing is North Korea's nuclear threat, according to TIME?",
			"TIME puts the very real threat of nuclear catastrophe at just 500 miles from Beijing [1]. The article does not explain why China tolerates North Korea's existence.",
			[]string{"just 500 miles from Beijing"},
			"TIME puts the very real threat of nuclear catastrophe at just 500 miles from Beijing [1].", answer.Answered},
		{"a focus word a refusal names is not supplied by a word merely near it",
			"What barrels of crude oil does Russia ship to North Korea?",
			"Russia provides North Korea with crude oil, food and satellite technologies [1]. The articles give no figure in barrels.",
			[]string{"satellite technologies, crude oil"}, "", answer.Refused},
		{"one article is no count of the thing asked",
			"How many barrels of crude oil does Russia ship to North Korea each year?",
			"One article lists crude oil among the things Russia provides to North Korea, along with satellite technologies and food [1].",
			[]string{"satellite technologies, crude oil"}, "", answer.Refused},
		{"a why-question answered with no reason is refused by a refusal of the reason",
			"Why did Kim Jong Un attend the Victory Day parade in Moscow?",
			"The Victory Day parade took place in Moscow's Red Square on May 9 [1]. The articles offer no reason for his attendance.",
			[]string{"took place in Moscow"}, "", answer.Refused},
		{"a why-question answered with a reason keeps it beside a refusal of more",
			"Why did Kim Jong Un stay away from the Victory Day parade in Moscow?",
			"North Korea said Kim's absence was due to security concerns [1]. The articles don't explain why he felt unsafe.",
			[]string{"lack of trust in the diplomatic protocol"},
			"North Korea said Kim's absence was due to security concerns [1].", answer.Answered},
		{"another country in the place of the question's is a near miss",
			"What share of North Korea's declared exports to Russia is human hair and fake eyelashes?",
			"Human hair for wigs and fake eyelashes account for 60% of North Korea's declared exports to China [1].",
			[]string{"fake eyelashes"}, "", answer.Refused},
		{"the question's country need not be repeated by the answer",
			"What share of North Korea's declared exports to China is human hair and fake eyelashes?",
			"Human hair for wigs and fake eyelashes account for 60% of North Korea's declared exports [1].",
			[]string{"fake eyelashes"}, "Human hair for wigs and fake eyelashes account for 60% of North Korea's declared exports [1].", answer.Answered},
		{"a refusal of the verb a question asks about takes back text without it",
			"How did Park Geun-hye respond to Moscow's invitation?",
			"Moscow invited South Korean President Park Geun-hye to the anniversary celebration as well as Kim [1]. Her response isn't reported in the sources.",
			[]string{"also has invited South Korean President Park"}, "", answer.Refused},
		{"a refusal of what a what-question's verb asks takes back text without it",
			"What did Kim and Putin discuss during Kim's first visit to Moscow in 2019?",
			"In 2019 Kim met Putin in Vladivostok and at the Vostochny Cosmodrome [1]. I don't have any information about talks during a 2019 Moscow visit.",
			[]string{"met Putin in Vladivostok in"}, "", answer.Refused},
		{"a yes/no answer in other words stands beside a refusal of something else",
			"Did Kim accept Putin's invitation to the Victory Day parade?",
			"No. Kim declined Putin's invitation to the Victory Day parade [1]. The articles don't say when he told Moscow.",
			[]string{"precisely why he also declined"},
			"No. Kim declined Putin's invitation to the Victory Day parade [1].", answer.Answered},
		{"a refusal to do what the question asks answers it, whatever a refusal adds",
			"Did Kim accept Putin's invitation to the Victory Day parade?",
			"Kim declined Putin's invitation to the Victory Day parade [1]. The articles don't say whether he ever considered accepting it.",
			[]string{"precisely why he also declined"},
			"Kim declined Putin's invitation to the Victory Day parade [1].", answer.Answered},
		{"a definition answers what a word means without repeating the question's frame",
			"What does the word Juche mean?",
			"Juche is Korean for self-reliance [1].",
			[]string{"Korean for self-reliance"}, "Juche is Korean for self-reliance [1].", answer.Answered},
		{"a definition answers a casually typed what-means question",
			"whats Juche mean",
			"Juche is Korean for self-reliance [1].",
			[]string{"Korean for self-reliance"}, "Juche is Korean for self-reliance [1].", answer.Answered},
		{"a chat word after a definitional question leaves it one",
			"what does Juche mean lol",
			"Juche is Korean for self-reliance [1].",
			[]string{"Korean for self-reliance"}, "Juche is Korean for self-reliance [1].", answer.Answered},
		{"a sentence without the word asked about defines nothing",
			"What does the word Juche mean?",
			"Kim Jong Il was the current leader's father [1].",
			[]string{"Korean for self-reliance"}, "", answer.Refused},
		{"an ordinal is no count",
			"How many countries sent delegations to China's 2015 Victory Day parade?",
			"For its 70th Victory Day parade in 2015, China invited the leaders of its key allies and friendly nations to Tiananmen Square [1].",
			[]string{"70th Victory Day parade in 2015"}, "", answer.Refused},
		{"a why-question answered with a purpose keeps it beside a refusal of more",
			"Why did Kim Jong Un climb the Tiananmen Gate with Xi and Putin?",
			"Kim joined Xi and Putin atop the Tiananmen Gate to observe the Victory Day military parade [1]. The articles give no other reason.",
			[]string{"Kim joined Xi and Putin atop"},
			"Kim joined Xi and Putin atop the Tiananmen Gate to observe the Victory Day military parade [1].", answer.Answered},
		{"a refusal naming the asked actor the kept text never names takes it back",
			"What did Xi Jinping write in his birthday message to Putin?",
			"The birthday message described in the articles was sent by Kim Jong-un, who called Putin his \"closest comrade\" [1]. The sources contain nothing about Xi sending Putin birthday greetings.",
			[]string{"closest comrade"}, "", answer.Refused},
		{"a correction of who the question takes as the actor is a non-answer",
			"When did China veto the U.N. resolution renewing the sanctions Panel of Experts' mandate?",
			"It was Russia, not China, that vetoed the resolution renewing the Panel of Experts' mandate, on March 28 [1]. The articles report no Chinese veto.",
			[]string{"Panel of Experts"}, "", answer.Refused},
		{"a reply whose claims all fail is unsupported, for the fallback to judge",
			"What did Shinzo Abe say about Putin's visit to Pyongyang?",
			"Shinzo Abe suggested that Pyongyang's improving ties with Moscow may be coming at China's expense [1].",
			[]string{"may be at China’s expense"}, "", answer.Unsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := answer.Verify(tt.question, tt.reply, builtinParagraphs(t, tt.sources...), lx)
			if v.Text != tt.want || v.Outcome() != tt.outcome {
				t.Errorf("Verify = %q (outcome %v), want %q (outcome %v); decisions %+v", v.Text, v.Outcome(), tt.want, tt.outcome, v.Sentences)
			}
		})
	}
}

func TestVerifyRemovesWhatTheMatchingSentenceGivesToAnother(t *testing.T) {
	lx := builtinLexical(t)
	tests := []struct {
		name, reply, source string
		reason              answer.Reason
	}{
		{"a subject the matching sentence does not name", "China joined Russia in vetoing the U.N. resolution renewing the Panel of Experts' mandate [1].",
			"Russia on March 28 vetoed", answer.ReasonSwapped},
		{"a subject after a hedge that frames the claim", "It seems China signed a mutual defense treaty with Kim in June [1].",
			"signing a mutual defense treaty with Kim", answer.ReasonSwapped},
		{"settled where the paragraph says may", "High-level delegations from China and Russia have confirmed they will attend the celebration [1].",
			"High-level delegations from China and Russia may attend", answer.ReasonSpeculative},
		{"words quoted from one speaker given to another the sentence mentions", "Putin, for his part, had earlier hailed Kim as an “invincible comrade-in-arms” [1].",
			"whom Kim had earlier hailed", answer.ReasonAttribution},
		{"a family word the paragraph has another in place of", "Kim made headlines by bringing along his wife and supposed successor Kim Ju-ae [1].",
			"bringing along his daughter and supposed successor", answer.ReasonSwapped},
		{"a quotation standing alone is the speaker's named before it", "Xi himself said his meeting with the speaker of South Korea's national assembly was meant to emphasize Chinese preferences [1].",
			"apparently to emphasize Chinese preferences", answer.ReasonAttribution},
		{"a quote given to another than the speaker a pronoun stands for", "Putin himself told reporters that invitations have been sent to many leaders of countries [1].",
			"Invitations have been sent to many leaders", answer.ReasonAttribution},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := answer.Verify("", tt.reply, builtinParagraphs(t, tt.source), lx)
			if len(v.Sentences) != 1 || v.Sentences[0].Kept || v.Sentences[0].Reason != tt.reason {
				t.Errorf("decisions %+v, want removed as %s", v.Sentences, tt.reason)
			}
		})
	}
}

func TestAProFormAfterTheRivalsNounStandsForIt(t *testing.T) {
	lx := builtinLexical(t)
	sources := builtinParagraphs(t, "from a Chinese satellite to a Russian one")
	q := "What satellite does North Korea use for its TV now?"
	tests := []struct {
		claim string
		kept  bool
	}{
		{"North Korea now uses a Russian satellite for its state television broadcasts [1].", true},
		{"That suggests Pyongyang's warming ties with Beijing come at Moscow's expense [1].", false},
	}
	for _, tt := range tests {
		if v := answer.Verify(q, tt.claim, sources, lx); (v.Text != "") != tt.kept {
			t.Errorf("%q: kept %v, want %v (%+v)", tt.claim, v.Text != "", tt.kept, v.Sentences)
		}
	}
}

func TestAWordCapitalisedOnlyAtASentencesStartIsNoSubjectToSwap(t *testing.T) {
	reply := "Delegations from 27 countries attended this year's Victory Day parade, which was held on May 9 in Moscow's Red Square [1][2]."
	v := answer.Verify("How many countries sent delegations to this year's Victory Day parade in Moscow?", reply,
		builtinParagraphs(t, "Delegations from 27 countries", "took place in Moscow"), builtinLexical(t))
	if len(v.Sentences) != 1 || !v.Sentences[0].Kept {
		t.Errorf("decisions %+v, want the sentence kept: \"Delegations\" opens it as it opens the paragraph's", v.Sentences)
	}
}

func TestAQuestionForWhatSomeoneSaidWantsReportedSpeech(t *testing.T) {
	lx := builtinLexical(t)
	q := "What did Kim say in his speech at the Red Square parade?"
	reply := "The Victory Day parade is Russia's symbolic national celebration, a day on which the country reflects on its history [1]."
	v := answer.Verify(q, reply, builtinParagraphs(t, "showcasing its enduring military strength"), lx)
	if v.Text != "" || len(v.Sentences) != 1 || v.Sentences[0].Reason != answer.ReasonOffQuestion {
		t.Errorf("decisions %+v, want the sentence removed as a cited non-answer: it reports no speech", v.Sentences)
	}
	speech := "In his speech, Kim said the victory was shared by both peoples [1]."
	v = answer.Verify("What did Kim say in his congratulatory speech?", speech, builtinParagraphs(t, "congratulatory speech"), lx)
	if len(v.Sentences) != 1 || v.Sentences[0].Reason == answer.ReasonOffQuestion {
		t.Errorf("decisions %+v, want reported speech not removed as off the question", v.Sentences)
	}
}

func TestASpeakerNamedWithAnAffiliationKeepsTheQuoteThatGoesOn(t *testing.T) {
	reply := "Professor Lee Byung-chul of Kyungnam University said Kim wanted to present North Korea as a long-term ally of China and Russia rather than a short-term partner [1]."
	v := answer.Verify("", reply, builtinParagraphs(t, "Lee Byung-chul"), builtinLexical(t))
	if len(v.Sentences) != 1 || !v.Sentences[0].Kept {
		t.Errorf("decisions %+v, want kept: the quotation goes on with Lee's words", v.Sentences)
	}
}

func TestADateQuestionIsNotAnsweredByTheWeekdayOfAnotherEvent(t *testing.T) {
	lx := builtinLexical(t)
	q := "On what date will Kim and Xi hold their summit?"
	src := builtinParagraphs(t, "was announced, though the exact date")
	tests := []struct {
		name, reply string
		kept        bool
	}{
		{"the weekday the summit was announced", "The Chinese Foreign Ministry announced the Kim–Xi summit on Thursday afternoon [1].", false},
		{"that no date was given, as the world stands", "The Chinese Foreign Ministry announced the summit but did not specify the exact date [1].", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := answer.Verify(q, tt.reply, src, lx)
			if len(v.Sentences) != 1 || v.Sentences[0].Kept != tt.kept {
				t.Errorf("decisions %+v, want kept %v", v.Sentences, tt.kept)
			}
		})
	}
}

func TestASentenceInsideAnOpenQuotationIsItsSpeakers(t *testing.T) {
	reply := `Alexander Gabuev called it "a positive shock for the country," since North Korea can churn out munitions and get food and possibly fuel in return [1][2].`
	v := answer.Verify("", reply, builtinParagraphs(t, "positive shock", "says Alexander Gabuev"), builtinLexical(t))
	if len(v.Sentences) != 1 || v.Sentences[0].Kept || v.Sentences[0].Reason != answer.ReasonAttribution {
		t.Errorf("decisions %+v, want removed as attribution: the words go on from Haggard's quotation", v.Sentences)
	}
}

func TestEachClauseOfAClaimHasItsOwnSpeaker(t *testing.T) {
	reply := "Displeased, Kim told China he would not attend, and Pyongyang publicly put his absence down to a domestic schedule [1][2]."
	v := answer.Verify("", reply, builtinParagraphs(t, "Displeased by this decision", "due to a domestic schedule"), builtinLexical(t))
	if len(v.Sentences) != 1 || !v.Sentences[0].Kept {
		t.Errorf("decisions %+v, want kept: Kim told China, and North Korea gave the reason", v.Sentences)
	}
}

func TestAnActAddedWithAndMustBeStatedToo(t *testing.T) {
	lx := builtinLexical(t)
	sources := builtinParagraphs(t, "reduced energy shipments to North Korea")
	q := "How did China respond to North Korea's 2013 nuclear test?"
	tests := []struct {
		claim string
		kept  bool
	}{
		{"China summoned Pyongyang's ambassador and reduced energy shipments to North Korea [1].", true},
		{"China also reduced energy shipments and cut off food aid to North Korea [1].", false},
		{"China summoned Pyongyang's ambassador and cut energy shipments to North Korea [1].", true},
	}
	for _, tt := range tests {
		if v := answer.Verify(q, tt.claim, sources, lx); (v.Text != "") != tt.kept {
			t.Errorf("%q: kept %v, want %v (%+v)", tt.claim, v.Text != "", tt.kept, v.Sentences)
		}
	}
}
