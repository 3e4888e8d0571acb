package answer

import (
	"maps"
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
)

// A movement's two ends: where it goes from ("from a Chinese satellite",
// "off a Russian one") and where it goes to ("to a Russian one", "onto a
// Chinese one").
var (
	fromMarks = setOf("from", "off")
	toMarks   = setOf("to", "onto", "into", "toward", "towards")
)

const (
	// endReach is how many words after its mark an end may name.
	endReach = 4
	// endsApart is how many words may stand between a movement's from-end
	// and its to-mark.
	endsApart = 3
)

// movement is what text says moves from where to where, as the stems of
// the words that name each end.
type movement struct{ from, to map[string]bool }

// movementsIn reads each "from X to Y" (or "off X and onto Y") in text.
func movementsIn(text string) []movement {
	ws := splitWords(strings.ToLower(text))
	var out []movement
	for i := 0; i < len(ws); i++ {
		if !fromMarks[ws[i].text] {
			continue
		}
		from, end := endAfter(ws, i)
		for j := end; j < len(ws) && j <= end+endsApart && !ws[j].broken; j++ {
			if toMarks[ws[j].text] {
				to, _ := endAfter(ws, j)
				if len(from) > 0 && len(to) > 0 {
					out = append(out, movement{from, to})
				}
				i = j
				break
			}
		}
	}
	return out
}

// endAfter returns the stems of the words naming the end that the mark at
// ws[i] opens, and the index of the word after them: up to endReach
// words, stopping at punctuation or the other end's mark.
func endAfter(ws []word, i int) (map[string]bool, int) {
	stems := map[string]bool{}
	j := i + 1
	for ; j < len(ws) && j <= i+endReach; j++ {
		w := ws[j]
		if w.broken || toMarks[w.text] || fromMarks[w.text] || w.text == "and" {
			break
		}
		for _, st := range analysis.Tokens(w.text) {
			stems[st] = true
		}
	}
	return stems, j
}

// reversedMovement returns the end a claim moves from that its paragraphs
// move to, when they say the movement runs the other way and never the
// way the claim says: "moved its broadcasts off a Russian satellite and
// onto a Chinese one" against "switched transmission … from a Chinese
// satellite to a Russian one".
func reversedMovement(claim string, paras []string) (string, bool) {
	ours := movementsIn(claim)
	if len(ours) == 0 {
		return "", false
	}
	var theirs []movement
	for _, p := range paras {
		theirs = append(theirs, movementsIn(p)...)
	}
	for _, c := range ours {
		reversed := ""
		for _, p := range theirs {
			if agrees(c, p) {
				reversed = ""
				break
			}
			if w := distinct(c.from, p.to, p.from); w != "" && distinct(c.to, p.from, p.to) != "" && reversed == "" {
				reversed = w
			}
		}
		if reversed != "" {
			return reversed, true
		}
	}
	return "", false
}

// agrees reports whether p runs from where c runs from to where c runs to.
func agrees(c, p movement) bool {
	return distinct(c.from, p.from, p.to) != "" && distinct(c.to, p.to, p.from) != ""
}

// distinct returns a stem of a that b has and not has not, "" if none: the
// word that tells one end from the other ("russian", where both ends are
// a "satellite").
func distinct(a, b, not map[string]bool) string {
	for _, st := range slices.Sorted(maps.Keys(a)) {
		if b[st] && !not[st] {
			return st
		}
	}
	return ""
}
