package retrieval

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/footnote-dev/footnote/internal/trust"
)

// FormatVersion changes when the files of an index change shape.
const FormatVersion = 3

// An index folder holds:
//
//	build.lock     flock'd by the one process building and publishing
//	CURRENT        the name of the live generation, replaced by one rename
//	PREVIOUS       the generation CURRENT named before the last build
//	gen-<hex>/     one complete build: manifest.json, lexical.gob, vectors.f32
//
// A build writes a new generation folder in full, syncs it, then renames a
// new CURRENT over the old: a reader sees the old build or the new one,
// never a mix. The previous generation is kept (a reader may have just read
// the old CURRENT), so the folder holds at most two builds; older ones,
// unpublished generations and temporary files left by a killed build are
// removed by the next process that takes the lock.
//
// A file that belongs to one build (it must match that build's vectors)
// goes into the generation folder: add it to the writers in save, and the
// manifest names it with its checksum like the others. A file that
// outlives builds (a cache keyed by content) lives in the index folder
// itself, beside CURRENT: cleanup only ever removes gen-*, CURRENT's
// temporary files and the files of the format-2 layout.
const (
	currentFile  = "CURRENT"
	previousFile = "PREVIOUS"
	manifestFile = "manifest.json"
	vectorsFile  = "vectors.f32"
	lexicalFile  = "lexical.gob"
	genPrefix    = "gen-"
)

// generationName matches the generation folders footnote writes.
var generationName = lazyregexp.New(`^gen-[0-9a-f]{16}$`)

// Manifest records what an index was built from. An index is rebuilt when
// any of these differ from what the current run would build.
type Manifest struct {
	Format         int    `json:"format"`
	CorpusHash     string `json:"corpus_hash"`
	ChunkerVersion string `json:"chunker_version"`
	Tokenizer      string `json:"tokenizer"`
	EmbedderID     string `json:"embedder_id"`
	// Dimension is the length of the vectors the embedder actually
	// returned, not the one it claims: a model swapped under the same
	// name is caught by comparing it with what the embedder returns now.
	Dimension int       `json:"dimension"`
	Chunks    int       `json:"chunks"`
	Built     time.Time `json:"built"`
	// Checksums are CRC-32C of the data files, to catch truncation and
	// corruption before they turn into wrong answers.
	Checksums map[string]uint32 `json:"checksums"`
}

// Stale says why an index built with m cannot serve want, or "". A changed
// corpus is checked last, so that "corpus changed" means nothing else did:
// a store may then update only the paragraphs that changed.
func (m Manifest) Stale(want Manifest) string {
	switch {
	case m.Format != want.Format:
		return "index format changed"
	case m.ChunkerVersion != want.ChunkerVersion:
		return "paragraph splitting changed"
	case m.Tokenizer != want.Tokenizer:
		return "tokenizer changed"
	case m.EmbedderID != want.EmbedderID:
		return fmt.Sprintf("embedder changed (%s → %s)", m.EmbedderID, want.EmbedderID)
	case m.CorpusHash != want.CorpusHash:
		return "corpus changed"
	}
	return ""
}

// lexicalState is what lexical.gob holds: the BM25 postings as parallel
// slices in stem order, because gob writes a map in Go's random iteration
// order and the same build must give the same bytes.
type lexicalState struct {
	Paragraphs []corpus.Paragraph
	Stems      []string
	Postings   [][]Posting
	Lengths    []int32
	AvgLength  float64
}

func newLexicalState(ps []corpus.Paragraph, lx *Lexical) lexicalState {
	st := lexicalState{Paragraphs: ps, Lengths: lx.Lengths, AvgLength: lx.AvgLength}
	st.Stems = make([]string, 0, len(lx.Postings))
	for s := range lx.Postings {
		st.Stems = append(st.Stems, s)
	}
	sort.Strings(st.Stems)
	st.Postings = make([][]Posting, len(st.Stems))
	for i, s := range st.Stems {
		st.Postings[i] = lx.Postings[s]
	}
	return st
}

func (st lexicalState) lexical() (*Lexical, error) {
	if len(st.Stems) != len(st.Postings) {
		return nil, errors.New("stems and postings disagree")
	}
	lx := &Lexical{Postings: make(map[string][]Posting, len(st.Stems)), Lengths: st.Lengths, AvgLength: st.AvgLength}
	for i, s := range st.Stems {
		lx.Postings[s] = st.Postings[i]
	}
	return lx, nil
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// save publishes the index in dir as a new generation. The caller holds
// the build lock.
func (ix *Index) save(dir string) error {
	if err := trust.MkdirAll(dir); err != nil {
		return fmt.Errorf("save index: %w", err)
	}
	name, err := newGenerationName()
	if err != nil {
		return fmt.Errorf("save index: %w", err)
	}
	gen := filepath.Join(dir, name)
	if err := os.Mkdir(gen, 0o700); err != nil {
		return fmt.Errorf("save index: %w", err)
	}
	m, err := ix.writeGeneration(gen)
	if err == nil {
		err = publish(dir, name)
	}
	if err != nil {
		_ = os.RemoveAll(gen) // a half-written generation is never published
		return fmt.Errorf("save index: %w", err)
	}
	ix.manifest = m
	return nil
}

// writeGeneration writes the data files, then the manifest naming them.
func (ix *Index) writeGeneration(gen string) (Manifest, error) {
	m := ix.manifest
	m.Checksums = map[string]uint32{}
	writers := map[string]func(io.Writer) error{
		lexicalFile: func(w io.Writer) error {
			return gob.NewEncoder(w).Encode(newLexicalState(ix.paragraphs, ix.lexical))
		},
		vectorsFile: func(w io.Writer) error { return writeVectors(w, ix.vecs, m.Dimension) },
	}
	for _, name := range []string{lexicalFile, vectorsFile} {
		sum, err := writeFile(filepath.Join(gen, name), writers[name])
		if err != nil {
			return m, err
		}
		m.Checksums[name] = sum
	}
	_, err := writeFile(filepath.Join(gen, manifestFile), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	})
	if err != nil {
		return m, err
	}
	return m, syncDir(gen)
}

func newGenerationName() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return genPrefix + hex.EncodeToString(b[:]), nil
}

// publish makes generation name the live one with one rename of CURRENT,
// after noting the generation it replaces in PREVIOUS: a reader may have
// read the old CURRENT a moment ago, so cleanup keeps that one.
func publish(dir, name string) error {
	if old, err := currentGeneration(dir); err == nil {
		if err := writePointer(dir, previousFile, old); err != nil {
			return err
		}
	}
	return writePointer(dir, currentFile, name)
}

// writePointer replaces the pointer file dir/file with one naming gen.
func writePointer(dir, file, gen string) error {
	tmp, err := os.CreateTemp(dir, "."+file+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.WriteString(gen + "\n"); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, file)); err != nil {
		return err
	}
	return syncDir(dir)
}

// writeFile writes a new file, syncs it, and returns the CRC-32C of what
// it wrote.
func writeFile(path string, write func(io.Writer) error) (uint32, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, err
	}
	crc := crc32.New(crcTable)
	bw := bufio.NewWriterSize(io.MultiWriter(f, crc), 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return crc.Sum32(), nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// cleanup removes what no reader can need: generations other than the
// live and the previous one, temporary files, and the files of the
// format-2 layout. The caller holds the build lock, so nothing it removes
// is being written.
func cleanup(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	live, _ := currentGeneration(dir)
	prev, _ := readPointer(dir, previousFile)
	for _, e := range entries {
		name := e.Name()
		switch {
		case generationName.MatchString(name) && name != live && name != prev:
			_ = os.RemoveAll(filepath.Join(dir, name))
		case strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp"):
			_ = os.Remove(filepath.Join(dir, name))
		case name == manifestFile || name == lexicalFile || name == vectorsFile:
			_ = os.Remove(filepath.Join(dir, name)) // format 2 kept these at the top
		}
	}
}

// ErrNoIndex means the directory holds no index yet.
var ErrNoIndex = errors.New("no index yet")

// CorruptError reports an index whose files cannot be trusted.
type CorruptError struct {
	Dir    string
	Reason string
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("index at %s is corrupt (%s)", e.Dir, e.Reason)
}

// staleError says why a stored index cannot serve this run.
type staleError struct{ reason string }

func (e *staleError) Error() string { return e.reason }

// currentGeneration reads CURRENT: the live generation's folder name.
func currentGeneration(dir string) (string, error) { return readPointer(dir, currentFile) }

// readPointer reads a pointer file naming a generation.
func readPointer(dir, file string) (string, error) {
	path := filepath.Join(dir, file)
	if err := trust.File(path); err != nil {
		return "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(data))
	if !generationName.MatchString(name) {
		return "", &CorruptError{Dir: dir, Reason: file + " names no generation"}
	}
	return name, nil
}

// load reads the live index from dir, verifying checksums before decoding.
// It reads only the manifest of an index that could not serve want.
func load(ctx context.Context, dir string, emb Embedder, want Manifest) (*Index, error) {
	if err := trust.Dir(dir); err != nil {
		if errors.Is(err, trust.ErrUntrusted) {
			return nil, err
		}
		return nil, ErrNoIndex // missing or unreachable: building says why
	}
	name, err := currentGeneration(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if _, err := os.Stat(filepath.Join(dir, manifestFile)); err == nil {
			return nil, &staleError{"index format changed"} // format 2's layout
		}
		return nil, ErrNoIndex
	case err != nil:
		return nil, err
	}
	return loadGeneration(ctx, filepath.Join(dir, name), emb, want)
}

func loadGeneration(ctx context.Context, gen string, emb Embedder, want Manifest) (*Index, error) {
	if err := trust.Dir(gen); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &CorruptError{Dir: gen, Reason: "generation missing"}
		}
		return nil, err
	}
	m, err := readManifest(gen)
	if err != nil {
		return nil, err
	}
	if reason := m.Stale(want); reason != "" {
		return nil, &staleError{reason}
	}
	ix := &Index{manifest: m, stems: &analysis.StemCache{}}
	var lx lexicalState
	if err := readVerified(gen, lexicalFile, m, func(r io.ReadSeeker) error { return gob.NewDecoder(r).Decode(&lx) }); err != nil {
		return nil, err
	}
	ix.paragraphs = lx.Paragraphs
	if ix.lexical, err = lx.lexical(); err != nil || len(ix.paragraphs) != m.Chunks || ix.lexical.Len() != m.Chunks {
		return nil, &CorruptError{Dir: gen, Reason: "chunk counts disagree"}
	}
	ix.embedder = emb
	if ix.embedder == nil {
		ix.embedder = NewLocalEmbedder(0, ix.lexical.IDF) // the manifest's ID names the default dimension
	}
	var vecs [][]float32
	err = readVerified(gen, vectorsFile, m, func(r io.ReadSeeker) (err error) {
		vecs, err = readVectors(r, m.Chunks, m.Dimension)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := ix.storeVectors(ctx, vecs); err != nil {
		return nil, fmt.Errorf("load index: %w", err)
	}
	return ix, ctx.Err()
}

func readManifest(gen string) (Manifest, error) {
	var m Manifest
	path := filepath.Join(gen, manifestFile)
	if err := trust.File(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return m, &CorruptError{Dir: gen, Reason: "manifest missing"}
		}
		return m, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return m, &CorruptError{Dir: gen, Reason: "manifest unreadable: " + unwrapPath(err)}
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, &CorruptError{Dir: gen, Reason: "unreadable manifest"}
	}
	return m, nil
}

// readVerified checks a data file against the manifest's checksum and only
// then decodes it, so a truncated file is reported, not half-loaded.
func readVerified(dir, name string, m Manifest, decode func(io.ReadSeeker) error) error {
	path := filepath.Join(dir, name)
	if err := trust.File(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s missing", name)}
		}
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s missing", name)}
	}
	defer f.Close()
	src, err := verifiedSource(f, m.Checksums, name)
	if err != nil {
		if errors.Is(err, errChecksum) {
			return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s checksum mismatch", name)}
		}
		if errors.Is(err, errUnreadable) {
			return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s unreadable", name)}
		}
		return err
	}
	if err := decode(src); err != nil {
		return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s undecodable", name)}
	}
	return nil
}

// unwrapPath drops the path from an *fs.PathError, whose message would
// repeat the folder the CorruptError already names.
func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
