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
// holds the file open, and the floats are read into chromem-go on the
// first vector search (lazyBase): a `footnote index` after an edit never
// pays for them, and a search pays once what loading the index would have
// cost it anyway (BENCHMARKS.md, Issue 11, has both figures).
//
// Nor does it read the file to checksum it, or the base paragraphs file
// it links without decoding (openLinked): at 10,000 paragraphs those 32 MB
// of CRC were a fifth of a re-index's CPU. A corrupted or planted file is
// still never used, because nothing reads a linked base but through its
// checksum:
//   - a file another user owns or may write to is refused as before
//     (openData), and one of another length than the manifest lists —
//     truncated, cut short by a crash, appended to — is not linked: the
//     build starts from nothing;
//   - its floats reach chromem-go only through lazyBase.read, which checks
//     every byte against the manifest's checksum first; a mismatch fails
//     the vector search, which then ranks by BM25 alone and says why
//     (Index.Search), and a build that must rewrite the base (prior.layout)
//     builds from nothing instead (buildIndex);
//   - the generation that links it lists the prior checksum, so the next
//     process to load it checks every file, finds the mismatch and
//     rebuilds in full, with a warning, as for any corrupt index.
// What the lazy check gives up is only that a bit flipped in a base since
// it was last read is carried into the next generation before it is
// found; it is found before any of its bytes is used
// (TestACorruptLinkedBaseIsNeverUsed).

// lazyBase is a verified base vectors file not read yet. The open file
// keeps its bytes reachable even if a later build removes the generation
// it was found in.
type lazyBase struct {
	f         *os.File
	gen       string // where it was found, for errors
	name      string
	sum       uint32
	rows, dim int
	once      sync.Once
	loaded    bool // the rows are in the layout
	err       error
}

// openLazyBase opens gen's base vectors file, of the length the manifest
// lists, without reading it.
func openLazyBase(gen string, m Manifest) (*lazyBase, error) {
	f, err := openLinked(gen, vectorsFile, m)
	if err != nil {
		return nil, err
	}
	return &lazyBase{f: f, gen: gen, name: vectorsFile, sum: m.Checksums[vectorsFile], rows: m.VectorRows, dim: m.Dimension}, nil
}

// openLinked opens gen's data file name, which a build links into its
// generation without decoding it, and checks that it is a file this user
// owns and alone may write (openData) and of the length the manifest
// lists; its checksum is left to whoever reads it. A manifest that lists
// no length has the file checked against its checksum here.
func openLinked(gen, name string, m Manifest) (*os.File, error) {
	f, err := openData(gen, name)
	if err != nil {
		return nil, err
	}
	size, listed := m.Sizes[name]
	if !listed {
		return f, checkWhole(f, gen, name, m)
	}
	if st, err := f.Stat(); err != nil || st.Size() != size {
		_ = f.Close()
		return nil, &CorruptError{Dir: gen, Reason: name + " has the wrong length"}
	}
	return f, nil
}

// checkWhole checks f against the manifest's checksum of name, streaming,
// and closes it if it does not match.
func checkWhole(f *os.File, gen, name string, m Manifest) error {
	sum, listed := m.Checksums[name]
	crc := crc32.New(crcTable)
	if _, err := io.CopyBuffer(crc, struct{ io.Reader }{f}, make([]byte, 1<<20)); err != nil || !listed || crc.Sum32() != sum {
		_ = f.Close()
		return &CorruptError{Dir: gen, Reason: name + " checksum mismatch"}
	}
	return nil
}

// read returns the base's rows, every byte checked against the checksum
// first; a file that does not match is a *CorruptError.
func (b *lazyBase) read() ([][]float32, error) {
	if _, err := b.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read %s: %w", b.name, err)
	}
	all, err := readVectorBody(b.f, map[string]uint32{b.name: b.sum}, b.name, b.rows, b.dim)
	if err != nil {
		return nil, &CorruptError{Dir: b.gen, Reason: fmt.Sprintf("%s %v", b.name, err)}
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
