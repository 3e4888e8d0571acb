package analysis

import "strings"

// american spells a British word the American way before it is stemmed,
// so that a paraphrase's "legitimise" shares its stem with a paragraph's
// "legitimizing", and a British corpus meets a model writing American.
// The rules are narrow on purpose: -ise only after the endings of verbs
// made with it ("organise", "realise", "criticise"), never "promise",
// "exercise" or "arise"; -our, -tre, -ence and a doubled l only for the
// words listed, never "four", "devour", "spelled".
func american(w string) string {
	if len(w) < 5 {
		return w
	}
	switch {
	case strings.Contains(w, "isation"):
		if i := strings.Index(w, "isation"); i >= 3 {
			return w[:i] + "ization" + w[i+len("isation"):]
		}
	case strings.Contains(w, "is"):
		if v, ok := izeForm(w); ok {
			return v
		}
	}
	if v, ok := lysForm(w); ok {
		return v
	}
	if v, ok := britishWords[w]; ok {
		return v
	}
	return w
}

// iseEndings are the letters before -ise in verbs that American spells
// -ize: organ-ise, real-ise, critic-ise, recogn-ise, minim-ise.
var iseEndings = []string{"al", "il", "ol", "ar", "an", "en", "on", "in", "at", "it", "ot", "ic", "gn", "og", "im", "ur", "iz"}

// iseSuffixes are -ise and its inflections.
var iseSuffixes = []string{"ise", "ises", "ised", "ising", "iser", "isers"}

// notIse are the -ise words the endings would take for verbs.
var notIse = map[string]bool{"treatise": true, "treatises": true}

func izeForm(w string) (string, bool) {
	if notIse[w] {
		return "", false
	}
	for _, suf := range iseSuffixes {
		base, ok := strings.CutSuffix(w, suf)
		if !ok || len(base) < 4 {
			continue
		}
		for _, e := range iseEndings {
			if strings.HasSuffix(base, e) {
				return base + "iz" + suf[2:], true
			}
		}
	}
	return "", false
}

// lysForm spells analyse, paralyse and catalyse with a z.
func lysForm(w string) (string, bool) {
	for _, suf := range []string{"lyse", "lyses", "lysed", "lysing"} {
		if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 2 {
			return base + "lyz" + suf[3:], true
		}
	}
	return "", false
}

// britishWords are the British spellings no rule covers safely, with
// their inflections.
var britishWords = func() map[string]string {
	m := map[string]string{}
	add := func(brit, am string, suffixes ...string) {
		m[brit] = am
		for _, s := range suffixes {
			m[brit+s] = am + s
		}
	}
	for _, w := range []string{"colour", "honour", "favour", "labour", "behaviour", "neighbour", "harbour", "rumour",
		"humour", "vigour", "endeavour", "flavour", "savour", "armour", "parlour", "valour", "splendour", "candour",
		"odour", "clamour", "saviour"} {
		add(w, strings.TrimSuffix(w, "our")+"or", "s", "ed", "ing", "ful", "able", "ite", "ites", "hood", "ly")
	}
	for _, w := range []string{"centre", "theatre", "metre", "litre", "fibre", "calibre", "sombre", "spectre", "meagre", "lustre"} {
		add(w, strings.TrimSuffix(w, "re")+"er", "s", "d")
	}
	for _, w := range []string{"defence", "offence", "licence", "pretence"} {
		add(w, strings.TrimSuffix(w, "ce")+"se", "s")
	}
	for _, w := range []string{"travel", "cancel", "label", "model", "fuel", "signal", "channel", "level", "total",
		"counsel", "marshal", "quarrel", "tunnel", "dial", "duel", "equal", "rival", "shovel", "pencil"} {
		m[w+"led"], m[w+"ling"], m[w+"ler"], m[w+"lers"] = w+"ed", w+"ing", w+"er", w+"ers"
	}
	m["programme"], m["programmes"] = "program", "programs"
	m["catalogue"], m["catalogues"], m["dialogue"], m["dialogues"] = "catalog", "catalogs", "dialog", "dialogs"
	return m
}()
