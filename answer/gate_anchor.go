package answer

import (
	"slices"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
)

// unanchored is the share of the question's anchors that text does not
// hold: the names the corpus knows, by name or alias ("Kim" for "Kim Jong
// Un"), and the numbers and years it gives. A near miss answers the same
// kind of question about another entity: the 27 delegations at Moscow's
// parade for "the 2025 parade in Beijing". Names the corpus never contains
// are UnknownNames' concern, not this one's. A text that refers to
// someone rather than naming them ("The North Korean leader met Putin in
// Vladivostok", "he declined") holds the names its context does: context
// is the paragraph of a sentence, "" for a paragraph itself. One that
// speaks of a place or an organisation by a common noun ("the
// cooperative", see refersToPlace) holds those of article, the retrieved
// paragraphs of its article ("" for none).
func unanchored(f focus, text, context, article string) float64 {
	known := knownNames(f)
	numbers := numbersIn(f.question, false)
	if len(known)+len(numbers) == 0 {
		return 0
	}
	ix := newNameIndex(text, f.stats)
	var around nameIndex
	switch {
	case article != "" && refersToPlace(text):
		around = newNameIndex(article, f.stats)
	case context != "" && refersBack(text):
		around = newNameIndex(context, f.stats)
	}
	missing := 0
	for _, n := range known {
		if !ix.has(n) && (around.words == nil || !around.has(n)) {
			missing++
		}
	}
	have := numbersIn(text, true)
	for _, v := range numbers {
		if !containsValue(have, v) {
			missing++
		}
	}
	return float64(missing) / float64(len(known)+len(numbers))
}

// quotedSentence is a sentence the extractive answer would quote, with
// what the gate reads it against, and whether it holds the kind of answer
// the question asks for (computed once: several signals ask).
type quotedSentence struct {
	text, paragraph, article, title string
	typed                           bool
}

// quotedSentences pairs each sentence with its paragraph, the retrieved
// part of its article and its title, and marks those holding an answer of
// qf's type (none when the question wants no particular type).
func quotedSentences(q string, qf Focus, sentences, paragraphs, articles, titles []string) []quotedSentence {
	out := make([]quotedSentence, len(sentences))
	for i, s := range sentences {
		typed := qf.Type != TypeNone && hasType(withoutAsked(s, q), qf.Type, q)
		out[i] = quotedSentence{text: s, paragraph: paragraphs[i], article: articles[i], title: titles[i], typed: typed}
	}
	return out
}

// unanchoredAnswer is unanchored for the quoted sentence (read with its
// article's title) that holds an answer of the focus's type and anchors
// best; 0 when the question wants no particular type or no sentence holds
// one (TypeMissing's case).
func unanchoredAnswer(f focus, qf Focus, qs []quotedSentence) float64 {
	best := -1.0
	texts := make([]string, len(qs))
	for i, x := range qs {
		texts[i] = x.text
	}
	onFocus := focused(qf, texts)
	for i, x := range qs {
		if onFocus != nil && !onFocus[i] || !x.typed {
			continue
		}
		// A sentence that states the thing asked about holds what its
		// article is about: "The councillor for mobility, Marta Puig,
		// said …" need not repeat the Tarragona its headline names. A
		// figure about something else ("a 2013 atomic blast" for how many
		// warheads) gets no such credit.
		text := x.text
		if statesFocus(qf, x.text) {
			text += "\n" + x.title
		}
		if u := unanchored(f, text, x.paragraph, x.article); best < 0 || u < best {
			best = u
		}
	}
	return max(best, 0)
}

// statesFocus reports whether sentence names the question's focus, or a
// word related to it; a question asking for an attribute's value ("how
// far") or with no focus needs none.
func statesFocus(qf Focus, sentence string) bool {
	if !qf.HasFocus() || strings.HasPrefix(qf.Wh, "how ") && qf.Wh != "how many" && qf.Wh != "how much" {
		return true
	}
	stems := analysis.StemSet(sentence)
	return slices.ContainsFunc(qf.Stems, func(st string) bool {
		return stems[st] || slices.ContainsFunc(analysis.Related(st), func(r string) bool { return stems[r] })
	})
}

// focused marks the sentences that name the question's focus ("books" for
// "how many books"), nil when none does or it has none: a figure about
// something else ("a tenth of Europe's ammonia") answers no "how many
// books", however well it is anchored.
func focused(qf Focus, sentences []string) []bool {
	if !qf.HasFocus() {
		return nil
	}
	marks, any := make([]bool, len(sentences)), false
	for i, s := range sentences {
		stems := analysis.StemSet(s)
		marks[i] = slices.ContainsFunc(qf.Stems, func(st string) bool { return stems[st] })
		any = any || marks[i]
	}
	if !any {
		return nil
	}
	return marks
}

// withoutAsked blanks the numbers of sentence that the question already
// says: "in 2015" is not the answer to how many came to the 2015 parade.
func withoutAsked(sentence, q string) string {
	asked := map[string]bool{}
	for _, m := range numberRe.FindAllString(q, -1) {
		asked[strings.ToLower(m)] = true
	}
	return numberRe.ReplaceAllStringFunc(sentence, func(m string) string {
		if asked[strings.ToLower(m)] {
			return "_"
		}
		return m
	})
}

// refersBack reports whether text speaks of someone by pronoun or by
// role ("he", "the North Korean leader", "the president") and so may
// leave their name to the sentences around it.
func refersBack(text string) bool {
	for _, w := range splitWords(text) {
		if low := w.lower(); pronouns[low] || !w.capitalised() && titles[low] {
			return true
		}
	}
	return false
}

// refersToPlace reports whether text speaks of a place or an
// organisation by a common noun after "the", "its" or "this" ("the
// cooperative employs", "across the city", "the site"): articles name them
// once and then so, and the name stands elsewhere in the article.
func refersToPlace(text string) bool {
	ws := splitWords(text)
	for i := 1; i < len(ws); i++ {
		det := ws[i-1].lower()
		if determiners[det] && referringNouns[ws[i].lower()] || (det == "its" || det == "their") && titles[ws[i].lower()] {
			return true
		}
	}
	return false
}

var (
	determiners    = setOf("the", "its", "this", "that", "their")
	referringNouns = setOf("city", "town", "village", "municipality", "region", "province", "district", "country",
		"company", "firm", "group", "cooperative", "co-op", "hospital", "clinic", "site", "campus", "council", "bank",
		"plant", "factory", "centre", "center", "project", "agency", "university", "club", "museum", "trust", "port",
		"terminal", "library", "school", "operator", "government", "ministry", "authority", "programme", "program",
		"scheme", "trial", "line", "service", "pool", "ward", "wing", "festival", "union", "board", "kitchens",
		"network", "airport", "station", "park", "stadium")
)

// knownNames are the question's names the corpus has seen.
func knownNames(f focus) []name {
	var known []name
	for _, n := range f.names {
		if !f.unknown(n.raw) {
			known = append(known, n)
		}
	}
	return known
}

// paragraphOf is what a name in a result may be found in: its title and
// text.
func paragraphOf(title, text string) string { return strings.TrimSpace(title + "\n" + text) }
