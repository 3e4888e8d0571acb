package corpus

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// typographic maps curly quotes and the many dashes to their ASCII forms, so
// that "Kim’s" matches "Kim's" and "Moscow―citing" matches "Moscow-citing".
var typographic = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
	"\u00a0", " ", "\u2009", " ", "\u202f", " ",
)

// Normalize folds text for matching: Unicode NFKC, ASCII quotes and dashes,
// single spaces and lower case. Evidence quotes, tokens and keyword checks
// all compare normalised text. Invalid UTF-8 becomes U+FFFD first: NFKC
// leaves the text after a bad byte unfolded while ToLower replaces the byte,
// so without it a second pass would fold what the first did not.
func Normalize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ToLower(typographic.Replace(norm.NFKC.String(s)))
	// Lower case can make a pair NFKC composes that it did not before:
	// "Y" with a combining ring has no precomposed form, "y" with one has
	// (ẙ). Composing once more leaves nothing for a second pass to change.
	s = norm.NFKC.String(s)
	return strings.Join(strings.Fields(s), " ")
}
