package answer

// rivalled is 1 when every picked sentence that could answer — each that
// holds the kind of answer asked for, or each picked sentence when the
// question wants no particular kind — puts another name where the
// question puts one of its own: "60% of declared exports to China" for
// "What share of North Korea's exports go to Russia?", "Kim was seated
// next to" for "Who was Putin seated next to?". The question's name
// missing and a rival in its place is the near miss, the same kind of
// fact about someone else. A sentence that names the question's name, or
// refers back to a paragraph that does, is not rivalled.
func rivalled(f focus, qf Focus, qs []quotedSentence) float64 {
	if premiseReversed(f.question, qs) {
		return 1
	}
	known := knownNames(f)
	if len(known) == 0 {
		return 0
	}
	qws := splitWords(f.question)
	candidates := 0
	for _, x := range qs {
		if qf.Type != TypeNone && !x.typed {
			continue
		}
		candidates++
		if !rivals(f, known, qws, x.text, x.paragraph) {
			return 0
		}
	}
	if candidates == 0 {
		return 0
	}
	return 1
}

// rivals reports whether sentence puts another name in the place of one
// of the question's known names that neither it nor (when it refers back)
// its paragraph holds.
func rivals(f focus, known []name, qws []word, sentence, paragraph string) bool {
	ix := newNameIndex(sentence, f.stats)
	var around nameIndex
	if refersBack(sentence) {
		around = newNameIndex(paragraph, f.stats)
	}
	for _, n := range known {
		if ix.has(n) || around.words != nil && around.has(n) {
			continue
		}
		if ix.contrasts(n, qws, f.index) {
			return true
		}
	}
	return false
}
