package porter2

// The steps of the algorithm, as the library's english/step*.go write them.

func step0(w *word) {
	if s := w.firstSuffix("'s'", "'s", "'"); s != "" {
		w.removeLast(len(s))
	}
}

func step1a(w *word) {
	switch s := w.firstSuffix("sses", "ied", "ies", "us", "ss", "s"); s {
	case "sses":
		w.replaceSuffix(4, "ss")
	case "ies", "ied":
		if len(w.rs) > 4 {
			w.replaceSuffix(3, "i")
		} else {
			w.replaceSuffix(3, "ie")
		}
	case "s":
		for i := 0; i < len(w.rs)-2; i++ {
			if isLowerVowel(w.rs[i]) {
				w.removeLast(1)
				return
			}
		}
	}
}

func step1b(w *word) {
	s := w.firstSuffix("eedly", "ingly", "edly", "ing", "eed", "ed")
	n := len(s)
	switch s {
	case "eed", "eedly":
		if n <= len(w.rs)-w.r1 {
			w.replaceSuffix(n, "ee")
		}
	case "ed", "edly", "ing", "ingly":
		vowel := false
		for i := 0; i < len(w.rs)-n; i++ {
			if isLowerVowel(w.rs[i]) {
				vowel = true
				break
			}
		}
		if !vowel {
			return
		}
		r1, r2 := w.r1, w.r2
		w.removeLast(n)
		switch t := w.firstSuffix("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"); t {
		case "":
			if isShortWord(w) {
				w.rs = append(w.rs, 'e')
				w.r1, w.r2 = len(w.rs), len(w.rs)
				return
			}
		case "at", "bl", "iz":
			w.replaceSuffix(2, t+"e")
		default:
			w.removeLast(1)
		}
		w.r1, w.r2 = min(r1, len(w.rs)), min(r2, len(w.rs))
	}
}

func step1c(w *word) {
	n := len(w.rs)
	if n > 2 && (w.rs[n-1] == 'y' || w.rs[n-1] == 'Y') && !isLowerVowel(w.rs[n-2]) {
		w.rs[n-1] = 'i'
	}
}

// step2Repl is step 2's replacement of each suffix but "li" and "ogi".
func step2Repl(s string) string {
	switch s {
	case "tional":
		return "tion"
	case "enci":
		return "ence"
	case "anci":
		return "ance"
	case "abli":
		return "able"
	case "entli":
		return "ent"
	case "izer", "ization":
		return "ize"
	case "ational", "ation", "ator":
		return "ate"
	case "alism", "aliti", "alli":
		return "al"
	case "fulness", "fulli":
		return "ful"
	case "ousli", "ousness":
		return "ous"
	case "iveness", "iviti":
		return "ive"
	case "biliti", "bli":
		return "ble"
	case "lessli":
		return "less"
	}
	return ""
}

func step2(w *word) {
	s := w.firstSuffix(
		"ational", "fulness", "iveness", "ization", "ousness",
		"biliti", "lessli", "tional", "alism", "aliti", "ation",
		"entli", "fulli", "iviti", "ousli", "anci", "abli",
		"alli", "ator", "enci", "izer", "bli", "ogi", "li",
	)
	n := len(s)
	if s == "" || n > len(w.rs)-w.r1 {
		return
	}
	switch l := len(w.rs); s {
	case "li":
		if l >= 3 {
			switch w.rs[l-3] {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
				w.removeLast(n)
			}
		}
	case "ogi":
		if l >= 4 && w.rs[l-4] == 'l' {
			w.replaceSuffix(n, "og")
		}
	default:
		w.replaceSuffix(n, step2Repl(s))
	}
}

// step3Repl is step 3's replacement of each suffix but "ative".
func step3Repl(s string) string {
	switch s {
	case "ational":
		return "ate"
	case "tional":
		return "tion"
	case "alize":
		return "al"
	case "icate", "iciti", "ical":
		return "ic"
	}
	return "" // "ful", "ness"
}

func step3(w *word) {
	s := w.firstSuffix("ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness")
	n := len(s)
	if s == "" || n > len(w.rs)-w.r1 {
		return
	}
	if s == "ative" {
		if len(w.rs)-w.r2 >= 5 {
			w.removeLast(n)
		}
		return
	}
	w.replaceSuffix(n, step3Repl(s))
}

func step4(w *word) {
	s := w.firstSuffix(
		"ement", "ance", "ence", "able", "ible", "ment",
		"ent", "ant", "ism", "ate", "iti", "ous", "ive",
		"ize", "ion", "al", "er", "ic",
	)
	n := len(s)
	if n > len(w.rs)-w.r2 || s == "" {
		return
	}
	if s == "ion" {
		if l := len(w.rs); l >= 4 && (w.rs[l-4] == 's' || w.rs[l-4] == 't') {
			w.removeLast(n)
		}
		return
	}
	w.removeLast(n)
}

func step5(w *word) {
	last := len(w.rs) - 1
	if w.r1 > last {
		return
	}
	switch {
	case w.rs[last] == 'e':
		if w.r2 <= last || !endsShortSyllable(w, last) {
			w.removeLast(1)
		}
	case w.r2 <= last && w.rs[last] == 'l' && last-1 >= 0 && w.rs[last-1] == 'l':
		w.removeLast(1)
	}
}
