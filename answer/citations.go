package answer

import (
	"strconv"
	"strings"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// Citation styles models write, all read as source numbers and rewritten
// to footnote's own [n]:
//
//	[1]  [1, 3]  [1, 2, and 3]  [1][3]  [1-3]  [Source 2]  [Sources 1, 2]
//	[source: 2]  [Passage 2]  [Article 2]  [Doc 2]  (Source 2)
//	(Sources 1 and 3)  [^2]  【2】  【1, 2】  【2†source】
//
// A bare number in round brackets is not a citation: "(2019)" is a year;
// nor is "(Article 5)", which a treaty has.
var (
	// markerList is what may sit between the brackets: numbers joined by
	// commas, semicolons, "and", "&", "to" or dashes, each optionally
	// preceded by "Source"/"Sources"/"Ref" (or the passage, article or
	// document the model calls it) and a "#" or "^".
	markerNumber = `(?:(?:sources?|refs?|src|passages?|articles?|docs?|documents?|excerpts?)\.?\s*:?\s*)?[#^]?\s*\d+`
	markerJoin   = `\s*(?:,\s*(?:and|&)\b|,|;|、|\band\b|&|\bto\b|-|–|—)\s*`
	markerList   = markerNumber + `(?:` + markerJoin + markerNumber + `)*`
	// anyMarker matches one marker in any style, with the space before it.
	anyMarker = lazyregexp.New(`(?i)\s*(?:\[\s*\^?\s*` + markerList + `\s*\]|【\s*` + markerList + `\s*(?:†[^】\n]{0,20})?】|\(\s*(?:sources?|refs?)\.?\s*:?\s*\d+(?:` + markerJoin + markerNumber + `)*\s*\))`)
	// footnoteDefinition is a Markdown footnote's definition line, "[^1]:
	// Kim and Russia, ¶9": a list of sources, not a claim.
	footnoteDefinition = lazyregexp.New(`(?m)^[ \t]*\[\^?\s*\d+\s*\]:[^\n]*$`)
	digits             = lazyregexp.New(`\d+`)
	// numberIn finds the numbers and ranges inside one marker.
	numberIn = lazyregexp.New(`\d+(?:\s*(?:-|–|—|\bto\b)\s*(?:(?i:sources?)\s*)?\d+)?`)
)

// normalizeMarkers rewrites every citation marker of a reply into [n]
// form — "(Sources 1 and 3)" becomes " [1][3]", "[2-4]" " [2][3][4]" — and
// drops Markdown footnote definitions, so that splitting, checking and
// rewriting read one style.
func normalizeMarkers(text string) string {
	text = footnoteDefinition.ReplaceAllString(text, "")
	return anyMarker.ReplaceAllStringFunc(text, func(m string) string {
		ns := markerNumbers(m)
		if len(ns) == 0 {
			return m
		}
		var b strings.Builder
		b.WriteString(leadingSpace(m))
		for _, n := range ns {
			b.WriteString("[" + strconv.Itoa(n) + "]")
		}
		return b.String()
	})
}

func leadingSpace(s string) string { return s[:len(s)-len(strings.TrimLeft(s, " \t\n"))] }

// markerNumbers returns the numbers one marker names, ranges expanded up
// to maxCitedNumber, each once, in order.
func markerNumbers(marker string) []int {
	var out []int
	seen := map[int]bool{}
	for _, part := range numberIn.FindAllString(marker, -1) {
		lo, hi := rangeOf(part)
		for n := lo; n <= hi && n <= maxCitedNumber; n++ {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// markerGroup matches a run of normalised citations with the space
// before it: [1], [1][3], [1] [3].
var markerGroup = lazyregexp.New(`(?:\s*\[\d+\])+`)

// citedNumbers returns the source numbers a normalised sentence cites, in
// order, each once.
func citedNumbers(sentence string) []int {
	var out []int
	seen := map[int]bool{}
	for _, g := range markerGroup.FindAllString(sentence, -1) {
		for _, n := range markerNumbers(g) {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// rangeOf parses "3" or "2-4" (also "2 to 4"); an unparsable or inverted
// range is empty.
func rangeOf(s string) (lo, hi int) {
	nums := digits.FindAllString(s, 2)
	if len(nums) == 0 {
		return 1, 0
	}
	lo, err := strconv.Atoi(nums[0])
	if err != nil {
		return 1, 0
	}
	if len(nums) == 1 {
		return lo, lo
	}
	hi, err = strconv.Atoi(nums[1])
	if err != nil || hi < lo {
		return 1, 0
	}
	return lo, hi
}

// claimOf is the sentence without its markers.
func claimOf(sentence string) string { return markerGroup.ReplaceAllString(sentence, "") }

// rewriteMarkers replaces a sentence's marker groups with its kept
// citations under their new numbers: each group keeps the kept numbers it
// named, as "[1][2]"; a group left empty goes, with the space before it.
func rewriteMarkers(sentence string, kept []int, renumber map[int]int) string {
	keep := map[int]bool{}
	for _, n := range kept {
		keep[n] = true
	}
	s := markerGroup.ReplaceAllStringFunc(sentence, func(g string) string {
		var b strings.Builder
		for _, n := range markerNumbers(g) {
			if keep[n] {
				b.WriteString("[" + strconv.Itoa(renumber[n]) + "]")
				delete(keep, n) // cite each source once per sentence
			}
		}
		if b.Len() == 0 {
			return ""
		}
		return " " + b.String()
	})
	return strings.TrimSpace(s)
}
