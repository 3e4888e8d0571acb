package answer

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// Number words and their values; ordinals count as their cardinal.
var (
	units = map[string]float64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19,
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
		"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
		"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	}
	tens = map[string]float64{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
		"eightieth": 80, "ninetieth": 90,
	}
	scales = map[string]float64{
		"dozen": 12, "hundred": 100, "hundredth": 100, "thousand": 1e3, "thousandth": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	}
	// vague words are numbers a paraphrase uses loosely ("one of the
	// reasons", "the first time", "a second visit"): a claim need not
	// find them in its paragraph.
	vague = setOf("one", "first", "second")
	// pairWords before "two" make it a pair, not a count: "the two
	// leaders", "both".
	pairWords = setOf("the", "these", "those", "both")
)

// calendarUnits after a vague word make it a count: "his second year as
// president" states a number, "a second visit" or "the first time" need
// not.
var calendarUnits = setOf("year", "years", "month", "months", "week", "weeks", "day", "days", "term", "terms", "decade", "decades", "century", "anniversary")

// countsUnit reports whether the word at ws[i] is a calendar unit joined
// to the number before it.
func countsUnit(ws []word, i int) bool {
	return i < len(ws) && !ws[i].broken && calendarUnits[ws[i].text]
}

func isNumberWord(w string) bool {
	_, u := units[w]
	_, t := tens[w]
	_, s := scales[w]
	return u || t || s
}

// figure matches a number written in digits: 2011, 1,000, 3.5, 70th, 60%,
// 3:00, and the short end of a range such as 1950-53.
var figure = lazyregexp.New(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?::\d{2})?(?:\.\d+)?`)

// numbersIn returns the values of the numbers text states, in digits or in
// words ("fifteen", "twenty-four", "seventieth", "1.5 million"). With
// strict unset, vague words are skipped.
func numbersIn(text string, strict bool) []float64 {
	var out []float64
	ws := splitWords(strings.ToLower(text))
	for i := 0; i < len(ws); i++ {
		w := ws[i].text
		if v, ok := digitsValue(w); ok {
			if i+1 < len(ws) && scales[ws[i+1].text] > 0 && !ws[i+1].broken {
				v *= scales[ws[i+1].text]
				i++
			}
			out = append(out, v)
			continue
		}
		if v, ok := dozenValue(ws, i); ok {
			out = append(out, v)
			continue
		}
		v, n := wordsValue(ws[i:])
		if n == 0 {
			continue
		}
		if strict || n > 1 || (!vague[w] || countsUnit(ws, i+n)) && !(w == "two" && i > 0 && pairWords[ws[i-1].text]) {
			out = append(out, v)
		}
		i += n - 1
	}
	if strict {
		out = append(out, spansIn(text)...)
	}
	return append(out, rangeEnds(text)...)
}

// dozenValue reads "a dozen" (12) and "half a dozen" (6) ending at
// ws[i]; "dozens" states no number, and "two dozen" is read by
// wordsValue as a scale.
func dozenValue(ws []word, i int) (float64, bool) {
	if ws[i].text != "dozen" || i == 0 || ws[i-1].text != "a" {
		return 0, false
	}
	if i > 1 && ws[i-2].text == "half" {
		return 6, true
	}
	return 12, true
}

// spanWords are lengths of time that state a number of years without a
// digit: "dates back more than a half-century" supports a claim's "more
// than fifty years".
var spanWords = lazyregexp.New(`(?i)\b(half[\s-]+(?:a\s+)?century|quarter[\s-]+(?:of\s+a\s+)?century|century|decade)\b`)

// spansIn returns the numbers of years text's span words state.
func spansIn(text string) []float64 {
	var out []float64
	for _, m := range spanWords.FindAllString(strings.ToLower(text), -1) {
		switch {
		case strings.HasPrefix(m, "half"):
			out = append(out, 50)
		case strings.HasPrefix(m, "quarter"):
			out = append(out, 25)
		case m == "century":
			out = append(out, 100)
		default:
			out = append(out, 10)
		}
	}
	return out
}

// digitsValue reads "2011", "70th", "1950s"; splitWords has already cut
// "1,000" and "3.5" at their punctuation, so figures are re-read from the
// text in rangeEnds and digitGroups.
func digitsValue(w string) (float64, bool) {
	end := 0
	for end < len(w) && w[end] >= '0' && w[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	switch w[end:] {
	case "", "st", "nd", "rd", "th", "s":
	default:
		return 0, false
	}
	v, err := strconv.ParseFloat(w[:end], 64)
	return v, err == nil
}

// wordsValue reads a run of number words from the start of ws: "twenty
// four", "twenty-four", "one hundred and five"; n is how many words it used.
func wordsValue(ws []word) (v float64, n int) {
	var total, cur float64
	for n < len(ws) {
		w := ws[n].text
		switch {
		case units[w] > 0 || w == "zero":
			cur += units[w]
		case tens[w] > 0:
			cur += tens[w]
		case scales[w] > 0 && n > 0:
			if cur == 0 {
				cur = 1
			}
			cur *= scales[w]
			if scales[w] >= 1e3 {
				total, cur = total+cur, 0
			}
		case w == "and" && n > 0 && n+1 < len(ws) && isNumberWord(ws[n+1].text):
		default:
			return total + cur, n
		}
		n++
	}
	return total + cur, n
}

// rangeEnds expands the short end of year ranges, "1950-53" → 1953, and
// reads decimals and thousands ("3.5", "1,000") whole.
func rangeEnds(text string) []float64 {
	var out []float64
	for _, m := range figure.FindAllString(text, -1) {
		if strings.ContainsAny(m, ".,:") {
			if v, err := strconv.ParseFloat(strings.NewReplacer(",", "", ":00", "").Replace(m), 64); err == nil {
				out = append(out, v)
			}
		}
	}
	for _, m := range yearRange.FindAllStringSubmatch(text, -1) {
		if v, err := strconv.ParseFloat(m[1][:2]+m[2], 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

var yearRange = lazyregexp.New(`\b(\d{4})\s*[-–]\s*(\d{2})\b`)

// missingNumber returns the first number claim states that none of the
// texts states, and whether there is one. "Twenty of them" is not
// supported by "15 of them"; "3.5" is not by "3" and "5".
func missingNumber(claim string, texts []string) (float64, bool) {
	var have []float64
	for _, t := range texts {
		have = append(have, numbersIn(t, true)...)
	}
	for _, v := range numbersIn(claim, false) {
		if !containsValue(have, v) && !partOfDecimal(claim, v) {
			return v, true
		}
	}
	return 0, false
}

// partOfDecimal: splitWords reads "3.5" as 3 and 5; the whole figure is
// checked on its own, so its pieces are not.
func partOfDecimal(claim string, v float64) bool {
	for _, m := range figure.FindAllString(claim, -1) {
		if !strings.ContainsAny(m, ".,:") {
			continue
		}
		for _, p := range strings.FieldsFunc(m, func(r rune) bool { return r == '.' || r == ',' || r == ':' }) {
			if f, err := strconv.ParseFloat(p, 64); err == nil && f == v {
				return true
			}
		}
	}
	return false
}

func containsValue(vs []float64, v float64) bool {
	for _, x := range vs {
		if math.Abs(x-v) < 1e-9 {
			return true
		}
	}
	return false
}

// numberWordRun matches a run of number words, "twenty-seven", "one
// hundred and five", longest words first so that "seventeen" is not read
// as "seven".
var numberWordRun = lazyregexp.New(func() string {
	ws := slices.Concat(slices.Collect(maps.Keys(units)), slices.Collect(maps.Keys(tens)), slices.Collect(maps.Keys(scales)))
	slices.SortFunc(ws, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	alt := strings.Join(ws, "|")
	return `(?i)\b(?:` + alt + `)(?:(?:[\s-]+|\s+and\s+)(?:` + alt + `))*\b`
}())

// numberWordsAsDigits writes the number words of text in digits, so that a
// paraphrase's "twenty-seven countries" shares the word "27" with its
// paragraph's "27 countries" when the coverage of its words is weighed.
// Vague words alone ("one of them", "the first time") are left as they
// are, and so is a pair ("the two fought on the same side"): it refers
// back to what the sentence names, as numbersIn reads it, so it weighs as
// the common word "two", not as the rare "2".
func numberWordsAsDigits(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range numberWordRun.FindAllStringIndex(text, -1) {
		run := text[m[0]:m[1]]
		low := strings.ToLower(run)
		v, n := wordsValue(splitWords(low))
		b.WriteString(text[last:m[0]])
		last = m[1]
		switch {
		case n == 0 || n == 1 && (vague[low] || low == "two" && pairWords[lastWord(text[:m[0]])]):
			b.WriteString(run)
		default:
			b.WriteString(formatNumber(v))
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// lastWord is the word text ends with, lower-cased; "" when text ends in
// punctuation ("…Russia, two days later") or holds no word.
func lastWord(text string) string {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	start := len(t)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= size
	}
	return strings.ToLower(t[start:])
}

// withDigits adds to a paragraph's stems the digits of every number it
// states, in words or in digits ("fifteen" gives "15", "10th" gives "10"),
// the other half of numberWordsAsDigits.
func withDigits(stems map[string]bool, text string) map[string]bool {
	for _, v := range numbersIn(text, true) {
		stems[formatNumber(v)] = true
	}
	return stems
}
