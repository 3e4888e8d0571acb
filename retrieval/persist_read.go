package retrieval

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
)

// inMemoryLimit is the largest data file checked and decoded from one read
// into memory; a larger one is read twice, streaming, so that a 100k-chunk
// index does not hold its files and their decoded form at once.
const inMemoryLimit = 64 << 20

var (
	errChecksum   = errors.New("checksum mismatch")
	errUnreadable = errors.New("unreadable")
)

// verifiedSource checks f's CRC-32 against the manifest's sums[name] and returns a reader of
// the same bytes from the start, or errChecksum or errUnreadable. Every
// byte decoded is a byte the checksum covered: a small file is read once
// and decoded from memory (what an index of a few articles is, where two
// reads through 1 MiB buffers were most of the cost of loading it); a
// large one is checked, then read again from the start.
func verifiedSource(f *os.File, sums map[string]uint32, name string) (io.ReadSeeker, error) {
	want, listed := sums[name]
	if st, err := f.Stat(); err == nil && st.Size() <= inMemoryLimit {
		buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
		if _, err := buf.ReadFrom(io.LimitReader(f, inMemoryLimit+1)); err != nil {
			return nil, errUnreadable
		}
		data := buf.Bytes()
		if !listed || crc32.Checksum(data, crcTable) != want {
			return nil, errChecksum
		}
		return &inMemory{Reader: bytes.NewReader(data), data: data}, nil
	}
	crc := crc32.New(crcTable)
	if _, err := io.Copy(crc, bufio.NewReaderSize(f, 1<<20)); err != nil {
		return nil, errUnreadable
	}
	if !listed || crc.Sum32() != want {
		return nil, errChecksum
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return f, nil
}

// inMemory is a verified file read whole into memory, which a decoder may
// take as it is instead of reading it again.
type inMemory struct {
	*bytes.Reader
	data []byte
}
