package retrieval

import (
	"encoding/binary"
	"errors"
	"io"
	"sort"
	"unsafe"
)

// chunksFile holds what a build keeps of each chunk for the next one: its
// keys and the rows of its vector, paragraph and term counts, and the
// vocabulary the term counts number their stems in.
//
//	"footnote chunks 2\n"
//	uvarint vocabulary size, then each stem as uvarint length and bytes
//	uvarint chunk count, then per chunk 60 bytes: text, context and
//	record keys (16 bytes each), then as little-endian uint32 the rows of
//	its vector, its paragraph and its term counts
const (
	chunksFile   = "chunks.bin"
	chunksHeader = "footnote chunks 2\n"
	chunkRecord  = 3*len(contentKey{}) + 12
)

// termsFile and termsDeltaFile hold term-count rows (rows.go), each the
// BM25 tokens of one paragraph text:
//
//	"footnote terms 2\n", uvarint rows, per row its term count as
//	little-endian uint32, uvarint total terms, zero bytes up to a multiple
//	of 8 from the file's start, then every row's terms, each as
//	little-endian uint32 stem number and frequency
//
// The terms are fixed-width and aligned so that a machine that stores
// int32 the same way uses them where they were read, with no copy: 500,000
// varints took most of reading them, and then copying them was a tenth of
// what a one-file re-index allocated.
const (
	termsFile      = "terms.bin"
	termsDeltaFile = "terms-delta.bin"
	termsHeader    = "footnote terms 2\n"
	termsAlign     = 8
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
	termOf []int32 // term-count rows
	vocab  []string
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func writeChunks(w io.Writer, st chunkState) error {
	b := make([]byte, 0, len(chunksHeader)+16*len(st.vocab)+chunkRecord*len(st.keys)+20)
	b = append(b, chunksHeader...)
	b = binary.AppendUvarint(b, uint64(len(st.vocab)))
	for _, s := range st.vocab {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(st.keys)))
	for i, k := range st.keys {
		b = append(b, k.text[:]...)
		b = append(b, k.context[:]...)
		b = append(b, k.record[:]...)
		b = binary.LittleEndian.AppendUint32(b, uint32(st.rowOf[i]))
		b = binary.LittleEndian.AppendUint32(b, uint32(st.paraOf[i]))
		b = binary.LittleEndian.AppendUint32(b, uint32(st.termOf[i]))
	}
	_, err := w.Write(b)
	return err
}

func writeTermRows(w io.Writer, rows [][]termFreq) error {
	total := 0
	for _, tf := range rows {
		total += len(tf)
	}
	b := make([]byte, 0, len(termsHeader)+4*len(rows)+8*total+20+termsAlign)
	b = append(b, termsHeader...)
	b = binary.AppendUvarint(b, uint64(len(rows)))
	for _, tf := range rows {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(tf)))
	}
	b = binary.AppendUvarint(b, uint64(total))
	for len(b)%termsAlign != 0 {
		b = append(b, 0)
	}
	for _, tf := range rows {
		b = appendTerms(b, tf)
	}
	_, err := w.Write(b)
	return err
}

// readTermRows decodes a terms file of want rows over a vocabulary of nv
// stems.
func readTermRows(data []byte, want, nv int) ([][]termFreq, error) {
	d := &decoder{b: data}
	d.header(termsHeader)
	n := int(d.uvarint(uint64(len(data)) / 4))
	if d.err != nil || n != want {
		return nil, errMalformed
	}
	counts := d.bytes(4 * n)
	total := int(d.uvarint(uint64(len(data)) / 8))
	for _, z := range d.bytes((termsAlign - (len(data)-len(d.b))%termsAlign) % termsAlign) {
		if z != 0 {
			return nil, errMalformed
		}
	}
	body := d.bytes(8 * total)
	if err := d.done(); err != nil {
		return nil, err
	}
	all := decodeTerms(body, total)
	for _, f := range all {
		if f.stem < 0 || int(f.stem) >= nv || f.freq <= 0 {
			return nil, errMalformed
		}
	}
	rows := make([][]termFreq, n)
	at := 0
	for i := range rows {
		c := int(binary.LittleEndian.Uint32(counts[4*i:]))
		if c > total-at {
			return nil, errMalformed
		}
		rows[i] = all[at : at+c : at+c]
		at += c
	}
	if at != total {
		return nil, errMalformed
	}
	return rows, nil
}

// appendTerms appends tf as little-endian uint32 pairs.
func appendTerms(b []byte, tf []termFreq) []byte {
	if littleEndian && len(tf) > 0 {
		return append(b, unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(tf))), 8*len(tf))...)
	}
	for _, f := range tf {
		b = binary.LittleEndian.AppendUint32(b, uint32(f.stem))
		b = binary.LittleEndian.AppendUint32(b, uint32(f.freq))
	}
	return b
}

// decodeTerms decodes n terms from b, which holds 8n bytes: b itself, on
// a little-endian machine where b is aligned for int32 (as the file's
// layout and an allocated buffer make it), otherwise a copy.
func decodeTerms(b []byte, n int) []termFreq {
	if littleEndian && n > 0 && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%unsafe.Alignof(termFreq{}) == 0 {
		return unsafe.Slice((*termFreq)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	all := make([]termFreq, n)
	if littleEndian {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(all))), 8*n), b)
		return all
	}
	for i := range all {
		all[i] = termFreq{stem: int32(binary.LittleEndian.Uint32(b[8*i:])), freq: int32(binary.LittleEndian.Uint32(b[8*i+4:]))}
	}
	return all
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
	if len(d.b) > 0 && d.b[0] < 0x80 && uint64(d.b[0]) <= limit {
		v := uint64(d.b[0]) // most numbers in chunks.bin take one byte
		d.b = d.b[1:]
		return v
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

// readChunks decodes a chunks file of want chunks whose vector,
// paragraph and term rows are below rows[0], rows[1] and rows[2].
func readChunks(data []byte, want int, rows [3]int) (chunkState, error) {
	d := &decoder{b: data}
	d.header(chunksHeader)
	nv := int(d.uvarint(uint64(len(data))))
	vocab := make([]string, 0, min(nv, len(data)))
	for range nv {
		vocab = append(vocab, d.string())
	}
	n := int(d.uvarint(uint64(len(data))))
	if d.err != nil || n != want {
		return chunkState{}, errMalformed
	}
	recs := d.bytes(n * chunkRecord)
	if err := d.done(); err != nil {
		return chunkState{}, err
	}
	st := chunkState{keys: make([]chunkKeys, n), rowOf: make([]int32, n), paraOf: make([]int32, n), termOf: make([]int32, n), vocab: vocab}
	for i := range n {
		r := recs[i*chunkRecord : (i+1)*chunkRecord]
		k := &st.keys[i]
		copy(k.text[:], r)
		copy(k.context[:], r[16:])
		copy(k.record[:], r[32:])
		for j, dst := range []*int32{&st.rowOf[i], &st.paraOf[i], &st.termOf[i]} {
			v := binary.LittleEndian.Uint32(r[48+4*j:])
			if int(v) >= rows[j] {
				return chunkState{}, errMalformed
			}
			*dst = int32(v)
		}
	}
	return st, nil
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
