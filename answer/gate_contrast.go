package answer

import (
	"strings"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// contrastRe finds a phrase that names something the question sets aside
// rather than asks about: "instead of Red Square", "if not Moscow",
// "apart from calling in the ambassador", "if he didn't go to Red
// Square". It runs to the clause's end.
var contrastRe = lazyregexp.New(`(?i)\b(?:instead of|rather than|other than|apart from|aside from|besides|except(?: for)?|` +
	`if not|as opposed to)\b[^,;:?!.]*` +
	// "if Kim didn't go to Red Square, where did he go?": the place
	// denied is set aside too
	`|\bif\s[^,;:?!.]*?\b(?:didn't|did not|didn’t|doesn't|does not|doesn’t|wasn't|was not|wasn’t|never)\b[^,;:?!.]*`)

// contrastWords are contrastRe's first words, to spare most questions the
// expression.
var contrastWords = []string{"instead", "rather", "other than", "apart", "aside", "besides", "except", "if not", "opposed", "if "}

// withoutContrasts blanks the phrases of q that set something aside, so
// that its anchors are what it asks about: an answer to "Where did Kim go
// instead of Red Square?" need not name Red Square. The rest of q keeps
// its words and their order.
func withoutContrasts(q string) string {
	low := strings.ToLower(q)
	for _, k := range contrastWords {
		if strings.Contains(low, k) {
			return contrastRe.ReplaceAllString(q, "")
		}
	}
	return q
}
