package retrieval

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/footnote-dev/footnote/internal/trust"
)

// readVectorsVerified reads a vectors file of count×dim, checked against
// the manifest's checksum, straight into the floats' memory: a 10,000-chunk
// index's 25 MB are read once, with no buffer beside them to allocate,
// clear and copy out of (which was most of reading the index a re-index
// replaces). Every float returned was covered by the checksum. A machine
// that does not store floats little-endian takes readVerified's way.
func readVectorsVerified(dir, name string, m Manifest, count, dim int) ([][]float32, error) {
	if !littleEndian {
		var vecs [][]float32
		err := readVerified(dir, name, m, func(r io.ReadSeeker) (err error) {
			vecs, err = readVectors(r, count, dim)
			return err
		})
		return vecs, err
	}
	f, err := openData(dir, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	all, err := readVectorBody(f, m.Checksums, name, count, dim)
	if err != nil {
		return nil, &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s %v", name, err)}
	}
	vecs := make([][]float32, count)
	for i := range vecs {
		vecs[i] = all[i*dim : (i+1)*dim : (i+1)*dim]
	}
	return vecs, nil
}

// readVectorBody reads f's header and floats and checks them against
// sums[name]; its errors read as the CorruptError reasons readVerified
// gives.
func readVectorBody(f *os.File, sums map[string]uint32, name string, count, dim int) ([]float32, error) {
	want, listed := sums[name]
	head := make([]byte, len(vectorsHeader)+8)
	if _, err := io.ReadFull(f, head); err != nil {
		return nil, errChecksum
	}
	all := make([]float32, count*dim)
	body := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(all))), 4*len(all))
	if _, err := io.ReadFull(f, body); err != nil {
		return nil, errChecksum
	}
	var one [1]byte
	if n, _ := f.Read(one[:]); n != 0 {
		return nil, errChecksum // longer than the manifest's shape
	}
	if !listed || crc32.Update(crc32.Checksum(head, crcTable), crcTable, body) != want {
		return nil, errChecksum
	}
	n, d := binary.LittleEndian.Uint32(head[len(vectorsHeader):]), binary.LittleEndian.Uint32(head[len(vectorsHeader)+4:])
	if string(head[:len(vectorsHeader)]) != vectorsHeader || int(n) != count || int(d) != dim {
		return nil, errors.New("undecodable")
	}
	return all, nil
}

// openData opens a generation's data file, refusing one another user
// could have planted.
func openData(dir, name string) (*os.File, error) {
	path := filepath.Join(dir, name)
	if err := trust.File(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s missing", name)}
		}
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s missing", name)}
	}
	return f, nil
}
