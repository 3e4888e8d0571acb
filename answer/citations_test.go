package answer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/retrieval"
)

// builtinStats are the corpus statistics of the built-in corpus.
func builtinStats(t *testing.T) analysis.TermStats {
	t.Helper()
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := retrieval.Open(t.Context(), c, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ix.Terms()
}

func TestEveryCitationStyleIsReadAndRewrittenAsN(t *testing.T) {
	tests := []struct {
		name, in, want string
		cited          []int
	}{
		{"plain", "Kim left [2].", "Kim left [2].", []int{2}},
		{"a list", "Kim left [1, 3].", "Kim left [1][3].", []int{1, 3}},
		{"adjacent", "Kim left [1][3].", "Kim left [1][3].", []int{1, 3}},
		{"a range", "Kim left [2-4].", "Kim left [2][3][4].", []int{2, 3, 4}},
		{"an en-dash range", "Kim left [2–3].", "Kim left [2][3].", []int{2, 3}},
		{"Source n", "Kim left [Source 2].", "Kim left [2].", []int{2}},
		{"Sources n, m", "Kim left [Sources 1, 2].", "Kim left [1][2].", []int{1, 2}},
		{"Source n; Source m", "Kim left [Source 1; Source 3].", "Kim left [1][3].", []int{1, 3}},
		{"source: n", "Kim left [source: 4].", "Kim left [4].", []int{4}},
		{"(Source n)", "Kim left (Source 2).", "Kim left [2].", []int{2}},
		{"(Sources n and m)", "Kim left (Sources 1 and 3).", "Kim left [1][3].", []int{1, 3}},
		{"a Markdown footnote", "Kim left.[^2]", "Kim left.[2]", []int{2}},
		{"lenticular brackets", "Kim left 【2】.", "Kim left [2].", []int{2}},
		{"lenticular list", "Kim left 【1, 2】.", "Kim left [1][2].", []int{1, 2}},
		{"a list with a serial and", "Kim left [2, 3, and 4].", "Kim left [2][3][4].", []int{2, 3, 4}},
		{"Passage n", "Kim left [Passage 2].", "Kim left [2].", []int{2}},
		{"Article n", "Kim left [Article 3].", "Kim left [3].", []int{3}},
		{"Doc n", "Kim left [Doc 1].", "Kim left [1].", []int{1}},
		{"lenticular with a dagger", "Kim left 【2†source】.", "Kim left [2].", []int{2}},
		{"a year in round brackets is no citation", "Kim left in May (2015).", "Kim left in May (2015).", nil},
		{"a treaty's article in round brackets is no citation", "NATO's mutual defence clause (Article 5) applies.", "NATO's mutual defence clause (Article 5) applies.", nil},
		{"a footnote definition line goes", "Kim left [^1].\n[^1]: Kim in Beijing, paragraph 3", "Kim left [1].\n", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := normalizeMarkers(tt.in)
			if got != tt.want {
				t.Errorf("normalized %q, want %q", got, tt.want)
			}
			if c := citedNumbers(got); !reflect.DeepEqual(c, tt.cited) {
				t.Errorf("cited %v, want %v", c, tt.cited)
			}
		})
	}
}

func TestRefusalsAreRecognisedInAnyWordingAndClaimsAreNot(t *testing.T) {
	refusals := []string{
		"The corpus doesn't say.",
		"I'm sorry, the provided articles don't mention Kim's favourite food.",
		"The sources do not say at what hour Kim met Putin [1].",
		"None of the articles say anything about France.",
		"There is no information about North Korea's GDP in these sources.",
		"I couldn't find any information on that in the context.",
		"I don't know.",
		"Kim's height is not mentioned.",
		"The passages provided are silent on this point.",
		"Unfortunately, I am unable to answer this from the given sources.",
		"I'm therefore unable to name the winner from these sources.",
		"I can't recommend any book from these articles.",
		"This cannot be determined from the articles.",
		"The articles make no mention of his wife.",
		"That is outside the scope of the provided documents.",
		"The article gives no exact time for the greeting [1].",
		"The articles only mention that Kim brought his daughter [2].",
		"The articles focus on Kim and Putin's diplomacy and don't mention Kursk or any weapons.",
		"It does not say which country is North Korea's largest trading partner, however.",
		"He doesn't make any prediction about South Korea's economy in these articles.",
		"No statement by Japan's prime minister appears in these articles.",
		"Nothing the UN Secretary General said at the 2015 parade is reported in these sources.",
		"Based on the context, the sources don’t specify when the summit takes place.",
		"That isn't covered in the articles.",
		"Unfortunately, that information isn't available in the provided text.",
		"The articles focus on diplomacy and do not address Kim's diet.",
		"This information is not provided.",
		"No answer can be found in the sources.",
		"Regrettably, the documents contain no reference to that.",
		"I have no way of knowing from these sources.",
		"The context given lacks that detail.",
		"The answer to this question isn't in the sources.",
		"There's nothing in the passages about his diet.",
		"None of the provided articles puts a figure on the size of the army.",
		"Neither of the passages quotes Xi on the visit.",
		"The articles were published before the vote, so they cannot tell us the result.",
		"The coverage predates the summit.",
		"The articles don't quote any Japanese official.",
		"Who greeted him isn't something the sources address.",
		"That's not a question the provided passages deal with.",
		"It does not, however, give a date, and neither do the other articles.",
		"The report does not, unfortunately, name the officer.",
		"Nor does any other source.",
		"The article mentions the treaty only in passing and never explains what it contains [1].",
		"The coverage describes the arrival rather than the talks [2].",
		"The reporting doesn't say how long the meeting lasted.",
		"That premise is not borne out by the articles: they do not mention a visit to Tokyo.",
		"The question assumes a speech the sources never describe; I can't help with that from them.",
		"I therefore can't tell you when it took place based on these documents.",
		"No comparable figure is provided for Beijing's 2015 parade.",
		"An exact death toll is not provided.",
		"Kim Yo-jong does not appear in any of these passages.",
		"I have no basis for saying what she said about the visit.",
		"So there is no speech of his at the Moscow parade for me to report.",
		"The school itself is never named.",
		"The premise doesn't match the sources: nothing in them describes Kim skipping the 2025 parade.",
		"No specific date for it is given, though.",
		"The articles refer to the alleged North Korean cyber attack on Sony Pictures, but they never put a figure on the company's losses.",
		"However, no quantity is given anywhere in the provided material.",
		"That question falls outside what these articles cover; they don't discuss the 2022 South Korean election.",
		// the material as the subject of any negated verb
		"The provided context doesn't go as far as explaining what was agreed.",
		"The coverage never gets around to the treaty's ratification.",
		"My sources are quiet on Kim's schooling.",
		"The articles leave that question unanswered.",
		"My search of the supplied articles turned up nothing on it.",
		"The reporting I was handed doesn't reach that far.",
		// the material named after the verb
		"Kim's birth date is absent from all five texts.",
		"Nowhere in the provided text is his height discussed.",
		"There appears to be no coverage of this in the documents.",
		"No figure for the troop numbers is given in the material.",
		"Nothing in what you've shared tells us that.",
		"Hmm, I don't see anything about his wife in here.",
		// the speaker's means
		"I have nothing to go on for that question.",
		"From the articles alone, there's no way to know.",
		"Honestly, this one isn't answerable from the texts.",
		"I can't point to any passage that answers this.",
		// an absence stated alone, uncited
		"The exact day the treaty was signed is not given.",
		"The number of soldiers killed isn't reported.",
		// uncited, any sentence about something missing
		"Not stated.",
		"Kim's age? Can't say from these.",
		"Xi's parade speech is neither quoted nor summarized.",
		"Nope, no car make or model is mentioned.",
		"The amount of crude oil is never quantified.",
		// cited, the material named or a text's verb at the clause's end
		"Duration of the visit is unspecified in the provided text [1].",
		"Kim's health isn't discussed [3].",
		"Outcome of the summit? Not in here. [2]",
	}
	for _, s := range refusals {
		if !isRefusal(s) {
			t.Errorf("not read as a refusal: %q", s)
		}
	}
	claims := []string{
		"Kim did not mention Putin in his speech [1].",
		"The Chinese Foreign Ministry announced the summit but did not specify the exact date [1].",
		"Both North Korea and Russia deny the existence of an arms deal [2].",
		"There were no major remarks or gestures [3].",
		"Kim has never visited a foreign country since 2011 [1].",
		"Seoul's presidential office declined to offer a detailed assessment [2].",
		"The articles say Kim declined Putin's invitation [1].",
		"It did not take long for the two leaders to sign the treaty [1].",
		"Nothing was signed at the summit in Beijing [2].",
		"Kim did not quote Putin in his speech [1].",
		"None of the delegations quoted the treaty [2].",
		"None of the documents were signed in public [1].",
		"The treaty does not, however, mention nuclear weapons [1].",
		"The article describes the visit as historic rather than routine [1].",
		"The report says Kim arrived by train and did not mention Putin [1].",
		"Xi describes the partnership as strategic, not tactical [3].",
		"The claim was not supported by evidence, the ministry said [2].",
		"Putin said he could not help the North with grain this year [1].",
		"Kim did not attend, as reported in the articles [1].",
		"The two leaders never signed the accord described in the report [2].",
		"No foreign leader appears in the photos, the report says [1].",
		"No reason was given for the delay [1].",
		"The exact date was not specified by the ministry [1].",
		"Security was not provided by the host country [2].",
		"The school Kim attended is never named in public, the ministry says [1].",
		"No date for the summit was given by the ministry [1].",
		"According to the sources, Kim has never been to the Russian capital [1].",
		"In the article, he has not visited any foreign country since then [1].",
		"Kim's message to Xi made no mention of personal ties [2].",
		"Personal praise for Xi was not mentioned in Kim's Sunday letter [1].",
		"The article says Kim did not attend the parade [1].",
		"The piece notes that Xi has not visited Pyongyang [2].",
		"The articles, published in June, describe a treaty that was never ratified [1].",
		"The treaty was not discussed at the summit [1].",
		"Kim's health was not addressed by the ministry [2].",
		// uncited framing
		"Here's what I found in the sources:",
		"Let me know if you'd like more detail on any of these points.",
	}
	for _, s := range claims {
		if isRefusal(s) {
			t.Errorf("a claim read as a refusal: %q", s)
		}
	}
}

func TestNumbersAreComparedByValueWhateverTheirSpelling(t *testing.T) {
	para := []string{"Delegations from 27 countries attended, with 15 of them holding talks through the 10th. Twenty-four years on, 60% of exports and 1,000 tons at 3 a.m. in 1950-53."}
	tests := []struct {
		claim   string
		missing bool
	}{
		{"Fifteen of them held talks.", false},
		{"Twenty of them held talks.", true},
		{"Twenty-seven countries attended.", false},
		{"It was 24 years later.", false},
		{"Sixty percent of exports.", false},
		{"It happened in 1953.", false},
		{"It happened in 1954.", true},
		{"About 1,000 tons.", false},
		{"About 2,000 tons.", true},
		{"The two leaders met at 3:00.", false},
		{"One of the delegations held talks for the first time.", false},
		{"The fifth delegation.", true},
		{"A dozen of them held talks.", true},
		{"Half a dozen of them held talks.", true},
		{"Two dozen years on.", false},
		{"Dozens of countries attended.", false},
	}
	for _, tt := range tests {
		if v, got := missingNumber(tt.claim, para); got != tt.missing {
			t.Errorf("%q: missing %v (%v), want %v", tt.claim, got, v, tt.missing)
		}
	}
}

func TestSpelledOutNumbersShareTheirDigitsWithTheParagraph(t *testing.T) {
	for in, want := range map[string]string{
		"Twenty-seven countries sent delegations": "27 countries sent delegations",
		"Seventeen of them held talks":            "17 of them held talks",
		"one hundred and five tons":               "105 tons",
		"one of the reasons, the first time":      "one of the reasons, the first time",
		"two leaders met twice":                   "2 leaders met twice",
		// a pair weighs as the common word, as numbersIn reads it
		"the two leaders met twice":  "the two leaders met twice",
		"Both sides, two days later": "Both sides, 2 days later",
	} {
		if got := numberWordsAsDigits(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "Delegations from 27 countries attended this year's Victory Day parade, with 15 of them holding bilateral talks with Putin through the 10th."}}
	stats := builtinStats(t)
	expectKept(t, sources, stats, map[string]bool{
		"Twenty-seven countries sent delegations to the parade [1].":        true,
		"Fifteen of the delegations held bilateral talks with Putin [1].":   true,
		"Seventeen of the delegations held bilateral talks with Putin [1].": false,
	})
}

func TestClaimsThatMightLookLikeRefusalsOrContradictionsAreKept(t *testing.T) {
	// Each is a correct paraphrase a verifier must not mistake: a ministry
	// that gave no date is a claim, and a present-tense date for a
	// scheduled event is not a speculation stated as fact.
	for _, s := range []string{
		"The Chinese Foreign Ministry gives no date for the summit [1].",
		"Kim has no information advantage over Seoul [1].",
	} {
		if isRefusal(s) {
			t.Errorf("a claim read as a refusal: %q", s)
		}
	}
	para := []string{"North Korea is scheduled to celebrate the 80th anniversary of the founding of the ruling Workers' Party on Oct. 10. China would be the natural place for his debut."}
	for _, claim := range []string{"The 80th anniversary of the Workers' Party falls on Oct. 10.", "China is the natural place for Kim's debut."} {
		if r := polarityConflict(claim, para, builtinStats(t)); r != "" {
			t.Errorf("%q: %s", claim, r)
		}
	}
	if r := polarityConflict("China was the place of Kim's debut.", para, builtinStats(t)); r != ReasonSpeculative {
		t.Errorf("a past-tense claim of what may happen: got %q, want speculative", r)
	}
}

func TestAnAntonymContradictsLikeANegation(t *testing.T) {
	para := []string{"The Chinese government summoned Pyongyang's ambassador to decry that test, and reduced energy shipments to North Korea."}
	stats := builtinStats(t)
	if r := polarityConflict("China increased its energy shipments to North Korea.", para, stats); r != ReasonPolarity {
		t.Errorf("increased against reduced: got %q, want polarity", r)
	}
	if r := polarityConflict("China cut energy shipments to North Korea.", para, stats); r == ReasonPolarity {
		t.Errorf("a paraphrase with the same meaning read as a contradiction")
	}
	if r := polarityConflict("China reduced its energy shipments to North Korea.", para, stats); r != "" {
		t.Errorf("the paragraph's own word: got %q", r)
	}
}

const mcCrearyParagraph = "Relations between Beijing and Pyongyang remain chilly. Chinese President Xi Jinping visited South Korea in July, the first time that a Chinese leader visited Seoul before Pyongyang. “The Chinese are so displeased with Kim’s leadership style and actions that Chinese President Xi has visited Seoul and hosted South Korean president Park in Beijing, but Xi has not visited Pyongyang and has not invited Kim to Beijing,” former Defense Intelligence Agency analyst John McCreary wrote Monday."

func TestANegationReachesOnlyWhatItNegates(t *testing.T) {
	stats := builtinStats(t)
	tests := []struct {
		name, claim, para string
		want              Reason
	}{
		{"no with its noun phrase does not deny the arrival after it",
			"He arrived at the station on Tuesday with his daughter.",
			"Though he had no official schedule upon arriving at the station on Tuesday, he made headlines by bringing his daughter.", ""},
		{"instead without of affirms what follows",
			"Xi placed the Secretary General in the seats closest to him.",
			"Xi rejected the request, instead placing the Secretary General in the seats closest to him.", ""},
		{"instead of negates what it introduces",
			"Kim went to Moscow for the talks.",
			"Kim went to Vladivostok for the talks instead of Moscow.", ReasonPolarity},
		{"a negating noun does not reach past its verb",
			"Pyongyang blamed a domestic schedule.",
			"North Korea claimed his absence was due to a domestic schedule.", ""},
		{"a negating noun still negates what it governs",
			"Kim was present at the Moscow parade.",
			"Kim's absence from the Moscow parade was noted.", ReasonPolarity},
		{"held back from is a refusal like declined",
			"Seoul's presidential office held back from a detailed assessment.",
			"Seoul's presidential office declined to offer a detailed assessment.", ""},
		{"an affirmed claim against held back is a contradiction",
			"Seoul's presidential office offered a detailed assessment.",
			"Seoul's presidential office held back from a detailed assessment.", ReasonPolarity},
		{"a negation does not reach into the clause a subordinator opens",
			"Kim took over North Korea in 2011.",
			"Kim has never visited a foreign country since taking over North Korea following the death of his father in 2011.", ""},
		{"a phrasal verb's particle may follow its object",
			"Xi turned the request down.",
			"Xi, however, rejected the request, instead placing the Secretary General beside him.", ""},
		{"and so negate what the paragraph affirms",
			"Kim turned Putin's invitation down.",
			"Kim accepted Putin's invitation to visit Moscow.", ReasonPolarity},
		{"an antonym that negates by itself is counted once",
			"Xi accepted the request.",
			"Xi, however, rejected the request, instead placing the Secretary General beside him.", ReasonPolarity},
		{"instead ends the reach of a negation before it",
			"Kim turned down Putin's invitation and instead visited the Russian embassy in Pyongyang.",
			"Instead, Kim visited the Russian embassy in Pyongyang to mark the anniversary.", ""},
		{"instead of negates what it introduces, not the instead it shares",
			"Instead of going to Moscow, Kim marked the anniversary by visiting the Russian embassy in Pyongyang.",
			"Instead, Kim visited the Russian embassy in Pyongyang to mark the anniversary.", ""},
		{"what a claim sets aside is checked as a claim of its own",
			"In his speech, Kim kept the focus on Russia's victory rather than on his own achievements.",
			"In his congratulatory speech, Kim Jong-un seemed to praise Russia's victory, but the remarks were largely centered around his own achievements.", ReasonPolarity},
		{"a place set aside as the paragraph sets it aside",
			"Kim went to Vladivostok for the talks rather than to Moscow.",
			"Kim went to Vladivostok for the talks instead of Moscow.", ""},
		{"agreeing with one clause does not excuse contradicting another about something else",
			"The two Korean leaders went on to meet for the first time at the celebration.",
			"Moscow also has invited South Korean President Park Geun-hye to the anniversary celebration. If both attend, it could lead to the first meeting between the two Korean leaders.", ReasonSpeculative},
		{"a thing asked for, in quotation marks, is not had",
			"Moscow has managed to attach a “sunset clause” to the existing sanctions regime.",
			"Moscow is also seeking to permanently dismantle punitive economic measures targeting Pyongyang by calling for a “sunset clause” for the existing sanctions regime.", ReasonSpeculative},
		{"asking for it as the paragraph does",
			"Moscow has called for a sunset clause for the existing sanctions regime.",
			"Moscow is also seeking to permanently dismantle punitive economic measures targeting Pyongyang by calling for a “sunset clause” for the existing sanctions regime.", ""},
		{"a thing sought is not done",
			"Moscow dismantled the punitive measures against Pyongyang.",
			"Moscow is seeking to dismantle the punitive measures against Pyongyang.", ReasonSpeculative},
		{"struggling is the opposite of a proven success",
			"Russia has struggled to guarantee the safety of world leaders at international events.",
			"Russia has a proven track record of successfully ensuring the safety of world leaders at international events.", ReasonPolarity},
		{"a veto is the opposite of a vote in favour",
			"Russia voted in favour of renewing the Panel of Experts' mandate.",
			"Russia on March 28 vetoed a U.N. resolution renewing the bloc's Panel of Experts' mandate.", ReasonPolarity},
		{"a first trip is a never before",
			"It would be Kim's first trip to the Russian capital.",
			"Kim met Putin in Vladivostok but has never been to the Russian capital.", ""},
		{"a trip before is not",
			"Kim has been on a trip to the Russian capital before.",
			"Kim met Putin in Vladivostok but has never been to the Russian capital.", ReasonPolarity},
		{"never still reaches past a preposition",
			"Kim has been to the Russian capital.",
			"Kim met Putin in Vladivostok but has never been to the Russian capital.", ReasonPolarity},
		{"left out is omitted",
			"Kim's letter to Xi left out any personal praise.",
			"Kim's letter to Xi omitted any personal praise.", ""},
		{"left out of what the paragraph gives is a contradiction",
			"Kim's letter to Xi left out any personal praise.",
			"Kim's letter to Xi was full of personal praise.", ReasonPolarity},
		{"a negation matched where the paragraph says it, after its but",
			"A separate letter Kim sent to Xi Jinping on Sunday left out any personal praise for Xi.",
			"The warm tone contrasted with a separate letter Kim sent to Xi Jinping on Sunday, which commemorated the anniversary but omitted any personal praise for Xi.", ""},
		{"a negation split off still contradicts the clause it matches",
			"A separate letter Kim sent to Xi Jinping on Sunday did not commemorate the anniversary.",
			"The warm tone contrasted with a separate letter Kim sent to Xi Jinping on Sunday, which commemorated the anniversary but omitted any personal praise for Xi.", ReasonPolarity},
		{"the speaker's title locates no clause",
			"Former Defense Intelligence Agency analyst John McCreary wrote that Xi has visited Seoul and hosted South Korean president Park in Beijing, but has not visited Pyongyang or invited Kim to Beijing.",
			mcCrearyParagraph, ""},
		{"a contradiction under the speaker's title is still one",
			"Former Defense Intelligence Agency analyst John McCreary wrote that Xi has visited Pyongyang and invited Kim to Beijing.",
			mcCrearyParagraph, ReasonPolarity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := polarityConflict(tt.claim, []string{tt.para}, stats); got != tt.want {
				t.Errorf("%q against %q: got %q, want %q", tt.claim, tt.para, got, tt.want)
			}
		})
	}
}

func TestANameIsFoundUnderItsAcronymOrItsPlural(t *testing.T) {
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "Lee is set to attend the 80th session of the United Nations General Assembly in New York. If both attend, it could lead to the first meeting between the leaders of North Korea and South Korea."}}
	stats := builtinStats(t)
	expectKept(t, sources, stats, map[string]bool{
		"Lee is set to attend the 80th session of the UN General Assembly in New York [1].":       true,
		"It could lead to the first meeting between the leaders of the two Koreas [1].":           true,
		"Lee is set to attend the 80th session of the EU General Assembly in New York [1].":       false,
		"It could lead to the first meeting between the leaders of the two Koreas and Japan [1].": false,
	})
}

func TestACountryIsCoveredByItsCapitalButACapitalNotByItsCountry(t *testing.T) {
	stats := builtinStats(t)
	tests := []struct {
		name, claim, para string
		kept              bool
	}{
		{"the country of a capital the paragraph names",
			"Although he has met Putin elsewhere in Russia, Kim has never been to the Russian capital [1].",
			"This raises the possibility that Kim will visit Moscow for the first time ever. Kim met Putin in Vladivostok and at the Vostochny Cosmodrome, but has never been to the capital.", true},
		{"a capital for a country named inside an organisation",
			"The center is based in Moscow [1].",
			"Alexander Gabuev, director of the Carnegie Russia Eurasia Center in Berlin, said the ties would deepen.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Verify("", tt.claim, []retrieval.Result{{Doc: "d", Paragraph: 1, Text: tt.para}}, stats)
			if (v.Text != "") != tt.kept {
				t.Errorf("verified as %q, want kept %v (%+v)", v.Text, tt.kept, v.Sentences)
			}
		})
	}
}

func TestFramingWordsAreNotWeighedAsTheClaim(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Seen from Putin's side, any cost is a gain.", "any cost is a gain."},
		{"From Seoul's point of view, the talks failed.", "the talks failed."},
		{"The article presents this as part of a narrative.", "part of a narrative."},
		{"The article reads this as a hint that ties are closer.", "a hint that ties are closer."},
		{"The author reads that explanation as a sign of distrust.", "a sign of distrust."},
		{"It seems China signed the treaty.", "China signed the treaty."},
		{"Based on the sources, the talks failed.", "the talks failed."},
		{"This is a reversal, since Russia once backed sanctions.", "Russia once backed sanctions."},
		{"The author doesn't buy this, arguing that Kim only attends as the top guest.", "Kim only attends as the top guest."},
		{"Another article likewise describes relations as chilly.", "relations as chilly."},
		{"Both reports note that the talks failed.", "the talks failed."},
		{"Yes — Pyongyang attributed his absence to security concerns.", "Pyongyang attributed his absence to security concerns."},
		{"No, Kim did not attend.", "Kim did not attend."},
		{"Kim met Putin from the Russian side of the border.", "Kim met Putin from the Russian side of the border."},
		{"The reports of a summit were denied.", "The reports of a summit were denied."},
	}
	for _, tt := range tests {
		got := strings.Join(strings.Fields(withoutFraming(tt.in)), " ")
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNegationWordsAreLeftToThePolarityCheck(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: mcCrearyParagraph}}
	expectKept(t, sources, stats, map[string]bool{
		"Xi has neither been to Pyongyang nor asked Kim to visit Beijing [1].": true,
		"Xi has never visited South Korea [1].":                                false,
	})
}

func TestANameTheQuestionAsksAboutMustNotReplaceTheParagraphs(t *testing.T) {
	stats := builtinStats(t)
	tests := []struct {
		name, question, claim, para string
		kept                        bool
	}{
		{"another leader in the paragraph's place",
			"How many foreign leaders held bilateral talks with Xi?",
			"Fifteen of the visiting leaders held bilateral talks with Xi [1].",
			"Delegations from 27 countries attended the parade, with 15 of them holding bilateral talks with Putin through the 10th.", false},
		{"the question's name as context the paragraph leaves implicit",
			"Who did Kim Jong Un sit next to at the luncheon?",
			"At the luncheon, Kim sat next to Peng Liyuan, China's first lady [1].",
			"At the luncheon reception following the parade, he was seated next to Chinese first lady Peng Liyuan.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Verify(tt.question, tt.claim, []retrieval.Result{{Doc: "d", Paragraph: 1, Text: tt.para}}, stats)
			if (v.Text != "") != tt.kept {
				t.Errorf("verified as %q, want kept %v (%+v)", v.Text, tt.kept, v.Sentences)
			}
		})
	}
}

func TestASentenceOpenerBeforeOfIsNoPartOfTheName(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "For China's 70th Victory Day parade in 2015, Kim asked to be positioned next to Xi Jinping during the ceremony."}}
	expectKept(t, sources, stats, map[string]bool{
		"Ahead of China's 70th Victory Day parade in 2015, Kim asked to stand next to Xi Jinping [1].": true,
		"Ahead of Japan's 70th Victory Day parade in 2015, Kim asked to stand next to Xi Jinping [1].": false,
	})
}

func TestAnAcronymTheRetrievedParagraphsSpellOutIsNoUnknownName(t *testing.T) {
	stats := builtinStats(t)
	q := "Which Korean leader did Moscow invite to the WWII anniversary celebration?"
	claim := "Moscow also invited South Korean President Park Geun-hye to the anniversary celebration [1]."
	cited := retrieval.Result{Doc: "d", Paragraph: 2, Text: "Moscow also has invited South Korean President Park Geun-hye to the anniversary celebration."}
	spelled := retrieval.Result{Doc: "d", Paragraph: 1, Text: "Kim has been invited to Russia's 70th anniversary of the end of World War II."}
	if v := Verify(q, claim, []retrieval.Result{cited, spelled}, stats); v.Text == "" {
		t.Errorf("removed although another retrieved paragraph spells out WWII: %+v", v.Sentences)
	}
	if v := Verify(q, claim, []retrieval.Result{cited}, stats); v.Text != "" {
		t.Errorf("kept with WWII nowhere in the retrieved paragraphs: %q", v.Text)
	}
}

func TestASentenceReferringBackToAKeptAnswerIsItsContext(t *testing.T) {
	stats := builtinStats(t)
	q := "Which family member accompanied Kim Jong-un on his trip to Beijing?"
	sources := []retrieval.Result{
		{Doc: "d", Paragraph: 1, Text: "Kim was accompanied by his daughter, Ju-ae, at the Chinese Victory Day event."},
		{Doc: "d", Paragraph: 2, Text: "Her presence also carried generational symbolism, suggesting Pyongyang intends to maintain its alliance with Beijing and Moscow well into the future."},
	}
	answer := "Kim's daughter, Ju-ae, accompanied him [1]. "
	tests := []struct {
		name, reply string
		sentences   int
	}{
		{"a sentence opening with her after the answer", answer + "Her presence carried generational symbolism, suggesting Pyongyang intends to maintain its alliance well into the future [2].", 2},
		{"the same claim not referring back", answer + "Pyongyang intends to maintain its alliance with Beijing and Moscow well into the future [2].", 1},
		{"a referring sentence with no answer before it", "Her presence carried generational symbolism, suggesting Pyongyang intends to maintain its alliance well into the future [2].", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Verify(q, tt.reply, sources, stats)
			kept := 0
			for _, c := range v.Sentences {
				if c.Kept {
					kept++
				}
			}
			if kept != tt.sentences {
				t.Errorf("kept %d sentences, want %d: %+v", kept, tt.sentences, v.Sentences)
			}
		})
	}
}

func TestASentenceOpeningWithTheAskedNameAfterAnAnswerIsItsContext(t *testing.T) {
	stats := builtinStats(t)
	q := "When did Kim Jong Il die?"
	sources := []retrieval.Result{
		{Doc: "d", Paragraph: 1, Text: "Kim has never visited a foreign country since taking over North Korea following the death of his father, Kim Jong Il, in 2011."},
		{Doc: "d", Paragraph: 2, Text: "“Juche” is Korean for self-reliance, a mantra of Kim Jong Il, the father of the current North Korean leader."},
		{Doc: "d", Paragraph: 3, Text: "Putin hailed the publication of a book on Juche in Russia."},
	}
	answer := "Kim Jong Il died in 2011 [1]. "
	tests := []struct {
		name, reply string
		sentences   int
	}{
		{"the asked name opening a sentence after the answer", answer + "Kim Jong Il is also remembered for Juche, the Korean notion of self-reliance that was one of his mantras [2].", 2},
		{"the asked name after a removed sentence after the answer", answer + "He died in Moscow [3]. Kim Jong Il is also remembered for Juche, the Korean notion of self-reliance that was one of his mantras [2].", 2},
		{"another name opening it", answer + "Putin hailed the publication of a book on Juche in Russia [3].", 1},
		{"the asked name with no answer before it", "Kim Jong Il is also remembered for Juche, the Korean notion of self-reliance that was one of his mantras [2].", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Verify(q, tt.reply, sources, stats)
			kept := 0
			for _, c := range v.Sentences {
				if c.Kept {
					kept++
				}
			}
			if kept != tt.sentences {
				t.Errorf("kept %d sentences, want %d: %+v", kept, tt.sentences, v.Sentences)
			}
		})
	}
}

func TestAPronounSpeakerIsWhoActedLastByName(t *testing.T) {
	stats := builtinStats(t)
	para := "In his message to Putin, Kim expressed hope in the deepening of ties between Pyongyang and Moscow. He also recalled their meeting in June, calling their current relationship an “invincible alliance relations” and “eternal strategic relations.”"
	expectAttributions(t, stats, para, []attributionCase{
		{`Putin, for his part, described the relationship as "eternal strategic relations".`, true},
		{`Kim described the relationship as "eternal strategic relations".`, false},
	})
}

func TestACapitalStandsForItsCountryOnlyWhereNoOtherCityStands(t *testing.T) {
	stats := builtinStats(t)
	para := "Alexander Gabuev, director of the Carnegie Russia Eurasia Center in Berlin, said the ties would deepen."
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: para}}
	expectKept(t, sources, stats, map[string]bool{
		"Gabuev heads the Carnegie Russia Eurasia Center in Moscow [1].": false,
		"Gabuev heads the Carnegie Russia Eurasia Center in Berlin [1].": true,
	})
	if v := Verify("", "Gabuev said Moscow's ties with Pyongyang would deepen [1].", []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "Gabuev said Russia's ties with North Korea would deepen."}}, stats); v.Text == "" {
		t.Errorf("a capital for its country with no rival city was removed: %+v", v.Sentences)
	}
}

func TestAnotherNameOfTheSameKindIsASwap(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "Lee Byung-chul is a professor at Kyungnam University, where he studies North Korea."}}
	expectKept(t, sources, stats, map[string]bool{
		"Lee Byung-chul is a professor at Seoul National University [1].": false,
		"Lee Byung-chul is a professor at Kyungnam University [1].":       true,
	})
}

func TestACountryNamedElseWhereInTheParagraphIsNoSubjectItGivesAnother(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "The schoolhouse drama ratcheted up Monday, when the Russians confirmed that they have invited Kim Jong Un to Moscow next May, before the North Korean leader meets with the leadership of China."}}
	expectKept(t, sources, stats, map[string]bool{
		"It was the Chinese who confirmed that Kim had been invited to Moscow next May [1].": false,
		"The Russians confirmed that Kim had been invited to Moscow next May [1].":           true,
		"Moscow confirmed that Kim had been invited to Russia next May [1].":                 true,
	})
}

// expectKept verifies each claim, asked of no question, against sources
// and checks whether it is kept.
func expectKept(t *testing.T, sources []retrieval.Result, stats analysis.TermStats, claims map[string]bool) {
	t.Helper()
	for claim, kept := range claims {
		if v := Verify("", claim, sources, stats); (v.Text != "") != kept {
			t.Errorf("%q: verified as %q, want kept %v (%+v)", claim, v.Text, kept, v.Sentences)
		}
	}
}

func TestANameSharingOneWordWithAnotherIsNotIt(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "North Korea will celebrate the 80th anniversary of the founding of the ruling Workers' Party on Oct. 10. Stephan Haggard, a professor at the University of California, San Diego, expects the economy to rebound."}}
	expectKept(t, sources, stats, map[string]bool{
		"The Chinese Communist Party will celebrate its anniversary on Oct. 10 [1].": false,
		"The Workers' Party will celebrate its anniversary on Oct. 10 [1].":          true,
		"Haggard, of UC San Diego, expects the economy to rebound [1].":              true,
	})
}

func TestACapitalOpeningAClaimStandsForItsGovernment(t *testing.T) {
	para := "North Korea claimed Kim's absence was due to security concerns."
	tests := []struct {
		name, claim string
		want        bool
	}{
		{"the capital as the subject", "Pyongyang attributed Kim's absence to security concerns.", true},
		{"after an answer to a yes/no question", "Yes — Pyongyang blamed security concerns.", true},
		{"the capital as a place is a claim of its own", "Kim's absence from Pyongyang was due to security concerns.", false},
		{"the capital owning what follows", "Pyongyang's explanation was security concerns.", true},
		{"the capital owning what follows past the opening", "Security concerns were Pyongyang's explanation.", true},
		{"the capital a relation is with", "Security concerns strained ties with Pyongyang.", true},
		{"the capital after another preposition is a place", "Security concerns kept Kim in Pyongyang.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stems := withNameForms(analysis.StemSet(para), tt.claim, para)
			if got := stems[analysis.Stem("pyongyang")]; got != tt.want {
				t.Errorf("paragraph credited with Pyongyang: %v, want %v", got, tt.want)
			}
		})
	}
}

func TestANameOwningWhatFollowsASayingVerbIsNotTheSpeaker(t *testing.T) {
	stats := builtinStats(t)
	para := "“This really takes some pressure off of the North Korean economy, which I expect to rebound,” says Stephan Haggard, professor of Korea studies at the University of California San Diego."
	claim := "Stephan Haggard, a professor of Korea studies at the University of California San Diego, said Russia's backing takes some pressure off North Korea's economy."
	if who, bad := attributionFails(claim, "", []string{para}, nil, stats); bad {
		t.Errorf("attribution fails (%s): Russia owns the backing, it does not speak", who)
	}
}

func TestASpeakersOwnerIsNotPartOfTheSpeakersName(t *testing.T) {
	stats := builtinStats(t)
	para := "The South Korean news service Yonhap described Pyongyang and Beijing as “relatively estranged.”"
	expectAttributions(t, stats, para, []attributionCase{
		{`South Korea's Yonhap called the two capitals "relatively estranged".`, false},
		{`South Korea's Chosun Ilbo called the two capitals "relatively estranged".`, true},
	})
}

func TestASpeakersAffiliationBeforeTheirRoleIsTheSpeaker(t *testing.T) {
	stats := builtinStats(t)
	para := "“By placing his daughter on a multilateral diplomatic stage rich with military symbolism, Kim aimed to show the regime’s permanence,” said Lee Byung-chul, a professor at the Institute for Far Eastern Studies at Kyungnam University."
	expectAttributions(t, stats, para, []attributionCase{
		{"A Kyungnam University professor said Kim put his daughter on the diplomatic stage to show the regime's permanence.", false},
		{"A Ministry of Unification official said Kim put his daughter on the diplomatic stage to show the regime's permanence.", true},
	})
}

func TestABodyGivenAStatementMustBeInTheParagraph(t *testing.T) {
	stats := builtinStats(t)
	para := "Still, a Ministry of Unification official said Thursday that North Korea may use its improved ties with China and Russia as leverage to engage in talks with the United States."
	expectAttributions(t, stats, para, []attributionCase{
		{"The office also suggested North Korea might use its ties with China and Russia as leverage for talks with the United States.", true},
		{"The ministry said North Korea might use its ties with China and Russia as leverage for talks with the United States.", false},
		{"An official said North Korea might use its ties with China and Russia as leverage for talks with the United States.", false},
	})
}

func TestAVagueOrdinalBeforeACalendarUnitIsACount(t *testing.T) {
	para := []string{"The last time Putin visited North Korea, it was his first year as Russian President. It was a first visit."}
	tests := []struct {
		claim   string
		missing bool
	}{
		{"It was in his second year as president.", true},
		{"It was in his first year as president.", false},
		{"It was a second visit.", false},
	}
	for _, tt := range tests {
		if v, got := missingNumber(tt.claim, para); got != tt.missing {
			t.Errorf("%q: missing %v (%v), want %v", tt.claim, got, v, tt.missing)
		}
	}
}

func TestStayingAwayIsAbsence(t *testing.T) {
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "North Korea claimed Kim’s absence was due to “security concerns”, but it reflects its lack of trust in the diplomatic protocol and security arrangements of its ally."}}
	expectKept(t, sources, builtinStats(t), map[string]bool{
		`North Korea said Kim stayed away because of "security concerns" [1].`: true,
		`North Korea said a domestic schedule kept him away [1].`:              false,
		`North Korea said Kim stayed away because of the weather [1].`:         false,
		`North Korea put Kim's no-show down to "security concerns" [1].`:       true,
	})
}

func TestAnArticlesBylineBelongsToItsParagraphs(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Source: retrieval.Source{Author: "Charlie Campbell", Publisher: "TIME"},
		Text: "Moreover, China only tolerates North Korea’s existence—including the very real threat of nuclear catastrophe just 500 miles from Beijing—because it serves as a buffer."}}
	q := "How far from Beijing is the North Korean nuclear threat, according to Charlie Campbell's article?"
	for _, claim := range []string{
		"The threat of nuclear catastrophe lies just 500 miles from Beijing [1].",
		"Charlie Campbell writes that the threat of nuclear catastrophe lies just 500 miles from Beijing [1].",
	} {
		if v := Verify(q, claim, sources, stats); v.Text == "" {
			t.Errorf("%q removed: %+v", claim, v.Sentences)
		}
	}
	publisherNamed := "The threat of nuclear catastrophe, which TIME calls very real, lies just 500 miles from Beijing [1]."
	if v := Verify(q, publisherNamed, sources, stats); v.Text == "" {
		t.Errorf("%q removed: %+v", publisherNamed, v.Sentences)
	}
	sources[0].Author, sources[0].Publisher = "", ""
	if v := Verify(q, "Charlie Campbell writes that the threat of nuclear catastrophe lies just 500 miles from Beijing [1].", sources, stats); v.Text != "" {
		t.Errorf("kept a writer the source does not have: %+v", v.Sentences)
	}
	if v := Verify(q, publisherNamed, sources, stats); v.Text != "" {
		t.Errorf("kept a publisher the source does not have: %+v", v.Sentences)
	}
}

func TestASentenceAnsweringOnePartOfAQuestionAddressesIt(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "“The Chinese are probably weary or unnerved about North Korea and Russia getting too close,” says Daniel Pinkston, an East Asia expert at Troy University in Seoul."}}
	claim := "Daniel Pinkston is an East Asia specialist at Troy University in Seoul [1]."
	tests := []struct {
		question string
		kept     bool
	}{
		{"Who is Daniel Pinkston, and what does he say about China's view of Russia and North Korea?", true},
		{"Who is Daniel Pinkston?", true},
		{"What does Daniel Pinkston say about China's view of Russia and North Korea?", false},
	}
	for _, tt := range tests {
		if v := Verify(tt.question, claim, sources, stats); (v.Text != "") != tt.kept {
			t.Errorf("%q: kept %v, want %v (%+v)", tt.question, v.Text != "", tt.kept, v.Sentences)
		}
	}
}

func TestASentenceDenyingTheQuestionsPremiseIsNoAnswer(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "Chinese President Xi Jinping visited South Korea in July, the first time that a Chinese leader visited Seoul before Pyongyang. Xi has not visited Pyongyang, John McCreary wrote."}}
	tests := []struct {
		question, claim string
		kept            bool
	}{
		{"Why did Xi Jinping visit Pyongyang in July?", "Xi's July trip was to South Korea, making him the first Chinese leader to visit Seoul before Pyongyang [1].", false},
		{"Why did Xi Jinping visit Pyongyang in July?", "John McCreary noted that Xi has not visited Pyongyang [1].", false},
		{"Did Xi Jinping visit Pyongyang in July?", "No; John McCreary noted that Xi has not visited Pyongyang [1].", true},
		{"Why did Xi Jinping visit Seoul in July?", "Xi Jinping visited Seoul in July, the first Chinese leader to visit it before Pyongyang [1].", true},
	}
	for _, tt := range tests {
		if v := Verify(tt.question, tt.claim, sources, stats); (v.Text != "") != tt.kept {
			t.Errorf("%q for %q: kept %v, want %v (%+v)", tt.claim, tt.question, v.Text != "", tt.kept, v.Sentences)
		}
	}
}

func TestStayingAwayAnswersWhySomeoneSkippedIt(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "North Korea claimed Kim’s absence was due to “security concerns”, but it reflects its lack of trust in the diplomatic protocol and security arrangements of its ally."}}
	q := "Why did North Korea say Kim skipped the Victory Day parade in Moscow?"
	if v := Verify(q, `North Korea said Kim stayed away because of "security concerns" [1].`, sources, stats); v.Text == "" {
		t.Errorf("removed: %+v", v.Sentences)
	}
	if v := Verify("Why did North Korea say Kim praised the Victory Day parade in Moscow?", `North Korea said Kim stayed away because of "security concerns" [1].`, sources, stats); v.Text != "" {
		t.Errorf("kept as the answer to a question about praise: %+v", v.Sentences)
	}
}

func TestASpanOfYearsStatesItsNumber(t *testing.T) {
	para := []string{"The alliance between the two nations dates back more than a half-century to the Korean War, and the treaty is a decade old."}
	for claim, missing := range map[string]bool{
		"The alliance reaches back more than fifty years.": false,
		"The treaty is ten years old.":                     false,
		"The alliance reaches back more than sixty years.": true,
	} {
		if v, got := missingNumber(claim, para); got != missing {
			t.Errorf("%q: missing %v (%v), want %v", claim, got, v, missing)
		}
	}
}

func TestThePairAClaimRefersBackToIsNoWordToCover(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "But that’s the honor North Korean “Supreme Leader” Kim Jong Un paid to Vladimir Putin on Wednesday morning, greeting the Russian President on a red carpet-laid runway in the wee hours and then riding with him through Pyongyang streets festooned with roses and murals of his stout, balding guest."}}
	expectKept(t, sources, stats, map[string]bool{
		"The two then drove together through Pyongyang, whose streets had been decked out with roses and murals of the visiting president [1].": true,
		"The two then flew together to Vladivostok for talks on a new gas pipeline [1].":                                                        false,
	})
}

func TestASpeakerTheQuestionNamesIsANameThoughItIsAWordToo(t *testing.T) {
	stats := builtinStats(t)
	para := "Putin’s message to Japan and South Korea, says Alexander Gabuev, the director of the Carnegie Russia Eurasia Center in Berlin, is “your help shredding thousands of young Russian boys on the battlefield is having a price as we can create problems for you from North Korea.”"
	claim := "Haggard also warned that Japan and South Korea would pay a price because Russia \"can create problems for you from North Korea\"."
	if _, bad := attributionFails(claim, "What does Stephan Haggard expect for the North Korean economy?", []string{para}, nil, stats); !bad {
		t.Errorf("%q kept as said by Haggard against a paragraph quoting only Gabuev", claim)
	}
}

func TestANameAfterAnAppositiveAndItsVerbIsNoSpeaker(t *testing.T) {
	stats := builtinStats(t)
	para := "In a separate message to Xi Jinping on Sunday, Kim extended warm greetings to China and its people. The South Korean news service Yonhap described Pyongyang and Beijing as “relatively estranged,” suggesting some tensions between the countries."
	expectAttributions(t, stats, para, []attributionCase{
		{`Yonhap, the South Korean news service, described Pyongyang and Beijing as "relatively estranged".`, false},
		{`"Relatively estranged," said Xi.`, true},
	})
}

func TestAClauseAgreeingWithASecondCitedParagraphIsNoContradiction(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{
		{Doc: "d", Paragraph: 1, Text: "This raises the possibility that Kim Jong-un will visit Moscow for the first time ever. The North Korean leader met Putin in Vladivostok in April 2019 and at the Vostochny Cosmodrome in September that same year, but has never been to the capital."},
		{Doc: "d", Paragraph: 2, Text: "Speculation is also growing over a potential visit by Kim to Moscow. Putin invited Kim to the Russian capital during their summit, saying, “If you are ready to hold talks, come to Moscow,” according to Russian state media, including TASS."},
	}
	expectKept(t, sources, stats, map[string]bool{
		"Kim met Putin in Vladivostok in April 2019 and then at the Vostochny Cosmodrome in September of that year, but he has never been to Moscow, even though Putin has since invited him to the Russian capital [1][2].": true,
		"Kim met Putin in Vladivostok in April 2019, but Putin never invited Kim to the Russian capital [1][2].":                                                                                                             false,
	})
}

func TestAnEventPutBeforeWhatTheParagraphPutsItAfterIsAContradiction(t *testing.T) {
	stats := builtinStats(t)
	para := "But strains between the two longtime allies have grown since North Korea's missile and nuclear tests, including a 2013 atomic blast after Kim assumed command."
	tests := []struct {
		claim string
		want  Reason
	}{
		{"The 2013 blast took place before Kim had assumed command of the country.", ReasonPolarity},
		{"The 2013 blast came after Kim assumed command.", ""},
		{"Strains grew before the 2013 blast.", ""}, // no event of the paragraph's own to reverse
	}
	for _, tt := range tests {
		if got := polarityConflict(tt.claim, []string{para}, stats); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.claim, got, tt.want)
		}
	}
}

func TestARelativeSharingTheFamilyNameIsNoSupportInHisPlace(t *testing.T) {
	stats := builtinStats(t)
	sources := []retrieval.Result{{Doc: "d", Paragraph: 1, Text: "The news agency hailed the publication of Kim’s Let Us Brilliantly Accomplish the Revolutionary Cause of Juche in Russia. “Juche” is Korean for self-reliance, a mantra of Kim Jong Il, the father of the current North Korean leader."}}
	expectKept(t, sources, stats, map[string]bool{
		"Juche was a mantra of Kim Jong Un, the current North Korean leader [1].":               false,
		"Juche was a mantra of Kim Jong Il, the father of the current North Korean leader [1].": true,
		"The news agency hailed the publication in Russia of a work by Kim [1].":                true,
	})
}

// attributionCase is a claim and whether its attribution fails.
type attributionCase struct {
	claim string
	bad   bool
}

// expectAttributions checks each claim's attribution against para.
func expectAttributions(t *testing.T, stats analysis.TermStats, para string, cases []attributionCase) {
	t.Helper()
	for _, tt := range cases {
		if who, bad := attributionFails(tt.claim, "", []string{para}, nil, stats); bad != tt.bad {
			t.Errorf("%q: attribution fails %v (%s), want %v", tt.claim, bad, who, tt.bad)
		}
	}
}
