package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
)

// goingStems are verbs and nouns of going somewhere: "visited Seoul",
// "his visit to Pyongyang", "flew to Beijing". Not "come": "coming at
// China's expense" goes nowhere.
var goingStems = setOf("visit", "travel", "trip", "fli", "flew", "go", "went", "arriv", "head", "journey")

// destinationSkips may stand between a word of going and where it goes:
// "his July visit to Pyongyang", "arrived in Beijing".
var destinationSkips = setOf("to", "the", "a", "an", "in", "at", "into", "his", "her", "its", "their", "first", "ever", "briefly", "back")

// destination returns the folded words of the place the word of going at
// ws[i] goes to, nil when no name follows it.
func destination(ws []word, i int) []string {
	j := i + 1
	for j < len(ws) && j <= i+3 && destinationSkips[ws[j].lower()] && !ws[j].broken {
		j++
	}
	var out []string
	for ; j < len(ws) && ws[j].capitalised() && !ws[j].initial && (len(out) == 0 || !ws[j].broken); j++ {
		out = append(out, fold(ws[j].lower()))
	}
	return out
}

// samePlace reports whether two places are one, a capital standing for
// its country: "Pyongyang" and "North Korea", not "South Korea".
func samePlace(a, b []string) bool {
	within := func(x, y []string) bool {
		in := map[string]bool{}
		for _, w := range y {
			in[w] = true
			for _, s := range seats[w] {
				in[s] = true
			}
		}
		return !slices.ContainsFunc(x, func(w string) bool { return !in[w] })
	}
	return within(a, b) || within(b, a)
}

// otherDestination reports whether the picked sentences that say what the
// question asks (half its other words) send its traveller somewhere else,
// or deny the trip, and none sends them where it says: "Xi Jinping visited
// South Korea in July, the first time that a Chinese leader visited Seoul
// before Pyongyang" for "What did Xi tell Kim during his July visit to
// Pyongyang?".
func otherDestination(q string, qs []quotedSentence) bool {
	qws := splitWords(typographic.Replace(q))
	var asked []string
	for i, w := range qws {
		if goingStems[analysis.Stem(w.lower())] {
			if asked = destination(qws, i); asked != nil {
				break
			}
		}
	}
	if asked == nil || negates(q) {
		return false
	}
	rest := analysis.StemSet(q)
	for _, w := range asked {
		delete(rest, analysis.Stem(w))
	}
	other := false
	for _, x := range qs {
		ws := splitWords(typographic.Replace(x.text))
		says := shareOf(rest, analysis.StemSet(x.text)) >= minSubjectMatch
		elsewhere := false
		for i, w := range ws {
			if !goingStems[analysis.Stem(w.lower())] {
				continue
			}
			to := destination(ws, i)
			switch {
			case to == nil:
			case samePlace(to, asked) && !deniedAt(ws, i):
				return false
			default:
				elsewhere = true
			}
		}
		if !elsewhere && mentionsPlace(ws, asked) {
			// "met Putin in Vladivostok" may say the trip in other words
			return false
		}
		other = other || elsewhere && says
	}
	return other
}

// mentionsPlace reports whether ws name the place.
func mentionsPlace(ws []word, place []string) bool {
	for i := range ws {
		if i+len(place) <= len(ws) {
			var at []string
			for _, w := range ws[i : i+len(place)] {
				at = append(at, fold(w.lower()))
			}
			if slices.Equal(at, place) {
				return true
			}
		}
	}
	return false
}

// deniedAt reports whether a negation stands just before ws[i]: "has not
// visited Pyongyang".
func deniedAt(ws []word, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if negationWords[ws[j].lower()] || strings.HasSuffix(ws[j].lower(), "n't") {
			return true
		}
	}
	return false
}
