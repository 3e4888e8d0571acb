package retrieval

import (
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sync"
)

// An incremental build keeps the prior base vectors file as it is (it is
// linked into the new generation, not rewritten) and so does not need its
// 25 MB of floats to save the index — only to search it by vector. It
// checks the file against its checksum and holds it open, and the floats
// are read into chromem-go on the first vector search (lazyBase): a
// `footnote index` after an edit never pays for them, and a search pays
// once what loading the index would have cost it anyway (BENCHMARKS.md,
// Issue 11, has both figures).

// lazyBase is a verified base vectors file not read yet. The open file
// keeps its bytes reachable even if a later build removes the generation
// it was found in.
type lazyBase struct {
	f         *os.File
	name      string
	sum       uint32
	rows, dim int
	once      sync.Once
	loaded    bool // the rows are in the layout
	err       error
}

// openLazyBase opens and checksums gen's base vectors file without
// keeping its floats.
func openLazyBase(gen string, m Manifest) (*lazyBase, error) {
	f, err := openChecked(gen, vectorsFile, m)
	if err != nil {
		return nil, err
	}
	return &lazyBase{f: f, name: vectorsFile, sum: m.Checksums[vectorsFile], rows: m.VectorRows, dim: m.Dimension}, nil
}

// openChecked opens gen's data file name and checks it against the
// manifest's checksum, streaming: for a file a build links into its
// generation without decoding it, so that it never passes on a file that
// was corrupted or planted.
func openChecked(gen, name string, m Manifest) (*os.File, error) {
	f, err := openData(gen, name)
	if err != nil {
		return nil, err
	}
	sum, listed := m.Checksums[name]
	crc := crc32.New(crcTable)
	if _, err := io.CopyBuffer(crc, struct{ io.Reader }{f}, make([]byte, 1<<20)); err != nil || !listed || crc.Sum32() != sum {
		_ = f.Close()
		return nil, &CorruptError{Dir: gen, Reason: name + " checksum mismatch"}
	}
	return f, nil
}

// read returns the base's rows, checked against the checksum again.
func (b *lazyBase) read() ([][]float32, error) {
	if _, err := b.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read %s: %w", b.name, err)
	}
	all, err := readVectorBody(b.f, map[string]uint32{b.name: b.sum}, b.name, b.rows, b.dim)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", b.name, err)
	}
	_ = b.f.Close()
	vecs := make([][]float32, b.rows)
	for i := range vecs {
		vecs[i] = all[i*b.dim : (i+1)*b.dim : (i+1)*b.dim]
	}
	return vecs, nil
}

// vectorsReady fills chromem-go with the vectors when the base was left
// unread, once; every caller after the first gets its result.
func (ix *Index) vectorsReady(ctx context.Context) error {
	b := ix.layout.lazy
	if b == nil {
		return nil
	}
	b.once.Do(func() {
		rows, err := b.read()
		if err != nil {
			b.err = err
			return
		}
		copy(ix.layout.rows, rows)
		b.loaded = true
		b.err = ix.storeLayout(ctx)
	})
	return b.err
}
