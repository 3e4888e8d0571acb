package retrieval

import (
	"bufio"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
)

// FormatVersion changes when the files of an index change shape.
const FormatVersion = 2

// Files of an index directory. The manifest is written last, so a manifest
// whose checksums match means a complete index.
const (
	manifestFile = "manifest.json"
	vectorsFile  = "vectors.f32"
	lexicalFile  = "lexical.gob"
)

// Manifest records what an index was built from. An index is rebuilt when
// any of these differ from what the current run would build.
type Manifest struct {
	Format         int       `json:"format"`
	CorpusHash     string    `json:"corpus_hash"`
	ChunkerVersion string    `json:"chunker_version"`
	Tokenizer      string    `json:"tokenizer"`
	EmbedderID     string    `json:"embedder_id"`
	Dimension      int       `json:"dimension"`
	Chunks         int       `json:"chunks"`
	Built          time.Time `json:"built"`
	// Checksums are CRC-32C of the data files, to catch truncation and
	// corruption before they turn into wrong answers.
	Checksums map[string]uint32 `json:"checksums"`
}

// stale says why an index built with m cannot serve want, or "".
func (m Manifest) stale(want Manifest) string {
	switch {
	case m.Format != want.Format:
		return "index format changed"
	case m.CorpusHash != want.CorpusHash:
		return "corpus changed"
	case m.ChunkerVersion != want.ChunkerVersion:
		return "paragraph splitting changed"
	case m.Tokenizer != want.Tokenizer:
		return "tokenizer changed"
	case m.EmbedderID != want.EmbedderID:
		return fmt.Sprintf("embedder changed (%s → %s)", m.EmbedderID, want.EmbedderID)
	}
	return ""
}

// lexicalState is what lexical.gob holds.
type lexicalState struct {
	Paragraphs []corpus.Paragraph
	Lexical    *Lexical
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// save writes the index to dir atomically: each file goes to a temporary
// name and is renamed into place, the manifest last.
func (ix *Index) save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save index: %w", err)
	}
	m := ix.manifest
	m.Checksums = map[string]uint32{}
	writers := map[string]func(io.Writer) error{
		lexicalFile: func(w io.Writer) error {
			return gob.NewEncoder(w).Encode(lexicalState{Paragraphs: ix.paragraphs, Lexical: ix.lexical})
		},
		vectorsFile: func(w io.Writer) error { return writeVectors(w, ix.vecs, m.Dimension) },
	}
	for _, name := range []string{lexicalFile, vectorsFile} {
		sum, err := writeAtomic(filepath.Join(dir, name), writers[name])
		if err != nil {
			return fmt.Errorf("save index: %w", err)
		}
		m.Checksums[name] = sum
	}
	_, err := writeAtomic(filepath.Join(dir, manifestFile), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	})
	if err != nil {
		return fmt.Errorf("save index: %w", err)
	}
	ix.manifest = m
	return nil
}

// writeAtomic writes a file through a temporary file and a rename, and
// returns the CRC-32C of what it wrote.
func writeAtomic(path string, write func(io.Writer) error) (uint32, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	crc := crc32.New(crcTable)
	bw := bufio.NewWriterSize(io.MultiWriter(tmp, crc), 1<<20)
	if err := write(bw); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, err
	}
	return crc.Sum32(), nil
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

// load reads an index from dir, verifying checksums before decoding. It
// reads only the manifest of an index that could not serve want.
func load(ctx context.Context, dir string, emb Embedder, want Manifest) (*Index, error) {
	data, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoIndex
	}
	if err != nil {
		return nil, &CorruptError{Dir: dir, Reason: "manifest unreadable: " + unwrapPath(err)}
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, &CorruptError{Dir: dir, Reason: "unreadable manifest"}
	}
	if reason := m.stale(want); reason != "" {
		return nil, &staleError{reason}
	}
	ix := &Index{manifest: m, stems: &analysis.StemCache{}}
	var lx lexicalState
	if err := readVerified(dir, lexicalFile, m, func(r io.ReadSeeker) error { return gob.NewDecoder(r).Decode(&lx) }); err != nil {
		return nil, err
	}
	ix.paragraphs, ix.lexical = lx.Paragraphs, lx.Lexical
	if ix.lexical == nil || len(ix.paragraphs) != m.Chunks || ix.lexical.Len() != m.Chunks {
		return nil, &CorruptError{Dir: dir, Reason: "chunk counts disagree"}
	}
	ix.embedder = emb
	if ix.embedder == nil {
		ix.embedder = NewLocalEmbedder(0, ix.lexical.IDF) // the manifest's ID names the default dimension
	}
	var vecs [][]float32
	err = readVerified(dir, vectorsFile, m, func(r io.ReadSeeker) (err error) {
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

// readVerified checks a data file against the manifest's checksum and only
// then decodes it, so a truncated file is reported, not half-loaded.
func readVerified(dir, name string, m Manifest, decode func(io.ReadSeeker) error) error {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s missing", name)}
	}
	defer f.Close()
	crc := crc32.New(crcTable)
	if _, err := io.Copy(crc, bufio.NewReaderSize(f, 1<<20)); err != nil {
		return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s unreadable", name)}
	}
	if want, ok := m.Checksums[name]; !ok || crc.Sum32() != want {
		return &CorruptError{Dir: dir, Reason: fmt.Sprintf("%s checksum mismatch", name)}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if err := decode(f); err != nil {
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
