package retrieval

import (
	"bufio"
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
	id   string
	dim  int
	vecs map[textKey][]float32
}

func keyOf(text string) textKey { return sha256.Sum256([]byte(text)) }

// loadEmbedCache reads the cache in dir for the embedder id. A missing,
// unreadable or foreign cache is an empty one: it only ever saves work.
func loadEmbedCache(dir, id string) *embedCache {
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
	if loaded, err := readEmbedCache(bufio.NewReaderSize(f, 1<<20), id); err == nil {
		return loaded
	}
	return c
}

func readEmbedCache(r io.Reader, id string) (*embedCache, error) {
	head := make([]byte, len(embedCacheHeader)+4)
	if _, err := io.ReadFull(r, head); err != nil || string(head[:len(embedCacheHeader)]) != embedCacheHeader {
		return nil, errors.New("not an embedding cache")
	}
	idLen := binary.LittleEndian.Uint32(head[len(embedCacheHeader):])
	if idLen > 4096 {
		return nil, errors.New("embedder ID too long")
	}
	rest := make([]byte, idLen+8)
	if _, err := io.ReadFull(r, rest); err != nil || string(rest[:idLen]) != id {
		return nil, errors.New("another embedder's cache")
	}
	dim, n := int(binary.LittleEndian.Uint32(rest[idLen:])), int(binary.LittleEndian.Uint32(rest[idLen+4:]))
	if dim <= 0 || dim > 1<<16 {
		return nil, errors.New("bad dimension")
	}
	c := &embedCache{id: id, dim: dim, vecs: make(map[textKey][]float32, n)}
	rec := make([]byte, sha256.Size+4*dim)
	for range n {
		if _, err := io.ReadFull(r, rec); err != nil {
			return nil, errors.New("truncated")
		}
		var k textKey
		copy(k[:], rec)
		v := make([]float32, dim)
		for j := range v {
			v[j] = math.Float32frombits(binary.LittleEndian.Uint32(rec[sha256.Size+4*j:]))
		}
		c.vecs[k] = v
	}
	return c, nil
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
	rec := make([]byte, sha256.Size+4*c.dim)
	for _, k := range unique {
		copy(rec, k[:])
		for j, x := range c.vecs[k] {
			binary.LittleEndian.PutUint32(rec[sha256.Size+4*j:], math.Float32bits(x))
		}
		if _, err := w.Write(rec); err != nil {
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
