package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// typographic folds curly quotes and dashes, keeping case (unlike
// corpus.Normalize, which lower-cases).
var typographic = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", " - ", "\u2015", " - ", "\u00a0", " ",
)

// word is one word of a text, its case kept, with what separates it from
// the word before.
type word struct {
	text string
	// initial: first word of a sentence or clause after a full stop.
	initial bool
	// joined: attached to the previous word by a hyphen ("Jong-un").
	joined bool
	// broken: punctuation other than a hyphen comes before it.
	broken bool
}

func (w word) lower() string { return strings.ToLower(w.text) }

func (w word) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(w.text)
	return unicode.IsUpper(r)
}

// splitWords splits text into words: letters and digits, a possessive "'s"
// dropped, hyphens joining, other punctuation breaking.
func splitWords(text string) []word {
	text = typographic.Replace(text)
	var out []word
	var cur strings.Builder
	initial, joined, broken := true, false, false
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		out = append(out, word{text: cur.String(), initial: initial, joined: joined, broken: broken})
		cur.Reset()
		initial, joined, broken = false, false, false
	}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(r)
		case r == '\'' && cur.Len() > 0:
			// "Kim's" → "Kim"; "Workers'" → "Workers"; "didn't" stays whole.
			if i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
				flush()
				i++
			} else if i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
				cur.WriteRune(r)
			} else {
				flush()
			}
		case r == '-' && cur.Len() > 0 && i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1])):
			flush()
			joined = true
		default:
			flush()
			if !unicode.IsSpace(r) {
				broken = true
			}
			if r == '.' || r == '!' || r == '?' || r == ':' {
				initial = true
			}
		}
	}
	flush()
	return out
}
