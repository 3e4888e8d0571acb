package analysis

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ../internal/tools/genvectors -glove $GLOVE_JSON -o stemvectors.bin

// stemVectorsBin holds a 100-dimensional GloVe vector for each stem of the
// 50,000 commonest English words (internal/tools/genvectors). Vectors know that
// "safe" is near "security" and "paper" near "newspaper", which neither
// stems, character n-grams nor WordNet's synsets capture.
//
//go:embed stemvectors.bin
var stemVectorsBin string

// StemVectors is the table, read in place: stems sorted, each a length
// byte and its bytes, then the vectors as int8 scaled by 127.
type StemVectors struct {
	dim   int
	stems []int32 // offset of each stem's length byte in raw
	raw   string
	vecs  string // the int8 vectors, in stem order
}

// theStemVectors is indexed once, on first use, and never modified after.
// A table that does not match this tokenizer is a build mistake that
// TestStemVectorsMatchTheTokenizer catches; at run time it only costs the
// word-vector features.
var theStemVectors = sync.OnceValue(func() *StemVectors {
	sv, err := parseStemVectors(stemVectorsBin)
	if err != nil {
		return &StemVectors{}
	}
	return sv
})

// vectorTokenizers are the tokenizer versions whose tables this one
// reads: its own, and 3, which gave every American word the stem 4 gives
// it (4 only reads British spellings as American, so a British word now
// meets its American stem's vector, and the table's few British stems go
// unused until it is regenerated).
var vectorTokenizers = [...]string{TokenizerVersion, "3"}

// parseStemVectors checks the table's header and sizes and lists where
// each stem starts. That its stems are sorted, which vector's binary
// search needs, is held by TestStemVectorsMatchTheTokenizer instead:
// comparing all 34,000 neighbours was four fifths of reading the table,
// on every run, for an embedded file no user can change.
func parseStemVectors(b string) (*StemVectors, error) {
	header := ""
	for _, v := range vectorTokenizers {
		if h := fmt.Sprintf("footnote stem vectors\ntokenizer %s\n", v); strings.HasPrefix(b, h) {
			header = h
		}
	}
	if header == "" {
		return nil, fmt.Errorf("stem vectors: not for tokenizer version %s; run go generate ./analysis", TokenizerVersion)
	}
	off := len(header)
	if len(b) < off+8 {
		return nil, fmt.Errorf("stem vectors: truncated header")
	}
	dim, n := int(binary.LittleEndian.Uint32([]byte(b[off:off+4]))), int(binary.LittleEndian.Uint32([]byte(b[off+4:off+8])))
	off += 8
	sv := &StemVectors{dim: dim, stems: make([]int32, n), raw: b}
	for i := range n {
		if off >= len(b) || off+1+int(b[off]) > len(b) {
			return nil, fmt.Errorf("stem vectors: truncated at stem %d", i)
		}
		sv.stems[i] = int32(off)
		off += 1 + int(b[off])
	}
	if len(b)-off != n*dim {
		return nil, fmt.Errorf("stem vectors: %d bytes of vectors, want %d", len(b)-off, n*dim)
	}
	sv.vecs = b[off:]
	return sv, nil
}

// stem returns the i-th stem, a slice of the table.
func (sv *StemVectors) stem(i int) string {
	off := int(sv.stems[i])
	return sv.raw[off+1 : off+1+int(sv.raw[off])]
}

// vector returns stem's vector, or "" for a stem the table lacks.
func (sv *StemVectors) vector(stem string) string {
	i, ok := sort.Find(len(sv.stems), func(i int) int { return strings.Compare(stem, sv.stem(i)) })
	if !ok {
		return ""
	}
	return sv.vecs[i*sv.dim : (i+1)*sv.dim]
}

// similarity is the cosine of two stems' vectors, 0 when either is unknown.
func (sv *StemVectors) similarity(a, b string) float64 {
	va, vb := sv.vector(a), sv.vector(b)
	if va == "" || vb == "" {
		return 0
	}
	return dotInt8(va, vb)
}

// dotInt8 is the dot product of two vectors of int8 stored as bytes,
// rescaled to [-1, 1].
func dotInt8(a, b string) float64 {
	return float64(dotInt32(a, b)) / (127 * 127)
}

// dotInt32 is the integer dot product of two vectors of int8 stored as
// bytes of the same length. Integer sums are exact in any order, so four
// running sums (fewer dependent adds per step) give the plain loop's
// result; 100 dimensions of ±127² cannot overflow an int32.
func dotInt32(a, b string) int32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 int32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += int32(int8(a[i])) * int32(int8(b[i]))
		s1 += int32(int8(a[i+1])) * int32(int8(b[i+1]))
		s2 += int32(int8(a[i+2])) * int32(int8(b[i+2]))
		s3 += int32(int8(a[i+3])) * int32(int8(b[i+3]))
	}
	for ; i < len(a); i++ {
		s0 += int32(int8(a[i])) * int32(int8(b[i]))
	}
	return s0 + s1 + s2 + s3
}

// vectorsOf returns the vectors of those stems that have one, in no
// particular order; never nil, so that callers can tell "looked up" from
// "not yet".
func (sv *StemVectors) vectorsOf(stems map[string]bool) []string {
	out := make([]string, 0, len(stems))
	for s := range stems {
		if v := sv.vector(s); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// WordVectors is the embedded GloVe table, indexed on first use.
func WordVectors() *StemVectors { return theStemVectors() }

// Dim is the table's dimension; 0 when the table could not be read.
func (sv *StemVectors) Dim() int { return sv.dim }

// Vector returns a stem's int8 vector as a string of bytes (index bytes,
// don't range runes), or "" when the stem has none.
func (sv *StemVectors) Vector(stem string) string { return sv.vector(stem) }

// Similarity is the cosine between two stems' vectors, 0 when either has
// none.
func (sv *StemVectors) Similarity(a, b string) float64 { return sv.similarity(a, b) }
