package corpus

import (
	_ "embed"
	"fmt"
	"maps"
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
// (internal/genpunkt): "= Set count" headers, then "value<TAB>key" lines
// sorted by key.
//
//go:embed punkt_english.txt
var punktEnglish string

// punktModel is the embedded model, read for one text at a time. The
// library looks the model up in four maps; three are small and parsed
// once, but the orthographic contexts are 20,366 entries, and building
// that map was an eighth of a warm `footnote ask` that splits five
// paragraphs. Each text gets a map of only the entries its own words can
// ask for (see orthoFor), searched for in the sorted lines in place.
type punktModel struct {
	abbrevTypes, collocations, sentStarters sentences.SetString
	// ortho holds the OrthoContext section's lines.
	ortho string
}

// thePunkt is read once, on first use. A nil model (the embedded one
// failed to parse, a build defect that TestPrecompiledPunktModelIsTheLibrarys
// catches) degrades to one sentence per text rather than a panic.
var thePunkt = sync.OnceValue(func() *punktModel {
	m, err := readPunkt(punktEnglish)
	if err != nil {
		return nil
	}
	return m
})

// readPunkt parses the small sets of the plain model and finds where its
// OrthoContext lines start. Those are not read now: their shape and
// order are held to the library's model by
// TestPrecompiledPunktModelIsTheLibrarys.
func readPunkt(text string) (*punktModel, error) {
	m := &punktModel{}
	small := map[string]*sentences.SetString{
		"AbbrevTypes": &m.abbrevTypes, "Collocations": &m.collocations, "SentStarters": &m.sentStarters,
	}
	var cur sentences.SetString
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		switch {
		case line == "" || line[0] == '#':
		case line == "= OrthoContext" || strings.HasPrefix(line, "= OrthoContext "):
			m.ortho = rest
			return m, nil
		case strings.HasPrefix(line, "= "):
			name, count, _ := strings.Cut(line[2:], " ")
			set := small[name]
			if set == nil {
				return nil, fmt.Errorf("punkt model: unknown set %q", name)
			}
			n, _ := strconv.Atoi(count)
			*set = make(sentences.SetString, n)
			cur = *set
		default:
			key, n, err := punktLine(line)
			if err != nil || cur == nil {
				return nil, fmt.Errorf("punkt model: bad line %q", line)
			}
			cur[key] = n
		}
		text = rest
	}
	return nil, fmt.Errorf("punkt model: no OrthoContext set")
}

// punktLine splits a "value<TAB>key" line.
func punktLine(line string) (key string, value int, err error) {
	v, key, ok := strings.Cut(line, "\t")
	if value, err = strconv.Atoi(v); !ok && err == nil {
		err = fmt.Errorf("no tab")
	}
	return key, value, err
}

// orthoContext returns the OrthoContext value of typ, 0 when the model
// has none (as the library's map lookup does): a binary search over the
// sorted lines, between line starts lo and hi.
func (m *punktModel) orthoContext(typ string) int {
	lo, hi := 0, len(m.ortho)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(m.ortho[lo:mid], '\n') + 1 + lo
		line, next := m.ortho[start:], len(m.ortho)
		if end := strings.IndexByte(line, '\n'); end >= 0 {
			line, next = line[:end], start+end+1
		}
		key, value, _ := punktLine(line)
		switch {
		case key < typ:
			lo = next
		case key > typ:
			hi = start
		default:
			return value
		}
	}
	return 0
}

// orthoFor returns the OrthoContext entries the annotators can look up
// for tokens. They look one up only for the token after one holding
// sentence punctuation (a final period, "?", "!", an abbreviation's
// dots: see the library's annotate.go and english/main.go), and only by
// that token's type with or without its final period. Every other lookup
// would miss in this map where it hit in the full one; none is made, and
// TestSentencesAgreeWithTheFullModel holds the two to the same splits.
func (m *punktModel) orthoFor(word *english.WordTokenizer, tokens []*sentences.Token) sentences.SetString {
	out := sentences.SetString{}
	for i := 1; i < len(tokens); i++ {
		if !word.HasSentencePunct(tokens[i-1].Tok) {
			continue
		}
		for _, typ := range [2]string{word.Type(tokens[i]), word.TypeNoPeriod(tokens[i])} {
			if v := m.orthoContext(typ); v != 0 {
				out[typ] = v
			}
		}
	}
	return out
}

// tokenize splits text as the library's English tokenizer over the whole
// model does (english.NewSentenceTokenizer, then Tokenize), with the
// model's orthographic contexts cut down to what text can ask for.
func (m *punktModel) tokenize(text string) ([]*sentences.Sentence, error) {
	// The constructor adds its own abbreviations to the set it is given:
	// each text gets a copy, so that concurrent splits share no writes.
	st := &sentences.Storage{AbbrevTypes: maps.Clone(m.abbrevTypes), Collocations: m.collocations, SentStarters: m.sentStarters}
	tok, err := english.NewSentenceTokenizer(st)
	if err != nil {
		return nil, err
	}
	word := english.NewWordTokenizer(sentences.NewPunctStrings())
	tokens := word.Tokenize(text, false)
	st.OrthoContext = m.orthoFor(word, tokens)
	// What DefaultSentenceTokenizer.Tokenize does with the tokens
	// AnnotatedTokens would have made.
	if len(tokens) > 0 {
		tokens = tok.AnnotateTokens(tokens, tok.Annotations...)
	}
	var out []*sentences.Sentence
	last := 0
	for _, t := range tokens {
		if t.SentBreak {
			out = append(out, &sentences.Sentence{Start: last, End: t.Position, Text: text[last:t.Position]})
			last = t.Position
		}
	}
	if last != len(text) {
		out = append(out, &sentences.Sentence{Start: last, End: len(text), Text: text[last:]})
	}
	return out, nil
}

// Sentences splits text into sentences (Punkt, English model), trimming the
// space between them. Abbreviations such as "U.S." do not end a sentence.
func Sentences(text string) []Span {
	var out []Span
	m := thePunkt()
	if m == nil {
		return []Span{{Text: strings.TrimSpace(text), Start: 0, End: len(text)}}
	}
	split, err := m.tokenize(text)
	if err != nil {
		return []Span{{Text: strings.TrimSpace(text), Start: 0, End: len(text)}}
	}
	for _, s := range split {
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
