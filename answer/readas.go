package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/retrieval"
)

// shorthand are chat spellings a question may use for a word the corpus
// writes out.
var shorthand = map[string]string{"ppl": "people", "govt": "government", "gov": "government", "yr": "year",
	"yrs": "years", "hrs": "hours", "mins": "minutes", "approx": "approximately", "dept": "department",
	"intl": "international", "natl": "national", "bn": "billion", "mln": "million",
	// contractions typed without their apostrophe ("whats juche mean")
	"whats": "what's", "whos": "who's", "wheres": "where's", "hows": "how's", "dont": "don't",
	"didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't",
	"werent": "weren't", "havent": "haven't", "hasnt": "hasn't"}

// readAs is q as the retrieved paragraphs spell it, for everything after
// the first search: people write "krakow" for "Kraków", "tampre" for
// "Tampere", "lund" for "Lund" and "ppl" for "people", and each of those
// would otherwise read as a word or a name the corpus has never seen — a
// reason to abstain on a question it answers. A word the corpus knows is
// only recased, and only to a name the paragraphs never write in lower
// case ("library" stays when one of them has "the library"); a word it does not know takes the paragraphs' spelling of it when
// that differs by accents alone, or, for a word that is no English word
// footnote knows, by one edit (two past eight letters) to one paragraph
// word only. Anything else stays as written, so a name the corpus lacks
// ("Rotterdam" where only Tampere is) still reads as unknown.
func readAs(q string, results []retrieval.Result, terms analysis.TermStats) string {
	spell := spellingsOf(results[:min(readParagraphs, len(results))])
	spell.recase = lowerCase(q)
	var b strings.Builder
	changed := false
	last := 0
	eachWord(q, func(start, end int) {
		w := q[start:end]
		if r, ok := spell.respell(w, terms); ok && r != w {
			b.WriteString(q[last:start])
			b.WriteString(r)
			last, changed = end, true
		}
	})
	if !changed {
		return q
	}
	b.WriteString(q[last:])
	return b.String()
}

// spelling is how the paragraphs write one word, folded to lower case
// without accents.
type spelling struct {
	form       string // the first way it was written mid-sentence, else at all
	capsMid    int    // capitalised where a sentence does not start
	lowerMid   int
	occurrence int
}

type spellings struct {
	words map[string]*spelling
	// recase is set for a question typed in lower case throughout, whose
	// names are recased as the paragraphs write them; in a question that
	// capitalises, a lower-case word is meant as one.
	recase bool
}

func spellingsOf(results []retrieval.Result) spellings {
	sp := spellings{words: map[string]*spelling{}}
	for _, r := range results {
		text := r.Text
		eachWord(text, func(start, end int) {
			w := text[start:end]
			k := foldAccents(strings.ToLower(w))
			s := sp.words[k]
			if s == nil {
				s = &spelling{form: w}
				sp.words[k] = s
			}
			s.occurrence++
			if midSentence(text, start) {
				if s.capsMid+s.lowerMid == 0 {
					s.form = w
				}
				if startsUpper(w) {
					s.capsMid++
				} else {
					s.lowerMid++
				}
			}
		})
	}
	return sp
}

// respell is w as the paragraphs would write it; ok is false when they
// give no reason to change it.
func (sp spellings) respell(w string, terms analysis.TermStats) (string, bool) {
	low := strings.ToLower(w)
	if long, ok := shorthand[low]; ok {
		return long, true
	}
	if utf8.RuneCountInString(low) < 3 || analysis.IsStop(low) {
		return "", false
	}
	if terms.DocFreq(analysis.Stem(low)) > 0 {
		s := sp.words[foldAccents(low)]
		if sp.recase && s != nil && s.capsMid > 0 && s.lowerMid == 0 {
			return s.form, true // "lund": the paragraphs only ever write "Lund"
		}
		return "", false
	}
	if s := sp.words[foldAccents(low)]; s != nil {
		return s.like(w), true // "krakow": "Kraków"
	}
	n := utf8.RuneCountInString(low)
	if n < 5 || analysis.WordVectors().Vector(analysis.Stem(low)) != "" {
		return "", false
	}
	return sp.nearest(w, foldAccents(low), n)
}

// nearest is the one paragraph word within an edit of folded (two past
// eight letters; two neighbouring letters swapped count as one), the most frequent at the least distance; ok is false
// when there is none or two tie.
func (sp spellings) nearest(w, folded string, n int) (string, bool) {
	limit := 1
	if n > 8 {
		limit = 2
	}
	var best *spelling
	bestD, tie := limit+1, false
	for k, s := range sp.words {
		if d := utf8.RuneCountInString(k) - n; d > limit || -d > limit {
			continue
		}
		d := levenshtein.ComputeDistance(folded, k)
		if d == 2 && swapsTwoLetters(folded, k) {
			d = 1 // "brnaches" is one slip from "branches", not two
		}
		switch {
		case d > limit || d > bestD:
		case d < bestD || s.occurrence > best.occurrence:
			best, bestD, tie = s, d, false
		case s.occurrence == best.occurrence:
			tie = true
		}
	}
	if best == nil || tie {
		return "", false
	}
	return best.like(w), true
}

// swapsTwoLetters reports whether b is a with two neighbouring letters
// swapped, the commonest typing slip, which edit distance counts as two.
func swapsTwoLetters(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
}

// like is the paragraphs' spelling in the case of the question's word w:
// capitalised as the paragraphs write it when w is, or when they write it
// so mid-sentence or only ever open a sentence with it in a question typed
// in lower case; else in lower case.
func (s *spelling) like(w string) string {
	if startsUpper(w) || s.capsMid > s.lowerMid || s.capsMid+s.lowerMid == 0 {
		return upperFirst(s.form)
	}
	return strings.ToLower(s.form)
}

func upperFirst(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// lowerCase reports whether q has no capital letter past its first.
func lowerCase(q string) bool {
	_, size := utf8.DecodeRuneInString(q)
	return strings.IndexFunc(q[size:], unicode.IsUpper) < 0
}

// eachWord calls fn with the byte span of every run of letters and digits
// in s.
func eachWord(s string, fn func(start, end int)) {
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// midSentence reports whether the word at byte i of text follows other
// words of its sentence.
func midSentence(text string, i int) bool {
	prefix := strings.TrimRightFunc(text[:i], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'“‘(«", r)
	})
	if prefix == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prefix)
	return !strings.ContainsRune(".!?:", r)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// letterFolds are letters that Unicode does not decompose into a base
// letter and a mark.
var letterFolds = strings.NewReplacer("ł", "l", "ø", "o", "đ", "d", "ß", "ss", "æ", "ae", "œ", "oe", "ı", "i")

// foldAccents drops the accents of lower-case w: "kraków" → "krakow",
// "wisła" → "wisla".
func foldAccents(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		ascii = ascii && w[i] < utf8.RuneSelf
	}
	if ascii {
		return w
	}
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), letterFolds.Replace(w))
	if err != nil {
		return w
	}
	return out
}
