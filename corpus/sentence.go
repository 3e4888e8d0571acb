package corpus

import (
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

// The Punkt model is built once: it parses an embedded training set, and
// that is the slow part of tokenising.
// A nil tokenizer (the embedded model failed to parse, which would be a
// build defect) degrades to one sentence per text rather than a panic.
var englishTokenizer = sync.OnceValue(func() *sentences.DefaultSentenceTokenizer {
	t, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil
	}
	return t
})

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
