// Package clip shortens text for people to read — a question in a
// report line, a quote in a Discord embed, a server's reply in an error —
// by one rule: white space folded, at most n runes, a cut marked with
// "…" (counted in the n).
package clip

import (
	"strings"
	"unicode/utf8"
)

// Ellipsis marks a cut.
const Ellipsis = "…"

// Runes returns s, its white space folded to single spaces, cut to at
// most n runes; a cut ends in Ellipsis.
func Runes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	return strings.TrimRight(string([]rune(s)[:n-1]), " ") + Ellipsis
}

// Words is Runes that cuts after the last whole word when one ends in
// the second half of the limit, dropping the punctuation left dangling
// ("the parade, in" → "the parade…"); a single long word is cut inside.
func Words(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n || n < 1 {
		return Runes(s, n)
	}
	head := string([]rune(s)[:n-1])
	if i := strings.LastIndexByte(head, ' '); i > len(head)/2 {
		return strings.TrimRight(head[:i], " ,;:") + Ellipsis
	}
	return strings.TrimRight(head, " ") + Ellipsis
}
