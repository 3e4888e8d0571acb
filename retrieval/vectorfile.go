package retrieval

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unsafe"
)

// littleEndian is whether this machine stores a float32 as the vectors
// file does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// vectorsHeader starts a vectors file; the count and the dimension follow
// as little-endian uint32, then every vector as little-endian float32, in
// chunk order.
//
// footnote writes its vectors itself rather than through chromem-go's
// export: chromem-go's ImportFromReader decodes them with encoding/gob one
// float at a time, four fifths of loading a 100,000-chunk index
// (BENCHMARKS.md, section 3). Read back, they go into an in-memory
// chromem-go collection exactly as a fresh build puts them.
const vectorsHeader = "footnote vectors 1\n"

// writeVectors writes vecs, all of length dim, as a vectors file.
func writeVectors(w io.Writer, vecs [][]float32, dim int) error {
	if _, err := io.WriteString(w, vectorsHeader); err != nil {
		return err
	}
	var buf [8]byte
	binary.LittleEndian.PutUint32(buf[:4], uint32(len(vecs)))
	binary.LittleEndian.PutUint32(buf[4:], uint32(dim))
	if _, err := w.Write(buf[:]); err != nil {
		return err
	}
	row := make([]byte, 4*dim)
	for i, v := range vecs {
		if len(v) != dim {
			return fmt.Errorf("vector %d has %d dimensions, want %d", i, len(v), dim)
		}
		for j, x := range v {
			binary.LittleEndian.PutUint32(row[4*j:], math.Float32bits(x))
		}
		if _, err := w.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// readVectors reads a vectors file that must hold count vectors of dim
// dimensions. The vectors share one backing array.
func readVectors(r io.Reader, count, dim int) ([][]float32, error) {
	if m, ok := r.(*inMemory); ok {
		return decodeVectors(m.data, count, dim)
	}
	br := bufio.NewReaderSize(r, 64<<10) // a 1 MiB buffer was most of the cost of loading a small index
	head := make([]byte, len(vectorsHeader)+8)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, errors.New("vectors file too short")
	}
	if string(head[:len(vectorsHeader)]) != vectorsHeader {
		return nil, errors.New("not a vectors file")
	}
	n, d := binary.LittleEndian.Uint32(head[len(vectorsHeader):]), binary.LittleEndian.Uint32(head[len(vectorsHeader)+4:])
	if int(n) != count || int(d) != dim {
		return nil, fmt.Errorf("vectors file holds %d×%d, want %d×%d", n, d, count, dim)
	}
	all := make([]float32, count*dim)
	row := make([]byte, 4*dim)
	vecs := make([][]float32, count)
	for i := range vecs {
		if _, err := io.ReadFull(br, row); err != nil {
			return nil, fmt.Errorf("vectors file ends at vector %d of %d", i, count)
		}
		v := all[i*dim : (i+1)*dim : (i+1)*dim]
		for j := range v {
			v[j] = math.Float32frombits(binary.LittleEndian.Uint32(row[4*j:]))
		}
		vecs[i] = v
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("vectors file has data past its last vector")
	}
	return vecs, nil
}

// decodeVectors is readVectors for a file already in memory, in one pass
// with no copy through a reader (what a re-index spent most of reading its
// prior vectors on).
func decodeVectors(data []byte, count, dim int) ([][]float32, error) {
	if len(data) < len(vectorsHeader)+8 {
		return nil, errors.New("vectors file too short")
	}
	if string(data[:len(vectorsHeader)]) != vectorsHeader {
		return nil, errors.New("not a vectors file")
	}
	n, d := binary.LittleEndian.Uint32(data[len(vectorsHeader):]), binary.LittleEndian.Uint32(data[len(vectorsHeader)+4:])
	if int(n) != count || int(d) != dim {
		return nil, fmt.Errorf("vectors file holds %d×%d, want %d×%d", n, d, count, dim)
	}
	body := data[len(vectorsHeader)+8:]
	if len(body) != 4*count*dim {
		return nil, fmt.Errorf("vectors file holds %d bytes of vectors, want %d", len(body), 4*count*dim)
	}
	all := make([]float32, count*dim)
	if len(all) == 0 {
		return make([][]float32, count), nil
	}
	if littleEndian {
		// The file's bytes are the floats' own on this machine: one copy,
		// not six million conversions (most of reading a prior index).
		copy(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(all))), 4*len(all)), body)
	} else if _, err := binary.Decode(body, binary.LittleEndian, all); err != nil {
		return nil, fmt.Errorf("decode vectors: %w", err)
	}
	vecs := make([][]float32, count)
	for i := range vecs {
		vecs[i] = all[i*dim : (i+1)*dim : (i+1)*dim]
	}
	return vecs, nil
}
