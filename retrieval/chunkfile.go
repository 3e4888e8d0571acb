package retrieval

import (
	"encoding/binary"
	"errors"
	"io"
	"sort"
)

// chunksFile holds what a build keeps of each chunk for the next one: its
// keys, the row of its vector in the generation's vector files, and its
// BM25 term counts over a vocabulary. The postings are derived from it.
//
//	"footnote chunks 1\n"
//	uvarint vocabulary size, then each stem as uvarint length and bytes
//	uvarint chunk count, then per chunk: text, context and record keys
//	(16 bytes each), uvarint vector row, uvarint paragraph row, uvarint
//	term count, then per term the uvarint stem number and uvarint frequency
const (
	chunksFile   = "chunks.bin"
	chunksHeader = "footnote chunks 1\n"
)

// fitFile holds the local embedder's fit:
//
//	"footnote fit 1\n"
//	uvarint paragraphs fitted
//	uvarint stem count, then each stem (uvarint length, bytes) and its
//	uvarint document frequency, in stem order
//	uvarint text count, then each text key (16 bytes) and uvarint count,
//	in key order
const (
	fitFile   = "fit.bin"
	fitHeader = "footnote fit 1\n"
)

var errMalformed = errors.New("malformed")

// chunkState is the decoded chunks file.
type chunkState struct {
	keys   []chunkKeys
	rowOf  []int32 // vector rows
	paraOf []int32 // paragraph rows
	terms  *termTable
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func writeChunks(w io.Writer, st chunkState) error {
	size := len(chunksHeader) + 16*len(st.terms.vocab) + 64*len(st.keys)
	for _, tf := range st.terms.docs {
		size += 3 * len(tf)
	}
	b := make([]byte, 0, size)
	b = append(b, chunksHeader...)
	b = binary.AppendUvarint(b, uint64(len(st.terms.vocab)))
	for _, s := range st.terms.vocab {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(st.keys)))
	for i, k := range st.keys {
		b = append(b, k.text[:]...)
		b = append(b, k.context[:]...)
		b = append(b, k.record[:]...)
		b = binary.AppendUvarint(b, uint64(st.rowOf[i]))
		b = binary.AppendUvarint(b, uint64(st.paraOf[i]))
		tf := st.terms.docs[i]
		b = binary.AppendUvarint(b, uint64(len(tf)))
		for _, f := range tf {
			b = binary.AppendUvarint(b, uint64(f.stem))
			b = binary.AppendUvarint(b, uint64(f.freq))
		}
	}
	_, err := w.Write(b)
	return err
}

// decoder reads the varint layout of chunks.bin and fit.bin; the first
// malformed read sticks in err and every later one returns zero.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint(limit uint64) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > limit {
		d.err = errMalformed
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 || v < -1<<40 || v > 1<<40 {
		d.err = errMalformed
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// index reads a number that must be below n.
func (d *decoder) index(n int) int {
	if n <= 0 {
		d.err = errMalformed
		return 0
	}
	return int(d.uvarint(uint64(n - 1)))
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n > len(d.b) {
		d.err = errMalformed
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) string() string { return string(d.bytes(int(d.uvarint(1 << 30)))) }

func (d *decoder) key() (k contentKey) {
	copy(k[:], d.bytes(len(k)))
	return k
}

func (d *decoder) header(h string) {
	if string(d.bytes(len(h))) != h {
		d.err = errMalformed
	}
}

func (d *decoder) done() error {
	if d.err == nil && len(d.b) != 0 {
		d.err = errMalformed
	}
	return d.err
}

// readChunks decodes a chunks file of want chunks whose vector rows are
// below rows and paragraph rows below paras.
func readChunks(data []byte, want, rows, paras int) (chunkState, error) {
	d := &decoder{b: data}
	d.header(chunksHeader)
	nv := int(d.uvarint(uint64(len(data))))
	vocab := make([]string, 0, nv)
	for range nv {
		vocab = append(vocab, d.string())
	}
	n := int(d.uvarint(uint64(len(data))))
	if d.err == nil && n != want {
		return chunkState{}, errMalformed
	}
	st := chunkState{keys: make([]chunkKeys, n), rowOf: make([]int32, n), paraOf: make([]int32, n), terms: newTermTable(vocab, n)}
	for i := 0; i < n && d.err == nil; i++ {
		st.keys[i].text, st.keys[i].context, st.keys[i].record = d.key(), d.key(), d.key()
		st.rowOf[i] = int32(d.index(rows))
		st.paraOf[i] = int32(d.index(paras))
		tf := make([]termFreq, d.uvarint(uint64(len(d.b))))
		for j := range tf {
			tf[j] = termFreq{stem: int32(d.index(nv)), freq: int32(d.uvarint(1 << 30))}
		}
		st.terms.docs[i] = tf
	}
	return st, d.done()
}

func writeFit(w io.Writer, f *fit) error {
	b := append([]byte(nil), fitHeader...)
	b = binary.AppendUvarint(b, uint64(f.n))
	stems := make([]string, 0, len(f.df))
	for s := range f.df {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	b = binary.AppendUvarint(b, uint64(len(stems)))
	for _, s := range stems {
		b = appendString(b, s)
		b = binary.AppendUvarint(b, uint64(f.df[s]))
	}
	keys := make([]contentKey, 0, len(f.texts))
	for k := range f.texts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return string(keys[i][:]) < string(keys[j][:]) })
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = append(b, k[:]...)
		b = binary.AppendUvarint(b, uint64(f.texts[k]))
	}
	_, err := w.Write(b)
	return err
}

func readFit(data []byte) (*fit, error) {
	d := &decoder{b: data}
	d.header(fitHeader)
	f := &fit{n: int(d.uvarint(1 << 40))}
	ns := int(d.uvarint(uint64(len(data))))
	f.df = make(map[string]int, ns)
	for range ns {
		s := d.string()
		f.df[s] = int(d.uvarint(uint64(f.n)))
	}
	nk := int(d.uvarint(uint64(len(data))))
	f.texts = make(map[contentKey]int32, nk)
	total := 0
	for range nk {
		k := d.key()
		c := int(d.uvarint(uint64(f.n)))
		f.texts[k] = int32(c)
		total += c
	}
	if err := d.done(); err != nil {
		return nil, err
	}
	if total != f.n {
		return nil, errMalformed
	}
	return f, nil
}
