// Command gensynonyms derives analysis/synonyms.txt from WordNet 3.0
// (Debian package wordnet-base): for each word stem, the stems of its
// synonyms in its most common senses, of its derivationally related forms
// ("absence" → "absent") and of its base form ("went" → "go"); for each
// phrasal verb, the stems of its synonyms ("pass_away" → "die").
//
// Run it with `go generate ./analysis` after `apt-get install wordnet-base`.
// The output is committed, so footnote needs neither WordNet nor a network.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/footnote-dev/footnote/analysis"
)

// senses is how many of a word's senses, most common first, contribute
// synonyms: rarer senses add more noise than recall.
const senses = 2

// maxRelated caps the related stems kept per stem.
const maxRelated = 10

type synset struct {
	words []string
	// derived maps a word's position (1-based) to the words its
	// derivation and pertainym pointers lead to, as (offset, pos, target).
	ptrs []pointer
}

type pointer struct {
	symbol         string
	offset, pos    string
	source, target int
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict folder")
	out := flag.String("o", "synonyms.txt", "output file")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gensynonyms:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	data := map[string]synset{} // key: pos + offset
	related := map[string][]string{}
	lemmas := map[string]string{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := readData(filepath.Join(dir, "data."+pos), data); err != nil {
			return err
		}
	}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := readIndex(filepath.Join(dir, "index."+pos), pos, data, related); err != nil {
			return err
		}
		if pos == "noun" || pos == "verb" {
			if err := readExceptions(filepath.Join(dir, pos+".exc"), lemmas); err != nil {
				return err
			}
		}
	}
	return write(out, related, lemmas)
}

func posKey(p string) string {
	switch p {
	case "n":
		return "noun"
	case "v":
		return "verb"
	case "a", "s":
		return "adj"
	case "r":
		return "adv"
	}
	return p
}

func readData(path string, data map[string]synset) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	pos := strings.TrimPrefix(filepath.Ext(path), ".")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		f := strings.Fields(strings.SplitN(line, " | ", 2)[0])
		n, _ := strconv.ParseInt(f[3], 16, 32)
		var s synset
		i := 4
		for j := 0; j < int(n); j++ {
			s.words = append(s.words, strings.ToLower(f[i]))
			i += 2
		}
		pc, _ := strconv.Atoi(f[i])
		i++
		for j := 0; j < pc; j++ {
			st := f[i+3]
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			dst, _ := strconv.ParseInt(st[2:], 16, 32)
			s.ptrs = append(s.ptrs, pointer{symbol: f[i], offset: f[i+1], pos: posKey(f[i+2]), source: int(src), target: int(dst)})
			i += 4
		}
		data[pos+f[0]] = s
	}
	return sc.Err()
}

func readIndex(path, pos string, data map[string]synset, related map[string][]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue
		}
		f := strings.Fields(line)
		lemma := f[0]
		if !singleWord(lemma) && !(pos == "verb" && phrasalVerb(lemma)) {
			continue
		}
		count, _ := strconv.Atoi(f[2])
		offsets := f[len(f)-count:]
		for _, off := range offsets[:min(senses, len(offsets))] {
			s := data[pos+off]
			for wi, w := range s.words {
				if w != lemma && singleWord(w) {
					related[lemma] = append(related[lemma], w)
				}
				if w != lemma {
					continue
				}
				for _, p := range s.ptrs {
					if (p.symbol == "+" || p.symbol == `\`) && (p.source == 0 || p.source == wi+1) && p.target > 0 {
						t := data[p.pos+p.offset]
						if p.target <= len(t.words) && singleWord(t.words[p.target-1]) {
							related[lemma] = append(related[lemma], t.words[p.target-1])
						}
					}
				}
			}
		}
	}
	return sc.Err()
}

// readExceptions reads irregular inflections ("went go", "children child")
// into lemmas; the first base form listed wins.
func readExceptions(path string, lemmas map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if _, seen := lemmas[f[0]]; !seen && len(f) >= 2 && singleWord(f[0]) && singleWord(f[1]) {
			lemmas[f[0]] = f[1]
		}
	}
	return sc.Err()
}

// particles end the phrasal verbs kept ("pass away", "show up"): a
// question says "showed up" where an article says "attended".
var particles = map[string]bool{
	"up": true, "down": true, "away": true, "off": true, "over": true, "out": true,
	"in": true, "on": true, "into": true, "back": true, "around": true, "through": true,
}

// phrasalVerb reports whether a WordNet lemma is a verb and a particle,
// "pass_away".
func phrasalVerb(lemma string) bool {
	verb, particle, ok := strings.Cut(lemma, "_")
	return ok && singleWord(verb) && particles[particle]
}

// key is the table key of a word or a phrasal verb: the stem, or the
// verb's stem, "_" and the particle ("pass_away" → "pass_away",
// "showed_up" → "show_up"), as analysis.phraseRelated looks it up.
func key(w string) string {
	if verb, particle, ok := strings.Cut(w, "_"); ok {
		return analysis.Stem(verb) + "_" + particle
	}
	return analysis.Stem(w)
}

func singleWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return len(w) > 1
}

// write folds words into stems and writes "stem related related …" lines
// (and "verb_particle related …" for phrasal verbs), then "=form base"
// lines for irregular inflections.
func write(out string, related map[string][]string, lemmas map[string]string) error {
	byStem := map[string][]string{}
	words := make([]string, 0, len(related))
	for w := range related {
		words = append(words, w)
	}
	sort.Strings(words) // several words share a stem: a fixed order keeps the output reproducible
	for _, w := range words {
		rel := related[w]
		s := key(w)
		for _, r := range rel {
			rs := analysis.Stem(r)
			if rs != s && !contains(byStem[s], rs) && len(byStem[s]) < maxRelated {
				byStem[s] = append(byStem[s], rs)
			}
		}
	}
	stems := make([]string, 0, len(byStem))
	for s := range byStem {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	// Uncompressed, so that retrieval can search it in place at startup.
	bw := bufio.NewWriter(f)
	for _, s := range stems {
		fmt.Fprintf(bw, "%s %s\n", s, strings.Join(byStem[s], " "))
	}
	forms := make([]string, 0, len(lemmas))
	for f := range lemmas {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		fmt.Fprintf(bw, "=%s %s\n", f, lemmas[f])
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
