package answer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/retrieval"
)

// Verification thresholds, tuned on testdata/eval.jsonl with the simulated
// model in llm_sim_test.go (see prompts/README_SECTION.md for figures).
const (
	// minSupport is the IDF-weighted share of a sentence's content words
	// that its cited paragraph must contain for the citation to stand.
	minSupport = 0.5
	// minPartSupport is the share a paragraph must cover when a sentence
	// cites several: each may support part of it, provided together they
	// cover minSupport.
	minPartSupport = 0.25
	// minMarginal is what a partly supporting citation must add to the
	// others' coverage of its sentence to stand.
	minMarginal = 0.1
	// maxCitedNumber bounds a range such as [1-9999] so parsing stays cheap.
	maxCitedNumber = 99
)

// Verified is an LLM answer after the citation verifier has checked it.
type Verified struct {
	// Text keeps the sentences with at least one supported citation, their
	// markers renumbered 1..n in order of first use.
	Text string
	// Citations lists exactly the sources Text cites, by new number.
	Citations []Citation
	// Dropped counts the citation markers removed: those naming no
	// provided source and those whose source does not support the sentence.
	Dropped int
	// Removed are the sentences taken out for want of a supported citation.
	Removed []string
}

// Verify checks every citation of an LLM answer against the paragraphs it
// was given (sources[n-1] is [n]), using lx's IDF weights to judge
// support. The policy:
//
//   - markers are read per sentence, as [1], [1, 3], [1][3] or [1-3];
//   - a marker naming no provided source is dropped;
//   - a citation stands when its paragraph contains at least minSupport of
//     the sentence's content words (IDF-weighted), or, when the sentence
//     cites several, at least minPartSupport with the kept ones covering
//     minSupport together; every number the sentence states must appear in
//     a kept paragraph;
//   - a sentence left with no supported citation is removed, not marked:
//     footnote shows no claim it cannot point to (see Removed);
//   - the kept citations are renumbered in order of first use.
func Verify(text string, sources []retrieval.Result, lx analysis.TermStats) Verified {
	var v Verified
	renumber := map[int]int{}
	var out strings.Builder
	for _, s := range splitAnswer(text) {
		cited := citedNumbers(s.text)
		kept, dropped := supported(claimOf(s.text), cited, sources, lx)
		v.Dropped += dropped
		if len(kept) == 0 {
			v.Removed = append(v.Removed, strings.TrimSpace(s.text))
			continue
		}
		for _, n := range kept {
			if _, ok := renumber[n]; !ok {
				renumber[n] = len(renumber) + 1
				v.Citations = append(v.Citations, citationOf(renumber[n], sources[n-1]))
			}
		}
		if out.Len() > 0 {
			out.WriteString(s.gap)
		}
		out.WriteString(rewriteMarkers(s.text, kept, renumber))
	}
	v.Text = out.String()
	if v.Citations == nil {
		v.Citations = []Citation{}
	}
	return v
}

// markerGroup matches a run of bracketed citations with the space before
// it: [1], [1, 3], [2-4], [1][3].
var markerGroup = regexp.MustCompile(`(?:\s*\[\s*\d+(?:\s*(?:[,;]|[-–])\s*\d+)*\s*\])+`)

// citedNumbers returns the source numbers a sentence cites, in order, each
// once.
func citedNumbers(sentence string) []int {
	var out []int
	seen := map[int]bool{}
	add := func(n int) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, g := range markerGroup.FindAllString(sentence, -1) {
		for _, part := range strings.FieldsFunc(g, func(r rune) bool { return r == ',' || r == ';' || r == ']' }) {
			lo, hi := rangeOf(strings.Trim(part, " \t\n[]"))
			for n := lo; n <= hi && n <= maxCitedNumber; n++ {
				add(n)
			}
		}
	}
	return out
}

// rangeOf parses "3" or "2-4"; an unparsable part yields an empty range.
func rangeOf(s string) (lo, hi int) {
	a, b, isRange := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	lo, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil {
		return 1, 0
	}
	if !isRange {
		return lo, lo
	}
	hi, err = strconv.Atoi(strings.TrimSpace(b))
	if err != nil || hi < lo {
		return 1, 0
	}
	return lo, hi
}

// claimOf is the sentence without its markers.
func claimOf(sentence string) string { return markerGroup.ReplaceAllString(sentence, "") }

// supported returns the cited numbers whose paragraphs support claim, in
// citing order, and how many markers were dropped.
func supported(claim string, cited []int, sources []retrieval.Result, lx analysis.TermStats) (kept []int, dropped int) {
	words := claimWords(claim, lx)
	var valid []int
	for _, n := range cited {
		if n < 1 || n > len(sources) {
			dropped++
			continue
		}
		valid = append(valid, n)
	}
	if words.IsEmpty() {
		return nil, dropped + len(valid)
	}
	para := make(map[int]map[string]bool, len(valid))
	for _, n := range valid {
		para[n] = analysis.StemSet(sources[n-1].Text)
	}
	for _, n := range valid {
		s := words.Coverage(para[n])
		if s >= minSupport || (len(valid) > 1 && s >= minPartSupport) {
			kept = append(kept, n)
		}
	}
	kept = withoutPassengers(words, kept, para)
	if len(kept) > 0 && (words.Coverage(unionOf(kept, para)) < minSupport || !hasNumbers(claim, kept, sources)) {
		kept = nil
	}
	return kept, dropped + len(valid) - len(kept)
}

// withoutPassengers drops a partly supporting citation that adds nothing
// the sentence needs beyond the other kept ones: in "Kim went to the
// embassy [1][4]", [4] sharing "Kim" with the sentence is no support when
// [1] already covers it all.
func withoutPassengers(words analysis.Question, kept []int, para map[int]map[string]bool) []int {
	var out []int
	for i, n := range kept {
		if words.Coverage(para[n]) >= minSupport {
			out = append(out, n)
			continue
		}
		others := unionOf(append(append([]int(nil), kept[:i]...), kept[i+1:]...), para)
		if words.Coverage(merge(merge(nil, others), para[n]))-words.Coverage(others) >= minMarginal {
			out = append(out, n)
		}
	}
	return out
}

func unionOf(ns []int, para map[int]map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, n := range ns {
		u = merge(u, para[n])
	}
	return u
}

// claimWords weighs a claim's content stems by IDF, as the evidence gate
// weighs a question's.
func claimWords(claim string, lx analysis.TermStats) analysis.Question {
	return analysis.NewQuestion(claim, lx)
}

func merge(into, from map[string]bool) map[string]bool {
	if into == nil {
		into = map[string]bool{}
	}
	for k := range from {
		into[k] = true
	}
	return into
}

// number matches figures as written in a claim: 2011, 70th, 1,000, 3.5.
var number = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// hasNumbers reports whether every number in claim occurs in one of the
// kept paragraphs: "died in 2012" is not supported by "died in 2011",
// however many words they share.
func hasNumbers(claim string, kept []int, sources []retrieval.Result) bool {
	for _, num := range number.FindAllString(claim, -1) {
		found := false
		for _, n := range kept {
			if strings.Contains(sources[n-1].Text, num) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

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
		for _, n := range citedNumbers(g) {
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
