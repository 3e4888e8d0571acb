package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/internal/lazyregexp"

	"github.com/kljensen/snowball/english"
)

// name is one name a text mentions — a person, place, organisation, day
// or month — as folded tokens, with where it stands among the words.
type name struct {
	tokens []string
	// raw are the tokens lower-cased but not folded, for corpus look-ups.
	raw        []string
	start, end int // word positions [start, end)
	// acronym: written as capitals ("DMZ", "U.S."), matched by initials.
	acronym bool
}

func (n name) String() string { return strings.Join(n.tokens, " ") }

// titles are capitalised words that say what someone is, not who: they
// split "Chinese President Xi Jinping" into "Chinese" and "Xi Jinping".
var titles = setOf("president", "presidents", "prime", "minister", "secretary", "general", "chairman", "chair",
	"leader", "supreme", "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "king", "queen", "premier",
	"chancellor", "comrade", "marshal", "director", "speaker", "ambassador", "aide", "spokesman", "spokeswoman",
	"spokesperson", "official", "analyst", "expert", "first", "lady", "dictator", "foreign", "vice", "deputy",
	"chief", "commander", "senator", "governor", "mayor", "former", "late", "current", "outstanding", "eternal", "dear")

// openers are capitalised sentence openers that are not names.
var openers = setOf("however", "instead", "meanwhile", "also", "additionally", "moreover", "furthermore", "still",
	"yet", "then", "thus", "therefore", "overall", "finally", "here", "there", "both", "each", "some", "many", "most",
	"according", "despite", "since", "because", "although", "though", "while", "when", "after", "before", "during",
	"analysts", "experts", "officials", "observers", "critics", "sources", "reports", "yes", "no", "in", "on", "at",
	"as", "by", "for", "from", "with", "without", "under", "over", "its", "his", "her", "their", "this", "that",
	"these", "those", "another", "other", "such", "per", "following", "amid", "unlike", "like", "citing", "neither",
	"rather", "besides", "beyond", "by", "officially", "indeed", "notably", "nonetheless", "nevertheless")

// compass words tell apart names that share the rest: North and South
// Korea.
var compass = setOf("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "old", "upper", "lower")

// connectors may sit inside a name: "Ministry of Unification".
var connectors = setOf("of", "for", "and")

// namesIn finds the names of text. known reports whether a word is
// capitalised somewhere in the material the text is checked against; a
// sentence's first word counts as a name only when it is a name there, or
// the corpus has never seen it (a stop word, "Notably" or "Instead" is
// neither).
func namesIn(ws []word, known func(lower string) bool, stats analysis.TermStats) []name {
	var out []name
	for i := 0; i < len(ws); {
		if !ws[i].capitalised() {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && !ws[j].broken && (ws[j].capitalised() || ws[j].joined ||
			(connectors[ws[j].lower()] && ws[j].lower() != "and" && j+1 < len(ws) && ws[j+1].capitalised() && !ws[j+1].broken)) {
			j++
		}
		out = append(out, splitName(ws, i, j, known, stats)...)
		i = j
	}
	return out
}

// splitName cuts the capitalised run ws[i:j] at titles and connectors into
// names, dropping stop words and an opener that is not a name.
func splitName(ws []word, i, j int, known func(string) bool, stats analysis.TermStats) []name {
	var out []name
	cur := name{start: -1}
	emit := func() {
		if len(cur.tokens) > 0 {
			out = append(out, cur)
		}
		cur = name{start: -1}
	}
	for k := i; k < j; k++ {
		w := ws[k]
		low := w.lower()
		skip := titles[low] || (connectors[low] && !w.capitalised()) || low == "i" ||
			(!w.joined && english.IsStopWord(low)) ||
			(k == i && w.initial && (j == i+1 || connectors[ws[i+1].lower()]) && !initialIsName(low, known, stats))
		// A number word is never part of a name, joined or not: the
		// "seven" of "Twenty-seven".
		if skip && !w.joined || isNumberWord(low) {
			emit()
			continue
		}
		if cur.start < 0 {
			cur.start = k
		}
		cur.tokens = append(cur.tokens, fold(low))
		cur.raw = append(cur.raw, low)
		cur.end = k + 1
		if isAcronym(w.text) {
			cur.acronym = true
		}
	}
	emit()
	return mergeInitials(out)
}

// initialIsName decides for a single capitalised word opening a sentence:
// a name where the paragraph capitalises it too, or a word neither the
// corpus nor the dictionary knows ("Lavrov", not "Sitting").
func initialIsName(low string, known func(string) bool, stats analysis.TermStats) bool {
	if openers[low] || strings.HasSuffix(low, "ly") || english.IsStopWord(low) {
		return false
	}
	return known(low) || stats.DocFreq(analysis.Stem(low)) == 0 && properOnly(low)
}

// mergeInitials joins single letters ("U", "S" of "U.S.") into one acronym.
func mergeInitials(ns []name) []name {
	var out []name
	for _, n := range ns {
		if len(n.tokens) > 1 && allSingleLetters(n.tokens) {
			n = name{tokens: []string{strings.Join(n.tokens, "")}, raw: []string{strings.Join(n.raw, "")}, start: n.start, end: n.end, acronym: true}
		}
		out = append(out, n)
	}
	return out
}

func allSingleLetters(ts []string) bool {
	for _, t := range ts {
		if len(t) != 1 {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return len(s) == 1
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// fold lower-cases a name token and folds a demonym onto its country, so
// that "Russian" matches "Russia" and "Chinese" "China": the common
// suffixes go from words long enough to carry them. A month's
// abbreviation folds as the month.
func fold(low string) string {
	if m, ok := monthAbbreviations[low]; ok {
		low = m // "Oct." is October
	}
	if c, ok := irregularDemonyms[low]; ok {
		low = c // "Swiss" is Switzerland's
	}
	if len(low) < 5 {
		return low
	}
	// a plural name is its singular: "the two Koreas" are Korea's
	if strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") {
		low = low[:len(low)-1]
	}
	for _, suf := range []string{"ese", "ians", "ian", "ans", "an", "ia", "a", "e", "y", "n"} {
		if strings.HasSuffix(low, suf) && len(low)-len(suf) >= 4 {
			return low[:len(low)-len(suf)]
		}
	}
	return low
}

// irregularDemonyms are nationalities whose country fold's suffixes do
// not reach: "a Swiss boarding school" is in Switzerland.
var irregularDemonyms = map[string]string{
	"swiss": "switzerland", "dutch": "netherlands", "french": "france", "greek": "greece", "thai": "thailand",
	"welsh": "wales", "irish": "ireland", "scottish": "scotland", "czech": "czechia", "british": "britain",
	"turkish": "turkey", "danish": "denmark", "swedish": "sweden", "finnish": "finland", "polish": "poland",
	"spanish": "spain", "portuguese": "portugal", "filipino": "philippines", "lao": "laos", "iraqi": "iraq",
	"israeli": "israel", "pakistani": "pakistan", "saudi": "arabia", "kuwaiti": "kuwait", "yemeni": "yemen",
	"qatari": "qatar", "emirati": "emirates", "bangladeshi": "bangladesh", "afghan": "afghanistan",
	"uzbek": "uzbekistan", "kazakh": "kazakhstan", "kyrgyz": "kyrgyzstan", "tajik": "tajikistan",
	"turkmen": "turkmenistan", "icelandic": "iceland", "norse": "norway", "omani": "oman",
}

// nameIndex is what a paragraph (or a question) says about names: its
// words, its capitalised words, and the initials of its capitalised runs.
type nameIndex struct {
	words    map[string]bool
	caps     map[string]bool
	initials map[string]bool
	names    []name
	ws       []word
}

func newNameIndex(text string, stats analysis.TermStats) nameIndex {
	return buildNameIndex(text, stats, true)
}

// buildNameIndex is newNameIndex, with the seats of the countries and
// capitals text names (see seats) or without them.
func buildNameIndex(text string, stats analysis.TermStats, withSeats bool) nameIndex {
	ws := splitWords(text)
	ix := nameIndex{words: map[string]bool{}, caps: map[string]bool{}, initials: map[string]bool{}, ws: ws}
	for _, w := range ws {
		f := fold(w.lower())
		ix.words[f] = true
		if w.capitalised() {
			ix.caps[f] = true
			for _, a := range seats[f] {
				if withSeats {
					ix.words[a], ix.caps[a] = true, true
				}
			}
		}
	}
	for _, c := range multiWordSeats {
		if withSeats && ix.caps[c.country[0]] && ix.caps[c.country[1]] {
			ix.words[c.capital], ix.caps[c.capital] = true, true
		}
	}
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && len(ws[j].text) == 1 && ws[j].capitalised() {
			j++
		}
		if j > i+1 {
			var b strings.Builder
			for _, w := range ws[i:j] {
				b.WriteString(w.lower())
			}
			ix.words[b.String()], ix.caps[b.String()] = true, true
		}
		i = max(j, i+1)
	}
	ix.names = namesIn(ws, func(string) bool { return true }, stats)
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && ws[j].capitalised() && (j == i || !ws[j].broken) {
			j++
		}
		// every run of two or more of the capitals spells an acronym: "UN"
		// for the "United Nations" of "United Nations General Assembly"
		for a := i; a+1 < j; a++ {
			var ini strings.Builder
			ini.WriteString(initialsOf(ws[a].text))
			for b := a + 1; b < j; b++ {
				ini.WriteString(initialsOf(ws[b].text))
				ix.initials[strings.ToLower(ini.String())] = true
			}
		}
		i = max(j, i+1)
	}
	return ix
}

// initialsOf is a word's contribution to an acronym: its first letter, or
// the whole of a roman numeral or acronym ("II" in "World War II").
func initialsOf(w string) string {
	if isAcronym(w) {
		return w
	}
	return w[:1]
}

// has reports whether the index supports the name: every token occurs
// ("Kim" in "Kim Jong Un"), or the name's first or last token stands
// there as a name and no compass word tells them apart ("Kim Jong Un" for
// "Kim", not "South Korea" for "North Korea"), or an acronym spells the
// initials of a run of capitals ("WWII", "World War II").
func (ix nameIndex) has(n name) bool {
	all := true
	for _, t := range n.tokens {
		all = all && ix.words[t]
	}
	if all {
		return true
	}
	if n.acronym && len(n.tokens) == 1 && ix.initials[n.tokens[0]] {
		return true
	}
	if len(n.tokens) < 2 {
		return false
	}
	for _, t := range n.tokens {
		if compass[t] {
			return false
		}
	}
	first, last := n.tokens[0], n.tokens[len(n.tokens)-1]
	// A nationality leading a name ("Chinese Communist Party", "Korean
	// People's Army") says whose it is, not which: "China" elsewhere does
	// not name the party.
	if !(ix.caps[first] && properOnly(n.raw[0]) && !isDemonym(n.raw[0]) || ix.caps[last] && properOnly(n.raw[len(n.raw)-1])) {
		return false
	}
	// The text must name it by part of itself ("Kim" for "Kim Jong Un"),
	// not by another name sharing a word: "the Workers' Party" is not the
	// Communist Party, nor "Kim Ju-ae" Kim Jong Un.
	return ix.names == nil || slices.ContainsFunc(ix.names, func(p name) bool { return partOf(p, n) })
}

// partOf reports whether p may be n named in part: every word of p is
// one of n's and p holds n's first or last word ("Kim", "Putin"), or p and
// n share their first two words or their last two ("UC San Diego", "the
// University of California, San Diego"). One shared word alone is another
// name's ("Workers' Party", "Communist Party").
func partOf(p, n name) bool {
	if len(p.tokens) == 0 {
		return false
	}
	sub := true
	for _, t := range p.tokens {
		sub = sub && slices.Contains(n.tokens, t)
	}
	if sub {
		return slices.Contains(p.tokens, n.tokens[0]) || slices.Contains(p.tokens, n.tokens[len(n.tokens)-1])
	}
	a, b := p.tokens, n.tokens
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	if slices.Equal(a[:2], b[:2]) {
		// "Kim Jong Il" is not "Kim Jong Un": the same first two words
		// and another last one name a relative
		return len(a) != len(b) || len(a) == 2 || a[len(a)-1] == b[len(b)-1]
	}
	return slices.Equal(a[len(a)-2:], b[len(b)-2:])
}

// properOnly reports whether a name token is no common word: "Kim" or
// "Putin", not "Embassy" or "Party", which name nothing on their own.
func properOnly(low string) bool { return len(analysis.Related(analysis.Stem(low))) == 0 }

// contrasts reports whether the paragraph puts another name where the
// sentence puts n: "Chinese embassy" against "Russian embassy", "Xi
// invited" against "Putin invited". A name missing from the paragraph
// without such a rival is context the model added ("the Victory Day
// parade" for "the parade"), not a swap.
func (ix nameIndex) contrasts(n name, sentence []word, inSentence nameIndex) bool {
	return ix.contrastsWith(n, sentence, inSentence, func(name) bool { return true })
}

// contrastsWith is contrasts with only the rivals that kind admits.
func (ix nameIndex) contrastsWith(n name, sentence []word, inSentence nameIndex, kind func(name) bool) bool {
	left, right := contextWord(sentence, n.start-1, -1), contextWord(sentence, n.end, +1)
	for _, p := range ix.names {
		if inSentence.has(p) || samePerson(p, n) || !kind(p) {
			continue
		}
		if right != "" && stemAt(ix.ws, p.end, +1) == right || left != "" && stemAt(ix.ws, p.start-1, -1) == left {
			return true
		}
	}
	return false
}

// relativeAt reports whether the paragraph puts, beside a word the
// sentence puts n beside, another full name with n's first word and
// another last one ("Kim Jong Il" where the sentence has "Kim Jong Un"),
// one the sentence does not name itself.
func (ix nameIndex) relativeAt(n name, sentence []word, inSentence nameIndex) bool {
	if len(n.tokens) < 2 {
		return false
	}
	if placeOrTime(n.raw[len(n.raw)-1]) {
		return false // "Xi's July visit" read as a name is no relative of "Xi Jinping"
	}
	relative := func(p name) bool {
		return len(p.tokens) >= 2 && p.tokens[0] == n.tokens[0] && p.tokens[len(p.tokens)-1] != n.tokens[len(n.tokens)-1] && !inSentence.has(p)
	}
	return ix.contrastsWith(n, sentence, inSentence, relative)
}

// proFormReach is how many words after a noun a pro-form "one" may
// stand for it: "a Chinese satellite to a Russian one".
const proFormReach = 4

// rivalSubject reports whether the paragraph puts another country, and
// never n, before the word the sentence puts n before: the one who did it.
// A rival followed closely by n before "one" does not count.
func (ix nameIndex) rivalSubject(n name, sentence []word, inSentence nameIndex) bool {
	right := contextWord(sentence, n.end, +1)
	if right == "" {
		return false
	}
	at := func(p name) bool { return stemAt(ix.ws, p.end, +1) == right }
	same := func(p name) bool { return samePlace(p.tokens, n.tokens) }
	// "from a Chinese satellite to a Russian one": the pro-form just
	// after the rival's noun stands for it, and Russia is at it too.
	oneAfter := func(p name) bool {
		return slices.ContainsFunc(ix.names, func(o name) bool {
			return same(o) && o.start > p.end && o.start <= p.end+proFormReach && stemAt(ix.ws, o.end, +1) == "one"
		})
	}
	return slices.ContainsFunc(ix.names, func(p name) bool {
		return !inSentence.has(p) && !same(p) && isSeat(p) && at(p) && !oneAfter(p)
	}) && !slices.ContainsFunc(ix.names, func(p name) bool { return same(p) && at(p) })
}

// rivals reports whether the paragraph puts another name where the
// sentence puts n (see contrasts), or names another of n's kind: a name
// with n's last word and none of its others ("Kyungnam University" for
// "Seoul National University").
func (ix nameIndex) rivals(n name, sentence []word, inSentence nameIndex) bool {
	if ix.contrasts(n, sentence, inSentence) {
		return true
	}
	if len(n.tokens) < 2 {
		return false
	}
	head := n.tokens[len(n.tokens)-1]
	for _, p := range ix.names {
		if len(p.tokens) < 2 || p.tokens[len(p.tokens)-1] != head || inSentence.has(p) {
			continue
		}
		if !slices.ContainsFunc(p.tokens[:len(p.tokens)-1], func(t string) bool { return slices.Contains(n.tokens, t) }) {
			return true
		}
	}
	return false
}

func samePerson(a, b name) bool { return nameIndex{words: setOf(a.tokens...)}.has(b) }

// contextWord is the stem of the nearest content word from position i in
// direction dir, looking past up to two stop words; "" when there is none.
func contextWord(ws []word, i, dir int) string { return stemAt(ws, i, dir) }

func stemAt(ws []word, i, dir int) string {
	for skipped := 0; i >= 0 && i < len(ws) && skipped <= 2; i += dir {
		low := ws[i].lower()
		if english.IsStopWord(low) || titles[low] {
			skipped++
			continue
		}
		return analysis.Stem(low)
	}
	return ""
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// seats pairs countries with their capitals and seats of government, both
// ways, folded: news writes "Moscow" for Russia and "Beijing" for China.
var seats = pairsOf(seatPairs...)

// countriesOf maps each capital, folded, to the folded words of its
// country: one direction of seats only.
var countriesOf = func() map[string][]string {
	m := map[string][]string{}
	for _, p := range seatPairs {
		fs := strings.Fields(p)
		for _, c := range fs[:len(fs)-1] {
			m[fold(fs[len(fs)-1])] = append(m[fold(fs[len(fs)-1])], fold(c))
		}
	}
	return m
}()

// seatPairs are countries, each with its capital or seat last.
var seatPairs = []string{
	"russia moscow", "russia kremlin", "china beijing", "north korea pyongyang", "south korea seoul",
	"japan tokyo", "ukraine kyiv", "ukraine kiev", "united states washington", "us washington", "america washington",
	"france paris", "germany berlin", "united kingdom london", "britain london", "uk london", "india delhi",
	"iran tehran", "israel jerusalem", "syria damascus", "turkey ankara", "egypt cairo", "italy rome", "spain madrid",
	"poland warsaw", "canada ottawa", "australia canberra", "brazil brasilia", "mexico mexico", "taiwan taipei",
	"vietnam hanoi", "mongolia ulaanbaatar", "belarus minsk", "kazakhstan astana", "philippines manila",
	"indonesia jakarta", "thailand bangkok", "pakistan islamabad", "afghanistan kabul", "iraq baghdad",
}

// multiWordSeats are the countries of two words, whose capital stands for
// them only when both are there ("North Korea", not "South Korea", gives
// "Pyongyang").
var multiWordSeats = []struct {
	country [2]string
	capital string
}{
	{[2]string{"north", fold("korea")}, fold("pyongyang")}, {[2]string{"south", fold("korea")}, "seoul"},
	{[2]string{fold("united"), fold("states")}, fold("washington")}, {[2]string{fold("united"), fold("kingdom")}, fold("london")},
}

// pairsOf maps each word of a country to its capital and back: the
// capital stands for any word of a multi-word country ("Pyongyang" for
// "Korea" in "North Korea" only through "north" and "korea" together).
func pairsOf(pairs ...string) map[string][]string {
	m := map[string][]string{}
	for _, p := range pairs {
		fs := strings.Fields(p)
		capital, country := fold(fs[len(fs)-1]), fs[:len(fs)-1]
		for _, c := range country {
			m[capital] = append(m[capital], fold(c))
		}
		if len(country) == 1 {
			m[fold(country[0])] = append(m[fold(country[0])], capital)
		}
	}
	return m
}

// monthAbbreviations are the short forms news style gives months.
var monthAbbreviations = map[string]string{"jan": "january", "feb": "february", "mar": "march", "apr": "april",
	"jun": "june", "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
	"nov": "november", "dec": "december"}

// monthForms are the other spellings of the month word w names, if it
// names one: "aug" for "august", "august" for "aug"; nil for any other
// word; w may be a stem ("septemb"). The gate asks the corpus for them before it calls a month unknown
// ("August 25" against "Aug. 25").
func monthForms(w string) []string {
	w = strings.ToLower(w)
	if full, ok := monthAbbreviations[w]; ok {
		return []string{full}
	}
	var out []string
	for abbr, full := range monthAbbreviations {
		if full == w || analysis.Stem(full) == w {
			out = append(out, abbr)
		}
	}
	return out
}

// withNameForms adds to a paragraph's stems the claim's capitalised words
// the paragraph names in another form: "Russian" for its "Russia",
// "Koreas" for its "Korea", a country for its capital ("Russia" for its
// "Moscow"). Stems tell them apart; the name checks (missingName) treat
// them as one, and coverage should not count against a claim what they
// accept. A capital does not stand in for its country the other way
// ("Moscow" for the "Russia" of "Carnegie Russia Eurasia Center"): the
// city is a claim the country does not make.
func withNameForms(stems map[string]bool, claim, text string) map[string]bool {
	var names map[string]bool
	governments := governmentSeats(claim)
	for _, w := range splitWords(claim) {
		if !w.capitalised() {
			continue
		}
		st := analysis.Stem(w.lower())
		if stems[st] {
			continue
		}
		if names == nil {
			names = paragraphNames(text)
		}
		f := fold(w.lower())
		if names[f] || slices.Contains(governments, f) && slices.ContainsFunc(countriesOf[f], func(c string) bool { return names[c] }) {
			stems[st] = true
		}
	}
	return stems
}

// governmentSeats are the folded capitals a claim uses as the
// governments they stand for: the one it opens with (governmentSeat), one
// owning what follows it ("at Beijing's expense") and one a relation is
// with ("closer ties with Moscow"). Elsewhere a capital is a place.
func governmentSeats(claim string) []string {
	var out []string
	if g := governmentSeat(claim); g != "" {
		out = append(out, g)
	}
	for _, m := range capitalAsParty.FindAllStringSubmatch(typographic.Replace(claim), -1) {
		name := m[1] + m[2]
		if f := fold(strings.ToLower(name)); len(countriesOf[f]) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// capitalAsParty matches a capitalised word after "with" or before a
// possessive "'s".
var capitalAsParty = lazyregexp.New(`\bwith\s+(\p{Lu}[\p{L}-]+)\b|\b(\p{Lu}[\p{L}-]+)'s\b`)

// governmentSeat is the folded capital a claim opens with, as the
// government it stands for ("Pyongyang officially attributed…",
// "Pyongyang's official explanation was…"), or "" when it opens with
// anything else. There, and where governmentSeats finds it, a capital
// stands in for its country's name: elsewhere it is a place ("based in
// Moscow").
func governmentSeat(claim string) string {
	ws := splitWords(withoutFraming(claim))
	if len(ws) == 0 {
		return ""
	}
	if f := fold(ws[0].lower()); len(countriesOf[f]) > 0 {
		return f
	}
	return ""
}

// paragraphNames are the folded capitalised words of text, and the
// countries of the capitals among them.
func paragraphNames(text string) map[string]bool {
	names := map[string]bool{}
	for _, w := range splitWords(text) {
		if w.capitalised() {
			f := fold(w.lower())
			names[f] = true
			for _, c := range countriesOf[f] {
				names[c] = true
			}
		}
	}
	return names
}
