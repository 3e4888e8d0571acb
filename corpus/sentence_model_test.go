package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
	"github.com/neurosnap/sentences/english"
)

// parsePunkt reads the whole plain model into the library's maps.
func parsePunkt(text string) (*sentences.Storage, error) {
	st := sentences.NewStorage()
	sets := map[string]*sentences.SetString{
		"AbbrevTypes": &st.AbbrevTypes, "Collocations": &st.Collocations,
		"SentStarters": &st.SentStarters, "OrthoContext": &st.OrthoContext,
	}
	var cur sentences.SetString
	for _, line := range strings.Split(text, "\n") {
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "= "):
			name, _, _ := strings.Cut(line[2:], " ")
			if sets[name] == nil {
				return nil, fmt.Errorf("unknown set %q", name)
			}
			cur = *sets[name]
		default:
			key, n, err := punktLine(line)
			if err != nil || cur == nil {
				return nil, fmt.Errorf("bad line %q", line)
			}
			cur[key] = n
		}
	}
	return st, nil
}

// TestPrecompiledPunktModelIsTheLibrarys holds the embedded plain form to
// the model the library ships; run go generate ./corpus when it fails.
func TestPrecompiledPunktModelIsTheLibrarys(t *testing.T) {
	raw, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := sentences.LoadTraining(raw)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parsePunkt(punktEnglish)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("punkt_english.txt differs from the library's model: go generate ./corpus")
	}
	m := thePunkt()
	if m == nil {
		t.Fatal("the embedded sentence model did not read")
	}
	if !reflect.DeepEqual(m.abbrevTypes, want.AbbrevTypes) || !reflect.DeepEqual(m.collocations, want.Collocations) || !reflect.DeepEqual(m.sentStarters, want.SentStarters) {
		t.Error("the small sets read differ from the library's")
	}
	for typ, v := range want.OrthoContext {
		if got := m.orthoContext(typ); got != v {
			t.Fatalf("orthographic context of %q: %d, the library's model has %d", typ, got, v)
		}
	}
	for _, typ := range []string{"", "zzzz-not-a-word", "\x00", "##number##x"} {
		if got := m.orthoContext(typ); got != want.OrthoContext[typ] {
			t.Errorf("orthographic context of %q: %d, want %d", typ, got, want.OrthoContext[typ])
		}
	}
	spans := Sentences("Mr. Kim met the U.S. envoy. He left at 5 p.m. on Monday. Then talks resumed.")
	if len(spans) != 3 {
		t.Errorf("split into %d sentences, want 3: %+v", len(spans), spans)
	}
}

// librarySentences splits text with the library's English tokenizer over
// its whole shipped model: what Sentences must agree with.
func librarySentences(t testing.TB) func(string) []*sentences.Sentence {
	t.Helper()
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	return tok.Tokenize
}

// agreementTexts are texts whose splits TestSentencesAgreeWithTheFullModel
// compares: the built-in articles whole and paragraph by paragraph, the
// format fixtures, every fixture question and model reply, and the cases
// Punkt's heuristics turn on.
func agreementTexts(t *testing.T) []string {
	t.Helper()
	texts := []string{
		"", " ", ".", "...", ". . .", "a.", "A.", "Dr. Smith went to Washington. He arrived at 3 p.m. today.",
		"J. S. Bach wrote it. The U.S. and the U.K. agreed. The U.N. met on Jan. 5. Sgt. Pepper and Gov. Brown. No. 5 is here.",
		"He said \"Stop.\" Then he left. Was it? Yes! (It was.) [Really.] 'Quoted.' “Curly.” ‘Single.’",
		"1. First item. 2. Second item. 3) Third. 10.5 percent rose. It cost $3.50. Version 1.2.3. is out.",
		"N°. 5 here. The F.B.I. and C.I.A. said so. e.g. this, i.e. that. etc. And so on... Then more.",
		"中文。第二句！第三句？ Mixed. text。 Ends here",
		"Kim Jong-un's trip. Kim Jong Un's visit.\nNew line.\n\nNew paragraph. lower case start. Upper start.",
		"Mr. Putin. mr. putin. MR. PUTIN. St. Petersburg is big. Mt. Fuji too. vs. them. Inc. and Co. Ltd. rose.",
	}
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Paragraphs() {
		texts = append(texts, p.Text)
	}
	for _, d := range c.Documents {
		b, err := BuiltinFile(d.Path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	files, _ := filepath.Glob("testdata/formats/*")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && !strings.HasSuffix(f, ".pdf") {
			texts = append(texts, string(b))
		}
	}
	fixtures, _ := filepath.Glob("../testdata/*.jsonl")
	for _, f := range fixtures {
		texts = append(texts, fixtureStrings(t, f)...)
	}
	return texts
}

// fixtureStrings returns every string value in a JSON-lines file.
func fixtureStrings(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var v any
		if json.Unmarshal(sc.Bytes(), &v) == nil {
			walk(v)
		}
	}
	return out
}

// TestSentencesAgreeWithTheFullModel holds Sentences, which gives each
// text only the orthographic contexts its words can ask for, to the
// library's tokenizer over the whole model: the same spans, text for text.
func TestSentencesAgreeWithTheFullModel(t *testing.T) {
	full := librarySentences(t)
	texts := agreementTexts(t)
	if len(texts) < 500 {
		t.Fatalf("only %d texts to compare; the fixtures were not found", len(texts))
	}
	for i, text := range texts {
		if got, want := spansOf(text, tokenized(t, text)), spansOf(text, full(text)); got != want {
			t.Errorf("text %d %q:\n got %s\nwant %s", i, clip(text), got, want)
		}
	}
}

// tokenized is the embedded model's split of text.
func tokenized(t testing.TB, text string) []*sentences.Sentence {
	t.Helper()
	split, err := thePunkt().tokenize(text)
	if err != nil {
		t.Fatal(err)
	}
	return split
}

func spansOf(text string, ss []*sentences.Sentence) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Text != text[s.Start:s.End] {
			return "text and offsets disagree at " + strconv.Itoa(s.Start)
		}
		fmt.Fprintf(&b, "[%d,%d)", s.Start, s.End)
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// FuzzSentencesAgreeWithTheFullModel is TestSentencesAgreeWithTheFullModel
// on any text.
func FuzzSentencesAgreeWithTheFullModel(f *testing.F) {
	f.Add("Dr. Smith went to Washington. He arrived at 3 p.m. today.")
	f.Add("J. S. Bach. The U.S. envoy. No. 5. N°. 5 here. (Yes.) \"Stop.\" Then.")
	f.Add("1. First. 2) Second... Third. . . Fourth。 第二句！")
	full := librarySentences(f)
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := spansOf(text, tokenized(t, text)), spansOf(text, full(text)); got != want {
			t.Errorf("%q:\n got %s\nwant %s", text, got, want)
		}
	})
}

// TestSentencesSplitConcurrently splits from several goroutines at once,
// for the race detector: the model's shared sets are only read.
func TestSentencesSplitConcurrently(t *testing.T) {
	const text = "Mr. Kim met the U.S. envoy. He left at 5 p.m. on Monday. Then talks resumed."
	want := spansOf(text, tokenized(t, text))
	done := make(chan string)
	for range 8 {
		go func() {
			split, err := thePunkt().tokenize(text)
			if err != nil {
				done <- err.Error()
				return
			}
			done <- spansOf(text, split)
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("a concurrent split gave %s, want %s", got, want)
		}
	}
}
