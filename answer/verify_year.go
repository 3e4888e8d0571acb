package answer

import (
	"slices"
	"strconv"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/footnote-dev/footnote/retrieval"
)

var (
	thisYear = lazyregexp.New(`(?i)\bthis\s+year\b`)
	yearRe   = lazyregexp.New(`\b(19\d\d|20\d\d)\b`)
)

// redatedYear returns a year a claim gives to what a covering paragraph
// dates "this year", when the paragraph's own article dates that year's
// events by their year elsewhere: "Delegations from 27 countries
// attended China's 70th Victory Day parade in 2015 [1][2]" draws its 27
// from "Delegations from 27 countries attended this year's Victory Day
// parade" and its 2015 from the article's "A notable example is China's
// 70th Victory Day parade in 2015. At the time…" — an article that writes
// 2015 for 2015 does not write "this year" for it. kept are the covering
// citations. A claim that says "this year" itself is not read.
func redatedYear(claim string, kept []int, sources []retrieval.Result) (int, bool) {
	if thisYear.MatchString(claim) {
		return 0, false
	}
	for _, y := range yearsIn(claim) {
		for _, n := range kept {
			r := sources[n-1]
			if !thisYear.MatchString(r.Text) || slices.Contains(yearsIn(r.Text), y) {
				continue
			}
			if slices.ContainsFunc(sources, func(o retrieval.Result) bool { return o.Doc == r.Doc && slices.Contains(yearsIn(o.Text), y) }) {
				return y, true
			}
		}
	}
	return 0, false
}

func yearsIn(text string) []int {
	var out []int
	for _, m := range yearRe.FindAllString(text, -1) {
		if y, err := strconv.Atoi(m); err == nil {
			out = append(out, y)
		}
	}
	return out
}
