package retrieval

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/footnote-dev/footnote/internal/trust"
)

// embedCacheFile holds the vectors a remote embedder returned, so that a
// changed corpus re-embeds only the paragraphs whose embedded text (the
// paragraph in its context) changed. It lives beside the index but is its
// own file: an index can be rebuilt from a different corpus while the
// cache still saves every unchanged paragraph a paid request.
const embedCacheFile = "embeddings.cache"

// embedCacheHeader opens the file; then the embedder ID's length (uint32)
// and bytes, the dimension and the count (uint32), then count records of
// a SHA-256 of the embedded text and dim little-endian float32s.
const embedCacheHeader = "footnote embedding cache 1\n"

// textKey identifies an embedded text.
type textKey [sha256.Size]byte

// embedCache maps texts to vectors for one embedder ID and dimension.
type embedCache struct {
	id  string
	dim int
	// records is how many entries the file held when read (vecs may hold
	// fewer: only those asked for).
	records int
	vecs    map[textKey][]float32
}

func keyOf(text string) textKey { return sha256.Sum256([]byte(text)) }

// loadEmbedCache reads the cache in dir for the embedder id: every entry,
// or only those for want when want is not nil (the file is still read
// through, but only wanted vectors are decoded and kept). A missing,
// unreadable or foreign cache is an empty one: it only ever saves work.
func loadEmbedCache(dir, id string, want map[textKey]bool) *embedCache {
	c := &embedCache{id: id, vecs: map[textKey][]float32{}}
	if dir == "" {
		return c
	}
	path := filepath.Join(dir, embedCacheFile)
	if trust.File(path) != nil {
		return c // missing, or planted by someone else: never read it
	}
	f, err := os.Open(path)
	if err != nil {
		return c
	}
	defer f.Close()
	if loaded, err := readEmbedCache(bufio.NewReaderSize(f, 1<<20), id, want); err == nil {
		return loaded
	}
	return c
}

// readEmbedCache decodes a cache. A file shorter than its count says is
// corrupt (appendTo raises the count only after the records are synced);
// records past the count are an append that did not finish, and ignored.
func readEmbedCache(r io.Reader, id string, want map[textKey]bool) (*embedCache, error) {
	dim, n, err := readEmbedCacheHeader(r, id)
	if err != nil {
		return nil, err
	}
	c := &embedCache{id: id, dim: dim, records: n, vecs: make(map[textKey][]float32, min(n, max(len(want), 1<<16)))}
	rec := make([]byte, sha256.Size+4*dim)
	for range n {
		if _, err := io.ReadFull(r, rec); err != nil {
			return nil, errors.New("truncated")
		}
		var k textKey
		copy(k[:], rec)
		if want != nil && !want[k] {
			continue
		}
		v := make([]float32, dim)
		for j := range v {
			v[j] = math.Float32frombits(binary.LittleEndian.Uint32(rec[sha256.Size+4*j:]))
		}
		c.vecs[k] = v
	}
	return c, nil
}

// readEmbedCacheHeader reads the header of a cache for id: the dimension
// and the record count.
func readEmbedCacheHeader(r io.Reader, id string) (dim, n int, err error) {
	head := make([]byte, len(embedCacheHeader)+4)
	if _, err := io.ReadFull(r, head); err != nil || string(head[:len(embedCacheHeader)]) != embedCacheHeader {
		return 0, 0, errors.New("not an embedding cache")
	}
	idLen := binary.LittleEndian.Uint32(head[len(embedCacheHeader):])
	if idLen > 4096 {
		return 0, 0, errors.New("embedder ID too long")
	}
	rest := make([]byte, idLen+8)
	if _, err := io.ReadFull(r, rest); err != nil || string(rest[:idLen]) != id {
		return 0, 0, errors.New("another embedder's cache")
	}
	dim, n = int(binary.LittleEndian.Uint32(rest[idLen:])), int(binary.LittleEndian.Uint32(rest[idLen+4:]))
	if dim <= 0 || dim > 1<<16 {
		return 0, 0, errors.New("bad dimension")
	}
	return dim, n, nil
}

// appendTo adds the entries for keys to the cache file in dir, which an
// incremental build found and read: the new records go at the end and the
// header's count is updated after them, so a save cut short leaves the
// old entries readable. A file that holds more than twice live entries
// (the vectors of paragraphs since changed; there are liveCount live
// ones) is rewritten with the live ones only; live returns their keys,
// computed only then, and puts their vectors into c.
func (c *embedCache) appendTo(dir string, keys []textKey, liveCount int, live func() []textKey) error {
	if dir == "" || c.dim == 0 || len(keys) == 0 {
		return nil
	}
	path := filepath.Join(dir, embedCacheFile)
	if c.records == 0 || trust.File(path) != nil || c.records+len(keys) > 2*liveCount+1024 {
		return c.save(dir, live())
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("save embedding cache: %w", err)
	}
	err = c.appendRecords(f, keys)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("save embedding cache: %w", err)
	}
	return nil
}

// appendRecords writes keys' records after the c.records f holds, then
// the new count.
func (c *embedCache) appendRecords(f *os.File, keys []textKey) error {
	dim, n, err := readEmbedCacheHeader(f, c.id)
	if err != nil || dim != c.dim || n != c.records {
		return errors.New("the cache changed since it was read")
	}
	headLen := int64(len(embedCacheHeader) + 4 + len(c.id) + 8)
	recLen := int64(sha256.Size + 4*dim)
	w := bufio.NewWriterSize(io.NewOffsetWriter(f, headLen+int64(n)*recLen), 1<<16)
	written := 0
	for _, k := range keys {
		if v := c.vecs[k]; len(v) == dim {
			if err := writeRecord(w, k, v); err != nil {
				return err
			}
			written++
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	var count [4]byte
	binary.LittleEndian.PutUint32(count[:], uint32(n+written))
	_, err = f.WriteAt(count[:], headLen-4)
	return err
}

func writeRecord(w io.Writer, k textKey, v []float32) error {
	rec := make([]byte, sha256.Size+4*len(v))
	copy(rec, k[:])
	for j, x := range v {
		binary.LittleEndian.PutUint32(rec[sha256.Size+4*j:], math.Float32bits(x))
	}
	_, err := w.Write(rec)
	return err
}

// save writes the entries for keys (those of the current index, so that
// vectors of deleted paragraphs do not pile up) to dir atomically: a
// temporary file renamed into place.
func (c *embedCache) save(dir string, keys []textKey) error {
	if dir == "" || c.dim == 0 {
		return nil
	}
	tmp, err := os.CreateTemp(dir, "."+embedCacheFile+".*.tmp")
	if err != nil {
		return fmt.Errorf("save embedding cache: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = c.write(w, keys)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, embedCacheFile))
	}
	if err != nil {
		return fmt.Errorf("save embedding cache: %w", err)
	}
	return nil
}

func (c *embedCache) write(w io.Writer, keys []textKey) error {
	seen := make(map[textKey]bool, len(keys))
	var unique []textKey
	for _, k := range keys {
		if !seen[k] && c.vecs[k] != nil {
			seen[k] = true
			unique = append(unique, k)
		}
	}
	buf := binary.LittleEndian.AppendUint32([]byte(embedCacheHeader), uint32(len(c.id)))
	buf = append(buf, c.id...)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(c.dim))
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(unique)))
	if _, err := w.Write(buf); err != nil {
		return err
	}
	for _, k := range unique {
		if err := writeRecord(w, k, c.vecs[k]); err != nil {
			return err
		}
	}
	return nil
}

// put records vectors, all of the cache's dimension; a vector of another
// length empties the cache first (the model behind the ID changed).
func (c *embedCache) put(k textKey, v []float32) {
	if c.dim != len(v) {
		c.dim, c.vecs = len(v), map[textKey][]float32{}
	}
	c.vecs[k] = v
}

// saveCache stores the embedding cache a build used: rewritten with the
// index's entries after a full build, the new entries appended after an
// incremental one.
func (ix *Index) saveCache(dir string) error {
	if !ix.cacheAppend {
		return ix.cache.save(dir, ix.cacheKeys)
	}
	// Rewriting needs every live vector, and the cache read only the
	// few asked for: the index has them all.
	return ix.cache.appendTo(dir, ix.cacheKeys, ix.Len(), func() []textKey {
		loaded := ix.vectorsReady(context.Background()) == nil // else only the new entries are kept
		keys := make([]textKey, len(ix.paragraphs))
		for i := range keys {
			keys[i] = keyOf(contextText(ix.paragraphs, i))
			if loaded {
				ix.cache.vecs[keys[i]] = ix.vecs[i]
			}
		}
		return keys
	})
}
