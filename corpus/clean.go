package corpus

import (
	"strings"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// lineKind says what the cleaner decided about one line of an article.
type lineKind int

const (
	lineText lineKind = iota // article text: becomes (part of) a paragraph
	lineDrop                 // page furniture: dropped
	lineEnd                  // end-of-article furniture: it and all that follows are dropped
)

// Rules are deliberately about the shape of news-page furniture, not about
// the five built-in articles, so that a user's own folder of pages cleans too.
var (
	endMarkers = lazyregexp.New(`(?i)^(more must-reads from\b|you may also like\b|leave a (reply|comment)\b|your email address will not be published|related (articles|stories)\s*$|recommended for you\s*$|read next\s*$|comments\s*$|share this (article|story)\s*$)`)
	dropLines  = []*lazyregexp.Regexp{
		lazyregexp.New(`(?i)^read more\b`),                               // teaser links
		lazyregexp.New(`(?i)^(also read|see also|related):`),             // teaser links
		lazyregexp.New(`(?i)^contact us at\b`),                           // footer
		lazyregexp.New(`(?i)^(presented|sponsored|brought to you) by\b`), // sponsorship banners
		lazyregexp.New(`^[•›»|]\s*\S`),                                   // breadcrumbs
		lazyregexp.New(`(?i)^\d+\s*(-\s*)?min(ute)?s?\s+read$`),          // reading time
		lazyregexp.New(`(?i)^write to .{1,80}\bat\s+\S+@\S+$`),           // author contact
		lazyregexp.New(`(?i)^(advertisement|subscribe|sign up|follow us)\b.{0,60}$`),
		lazyregexp.New(`(?i)^(updated|published|posted)\b.{0,40}\d{4}\b.{0,20}$`), // timestamps
	}
	photoCredit = lazyregexp.New(`(?i)(getty images|shutterstock|associated press|\bap photo\b|\breuters\b|\bafp\b|\bepa\b|\byonhap\b|\bphoto(graph)?\s*(by|:|credit)|\bcredit:)`)
	leadingDate = lazyregexp.New(`(?i)^date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$`)
	endPunct    = lazyregexp.New(`[.!?:;"”’)\]]$`)
)

// classify decides whether one trimmed, non-empty line is article text.
func classify(line string) lineKind {
	if endMarkers.MatchString(line) {
		return lineEnd
	}
	for _, re := range dropLines {
		if re.MatchString(line) {
			return lineDrop
		}
	}
	if isPhotoCredit(line) {
		return lineDrop
	}
	return lineText
}

// isPhotoCredit recognises short agency credits such as "AFP / Getty Images"
// or "Photo: Reuters" — never a sentence that merely mentions an agency.
func isPhotoCredit(line string) bool {
	if len(strings.Fields(line)) > 8 || endPunct.MatchString(line) && !strings.HasSuffix(line, ")") {
		return false
	}
	return photoCredit.MatchString(line)
}

// isTitleLine reports whether a leading line reads as a headline: short, with
// no sentence-ending punctuation.
func isTitleLine(line string) bool {
	words := len(strings.Fields(line))
	return words >= 2 && words <= 20 && len(line) <= 160 && !headlineEnd.MatchString(line)
}

// headlineEnd is the punctuation that ends a sentence, never a headline.
var headlineEnd = lazyregexp.New(`[.!?]["”’]?$`)
