package corpus

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// Span is a sentence's text and its byte offsets in the text it came from.
type Span struct {
	Text       string
	Start, End int
}

//go:generate go run ../internal/genpunkt -o punkt_english.txt

// punktEnglish is the library's English Punkt model in a plain form
// (internal/genpunkt): "= Set count" headers, then "value<TAB>key" lines.
// The library ships it as gzipped JSON, and decoding that was half of a
// warm `footnote ask`'s CPU; this reads in a few milliseconds.
//
//go:embed punkt_english.txt
var punktEnglish string

// The Punkt model is built once, on first use.
// A nil tokenizer (the embedded model failed to parse, which would be a
// build defect that TestPrecompiledPunktModelIsTheLibrarys catches)
// degrades to one sentence per text rather than a panic.
var englishTokenizer = sync.OnceValue(func() *sentences.DefaultSentenceTokenizer {
	st, err := parsePunkt(punktEnglish)
	if err != nil {
		return nil
	}
	t, err := english.NewSentenceTokenizer(st)
	if err != nil {
		return nil
	}
	return t
})

// parsePunkt reads the plain form of a Punkt model.
func parsePunkt(text string) (*sentences.Storage, error) {
	st := sentences.NewStorage()
	sets := map[string]*sentences.SetString{
		"AbbrevTypes": &st.AbbrevTypes, "Collocations": &st.Collocations,
		"SentStarters": &st.SentStarters, "OrthoContext": &st.OrthoContext,
	}
	var cur sentences.SetString
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "= "):
			name, count, _ := strings.Cut(line[2:], " ")
			set := sets[name]
			if set == nil {
				return nil, fmt.Errorf("punkt model: unknown set %q", name)
			}
			// The header's count sizes the map once: growing a
			// 20,000-entry map step by step was a third of the parse.
			n, _ := strconv.Atoi(count)
			*set = make(sentences.SetString, n)
			cur = *set
		default:
			v, key, ok := strings.Cut(line, "\t")
			n, err := strconv.Atoi(v)
			if !ok || err != nil || cur == nil {
				return nil, fmt.Errorf("punkt model: bad line %q", line)
			}
			cur[key] = n
		}
	}
	return st, nil
}

// LoadSentenceModel parses the sentence model now instead of on first use.
// It takes about as long as loading an index of the built-in corpus, so
// `footnote ask` starts it in the background while the index loads.
func LoadSentenceModel() { englishTokenizer() }

// Sentences splits text into sentences (Punkt, English model), trimming the
// space between them. Abbreviations such as "U.S." do not end a sentence.
func Sentences(text string) []Span {
	var out []Span
	tok := englishTokenizer()
	if tok == nil {
		return []Span{{Text: strings.TrimSpace(text), Start: 0, End: len(text)}}
	}
	for _, s := range tok.Tokenize(text) {
		start, end := s.Start, s.End
		for start < end && isSpace(text[start]) {
			start++
		}
		for end > start && isSpace(text[end-1]) {
			end--
		}
		if start < end {
			out = append(out, Span{Text: text[start:end], Start: start, End: end})
		}
	}
	return out
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// joinWords collapses runs of white space into single spaces.
func joinWords(s string) string { return strings.Join(strings.Fields(s), " ") }
