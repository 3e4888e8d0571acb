package retrieval

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/footnote-dev/footnote/analysis"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/trust"
)

// FormatVersion changes when the files of an index change shape, or what
// they mean: 5 keys content with XXH64 instead of SHA-256 (keys.go), so an
// index of format 4 is rebuilt in full, never matched key for key.
const FormatVersion = 5

// An index folder holds:
//
//	build.lock     flock'd by the one process building and publishing
//	CURRENT        the name of the live generation, replaced by one rename
//	PREVIOUS       the generation CURRENT named before the last build
//	gen-<hex>/     one complete build: manifest.json, chunks.bin (each
//	               chunk's keys and rows), paragraphs.bin and
//	               paragraphs-delta.bin, terms.bin and terms-delta.bin (BM25
//	               term counts), vectors.f32 and vectors-delta.f32 (rows.go),
//	               fit.bin (the local embedder's fit)
//
// A build that only changed some paragraphs links the files that did not
// change — the bases paragraphs.bin, terms.bin and vectors.f32, and
// fit.bin — from
// the generation it replaces instead of writing them again: a
// generation's files are never modified once published, so generations
// can share them.
//
// A build writes a new generation folder in full, syncs it, then renames a
// new CURRENT over the old: a reader sees the old build or the new one,
// never a mix. The previous generation is kept (a reader may have just read
// the old CURRENT), so the folder holds at most two builds; older ones,
// unpublished generations and temporary files left by a killed build are
// removed by the next process that takes the lock. A build removes the
// generations it will supersede while it builds, except one a reader is
// loading (a lease: lease.go), and the rest after it publishes.
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
	// vectorsDeltaFile and paragraphsDeltaFile hold the rows added since
	// vectors.f32 and paragraphs.bin were written (rows.go).
	vectorsDeltaFile    = "vectors-delta.f32"
	paragraphsDeltaFile = "paragraphs-delta.bin"
	// lexicalFile held the paragraphs and postings up to format 3.
	lexicalFile = "lexical.gob"
	genPrefix   = "gen-"
)

// isGenerationName reports whether name is a generation folder's, as
// footnote writes them: "gen-" and 16 lower-case hex digits. A loop, not
// a regular expression: every warm start checks CURRENT's.
func isGenerationName(name string) bool {
	hex, ok := strings.CutPrefix(name, "gen-")
	if !ok || len(hex) != 16 {
		return false
	}
	for i := 0; i < len(hex); i++ {
		if c := hex[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

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
	// VectorRows and VectorDeltaRows are the vectors in vectors.f32 and
	// vectors-delta.f32, ParagraphRows and ParagraphDeltaRows the
	// paragraphs in paragraphs.bin and paragraphs-delta.bin: a chunk names
	// its row of each pair, read one after the other, in chunks.bin.
	VectorRows         int `json:"vector_rows"`
	VectorDeltaRows    int `json:"vector_delta_rows"`
	ParagraphRows      int `json:"paragraph_rows"`
	ParagraphDeltaRows int `json:"paragraph_delta_rows"`
	// TermRows and TermDeltaRows are the term-count rows in terms.bin and
	// terms-delta.bin.
	TermRows      int `json:"term_rows"`
	TermDeltaRows int `json:"term_delta_rows"`
	// Fit says what the local embedder's IDF was fitted on; nil for other
	// embedders, whose vectors do not depend on the corpus.
	Fit *FitInfo `json:"fit,omitempty"`
	// Checksums are CRC-32C of the data files, to catch truncation and
	// corruption before they turn into wrong answers.
	Checksums map[string]uint32 `json:"checksums"`
	// Sizes are the data files' lengths in bytes: an incremental build
	// links a base it does not read after checking only its length
	// (lazybase.go), and leaves its checksum to the first read.
	Sizes map[string]int64 `json:"sizes,omitempty"`
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
	// The pointer files' temporary copies are created while the
	// generation is written: on this machine's disk creating a file took
	// 0.4–1 ms, and these two were created one after the other after it.
	ptrs := inBackground(func() tempPointers { return writeTempPointers(dir, name) })
	defer func() { ptrs().remove() }() // no-ops after the renames
	gen := filepath.Join(dir, name)
	if err := os.Mkdir(gen, 0o700); err != nil {
		return fmt.Errorf("save index: %w", err)
	}
	m, written, err := ix.writeGeneration(gen)
	p := ptrs()
	if err == nil {
		err = p.err
	}
	if err == nil {
		err = publish(dir, p, append(written, gen))
	}
	if err != nil {
		_ = os.RemoveAll(gen) // a half-written generation is never published
		return fmt.Errorf("save index: %w", err)
	}
	ix.manifest = m
	return nil
}

// writeGeneration writes the data files, then the manifest naming them,
// and returns the paths it wrote, not synced: publish syncs them with the
// pointer that will name the generation. (The files it links are the
// prior generation's, on disk already; their new names are entries of
// gen, which publish syncs too.)
// The bases it can keep are linked from the prior generation first; where
// linking fails (a file system without hard links) the plan falls back to
// writing everything, before chunks.bin records it.
func (ix *Index) writeGeneration(gen string) (Manifest, []string, error) {
	// The manifest is created beside the data files, and written once
	// their checksums are known.
	manifest := inBackground(func() createdFile { return createFile(filepath.Join(gen, manifestFile)) })
	mf := manifest
	defer func() {
		if mf != nil {
			if c := mf(); c.f != nil {
				_ = c.f.Close()
			}
		}
	}()
	m := ix.manifest
	m.Checksums, m.Sizes = map[string]uint32{}, map[string]int64{}
	if !ix.linkBases(gen, m) {
		if err := ix.vectorsReady(context.Background()); err != nil {
			return m, nil, err
		}
		for _, name := range []string{paragraphsFile, vectorsFile, termsFile} {
			_ = os.Remove(filepath.Join(gen, name)) // one may have linked
			delete(m.Checksums, name)
			delete(m.Sizes, name)
		}
		ix.paraPlan, ix.termPlan = freshPlan(len(ix.paragraphs)), freshPlan(len(ix.paragraphs))
		ix.layout = freshLayout(ix.vecs)
	}
	l, pp, tp := ix.layout, ix.paraPlan, ix.termPlan
	m.TermRows, m.TermDeltaRows = tp.baseRows, len(tp.deltaFrom)
	m.VectorRows, m.VectorDeltaRows, m.Fit = l.plan.baseRows, len(l.plan.deltaFrom), ix.fitInfo
	m.ParagraphRows, m.ParagraphDeltaRows = pp.baseRows, len(pp.deltaFrom)
	files := map[string]func(io.Writer) error{
		chunksFile: func(w io.Writer) error {
			return writeChunks(w, chunkState{keys: ix.keys, rowOf: l.plan.rowOf, paraOf: pp.rowOf, termOf: tp.rowOf, vocab: ix.terms.vocab})
		},
		termsDeltaFile:      func(w io.Writer) error { return writeTermRows(w, pick(ix.terms.docs, tp.deltaFrom)) },
		paragraphsDeltaFile: func(w io.Writer) error { return writeParagraphs(w, pick(ix.paragraphs, pp.deltaFrom)) },
		vectorsDeltaFile:    func(w io.Writer) error { return writeVectors(w, l.rows[l.plan.baseRows:], m.Dimension) },
	}
	if !pp.linkBase {
		files[paragraphsFile] = func(w io.Writer) error { return writeParagraphs(w, ix.paragraphs) }
	}
	if !tp.linkBase {
		files[termsFile] = func(w io.Writer) error { return writeTermRows(w, ix.terms.docs) }
	}
	if !l.plan.linkBase {
		files[vectorsFile] = func(w io.Writer) error { return writeVectors(w, l.rows[:l.plan.baseRows], m.Dimension) }
	}
	if ix.fit != nil && !ix.fitLinked(gen, m) {
		files[fitFile] = func(w io.Writer) error { return writeFit(w, ix.fit) }
	}
	if err := writeFiles(gen, files, m); err != nil {
		return m, nil, err
	}
	c := manifest()
	mf = nil
	if c.err != nil {
		return m, nil, c.err
	}
	_, _, err := writeCreated(c.f, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	})
	written := []string{filepath.Join(gen, manifestFile)}
	for name := range files {
		written = append(written, filepath.Join(gen, name))
	}
	return m, written, err
}

// syncAll syncs the files and folders at paths to disk, each in its own
// goroutine.
func syncAll(paths []string) error {
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, path := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := syncDir(path); err != nil { // a file syncs as a folder does
				errs[i] = fmt.Errorf("sync %s: %w", filepath.Base(path), err)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// writeFiles writes the files at once, each in its own goroutine, without
// syncing them, and notes their checksums and sizes in m: writeGeneration
// syncs them all together with the manifest.
func writeFiles(gen string, files map[string]func(io.Writer) error, m Manifest) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for name, write := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum, size, err := writeFileUnsynced(filepath.Join(gen, name), write)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			}
			m.Checksums[name], m.Sizes[name] = sum, size
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// linkBases links the base files the plans keep from the prior generation
// into gen, noting their checksums and sizes in m, and says whether all of
// them could be.
func (ix *Index) linkBases(gen string, m Manifest) bool {
	for name, keep := range map[string]bool{paragraphsFile: ix.paraPlan.linkBase, termsFile: ix.termPlan.linkBase, vectorsFile: ix.layout.plan.linkBase} {
		if keep && !ix.link(gen, name, m) {
			return false
		}
	}
	return true
}

// fitLinked links fit.bin from the prior generation when this build kept
// its fit.
func (ix *Index) fitLinked(gen string, m Manifest) bool {
	return ix.prior != nil && ix.prior.fit == ix.fit && ix.link(gen, fitFile, m)
}

// link makes gen/name the prior generation's file, which has the same
// bytes, so its checksum and size are the prior manifest's.
func (ix *Index) link(gen, name string, m Manifest) bool {
	if ix.prior == nil {
		return false
	}
	prior := ix.prior.manifest
	sum, ok := prior.Checksums[name]
	if !ok || os.Link(filepath.Join(ix.prior.gen, name), filepath.Join(gen, name)) != nil {
		return false
	}
	m.Checksums[name] = sum
	if size, ok := prior.Sizes[name]; ok {
		m.Sizes[name] = size
	}
	return true
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
//
// paths, what the build wrote (its files and its folder), and the new
// CURRENT's temporary file are synced before CURRENT is renamed: the syncs run at once, in one
// round that shares journal commits (the temporary file names the
// generation, but nothing reads it before the rename). The folder is
// synced after the rename, so the rename is durable when publish returns.
//
// PREVIOUS is not synced on its own: it only tells cleanup what a reader
// of this boot may still be reading, and after a crash there is none; its
// rename reaches the disk with CURRENT's directory sync anyway.
func publish(dir string, p tempPointers, paths []string) error {
	if err := syncAll(append(paths, p.current)); err != nil {
		return err
	}
	if p.previous != "" {
		if err := os.Rename(p.previous, filepath.Join(dir, previousFile)); err != nil {
			return err
		}
	}
	if err := os.Rename(p.current, filepath.Join(dir, currentFile)); err != nil {
		return err
	}
	return syncDir(dir)
}

// tempPointers are the temporary files of a publish's new pointers:
// current names the new generation, previous (if there was a live one)
// the generation it replaces.
type tempPointers struct {
	current, previous string
	err               error
}

// writeTempPointers writes, unsynced, the temporary pointer files for
// publishing generation name in dir, each in its own goroutine.
func writeTempPointers(dir, name string) tempPointers {
	var p tempPointers
	var prevErr error
	var wg sync.WaitGroup
	if old, err := currentGeneration(dir); err == nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.previous, prevErr = writeTemp(dir, previousFile, old)
		}()
	}
	p.current, p.err = writeTemp(dir, currentFile, name)
	wg.Wait()
	if p.err == nil {
		p.err = prevErr
	}
	return p
}

// remove removes the temporary files that were not renamed.
func (p tempPointers) remove() {
	for _, path := range []string{p.current, p.previous} {
		if path != "" {
			_ = os.Remove(path)
		}
	}
}

// writeTemp writes a temporary pointer file for dir/file naming gen, not
// synced, and returns its path.
func writeTemp(dir, file, gen string) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+file+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = tmp.WriteString(gen + "\n")
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// writeFileUnsynced writes a new file and returns the CRC-32C and the
// length of what it wrote; the caller syncs it before publishing anything
// that names it.
func writeFileUnsynced(path string, write func(io.Writer) error) (uint32, int64, error) {
	c := createFile(path)
	if c.err != nil {
		return 0, 0, c.err
	}
	return writeCreated(c.f, write)
}

// createdFile is a new file open for writing, or why it could not be
// created.
type createdFile struct {
	f   *os.File
	err error
}

// createFile creates a new file at path, which must not exist.
func createFile(path string) createdFile {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	return createdFile{f, err}
}

// writeCreated writes f, a file createFile made, closes it, and returns
// the CRC-32C and length of what it wrote.
func writeCreated(f *os.File, write func(io.Writer) error) (uint32, int64, error) {
	path := f.Name()
	sw := &summingWriter{w: f, crc: crc32.New(crcTable)}
	// The writers hand most of their bytes over in one Write, which
	// bufio passes straight through; the buffer only gathers the small
	// ones (a vectors file's rows, the manifest's JSON). 1 MiB per file was
	// a sixth of what a one-file re-index allocated.
	bw := bufio.NewWriterSize(sw, 64<<10)
	err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, 0, fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return sw.crc.Sum32(), sw.n, nil
}

// summingWriter writes to w, keeping the CRC-32C and the count of what it
// wrote.
type summingWriter struct {
	w   io.Writer
	crc hash.Hash32
	n   int64
}

func (s *summingWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.crc.Write(p[:n])
	s.n += int64(n)
	return n, err
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
	for _, e := range leftovers(dir) {
		name := e.Name()
		if isGenerationName(name) {
			removeGeneration(filepath.Join(dir, name))
		} else {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

// removeGeneration removes a generation folder, its files at once, each in
// its own goroutine: removing the last link to a file frees its cached
// pages there and then, which for the 40 MB of a 10,000-paragraph
// generation's bases took 9 ms one file after the other — the largest
// part of a re-index after a one-file edit that follows a full build. A
// folder that is not as footnote writes them is removed as it is.
func removeGeneration(gen string) {
	entries, err := os.ReadDir(gen)
	if err != nil {
		_ = os.RemoveAll(gen)
		return
	}
	var wg sync.WaitGroup
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = os.Remove(filepath.Join(gen, e.Name()))
		}()
	}
	wg.Wait()
	_ = os.RemoveAll(gen) // the folder, and anything left in it
}

// leftovers are the entries of dir that cleanup removes.
func leftovers(dir string) []os.DirEntry {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	live, _ := currentGeneration(dir)
	prev, _ := readPointer(dir, previousFile)
	var out []os.DirEntry
	for _, e := range entries {
		name := e.Name()
		switch {
		case isGenerationName(name) && name != live && name != prev,
			strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp"),
			!e.IsDir() && (name == manifestFile || name == lexicalFile || name == vectorsFile): // format 2 kept these at the top
			out = append(out, e)
		}
	}
	return out
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
	if !isGenerationName(name) {
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
	release, ok := leaseGeneration(gen) // lease.go
	if !ok {
		return nil, &CorruptError{Dir: gen, Reason: "generation being removed"}
	}
	defer release()
	m, err := readManifest(gen)
	if err != nil {
		return nil, err
	}
	if reason := m.Stale(want); reason != "" {
		return nil, &staleError{reason}
	}
	ix := &Index{manifest: m, stems: &analysis.StemCache{}, embedder: emb}
	paras, err := readParagraphRows(gen, m)
	if err != nil {
		return nil, err
	}
	rows, err := readRows(gen, m)
	if err != nil {
		return nil, err
	}
	var st chunkState
	err = readVerified(gen, chunksFile, m, func(r io.ReadSeeker) error {
		data, err := readAll(r)
		if err == nil {
			st, err = readChunks(data, m.Chunks, [3]int{len(rows), len(paras), m.TermRows + m.TermDeltaRows})
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	termRows, err := readTermRowFiles(gen, m, len(st.vocab))
	if err != nil {
		return nil, err
	}
	ix.paragraphs = pick(paras, st.paraOf)
	ix.keys, ix.terms = st.keys, &termTable{vocab: st.vocab, docs: pick(termRows, st.termOf)}
	ix.lexical = ix.terms.lexical()
	ix.termPlan = rowPlan{rowOf: st.termOf, baseRows: m.TermRows}
	ix.layout = vectorLayout{rows: rows, plan: rowPlan{rowOf: st.rowOf, baseRows: m.VectorRows}}
	ix.paraPlan = rowPlan{rowOf: st.paraOf, baseRows: m.ParagraphRows}
	if ix.embedder == nil {
		if ix.embedder, err = loadLocalEmbedder(gen, m, ix.lexical); err != nil {
			return nil, err
		}
	}
	if err := ix.storeVectors(ctx, ix.layout.vectors()); err != nil {
		return nil, fmt.Errorf("load index: %w", err)
	}
	return ix, ctx.Err()
}

// readParagraphRows reads a generation's paragraph rows: the base, then
// the delta.
func readParagraphRows(gen string, m Manifest) ([]corpus.Paragraph, error) {
	var rows []corpus.Paragraph
	for _, f := range []struct {
		name string
		n    int
	}{{paragraphsFile, m.ParagraphRows}, {paragraphsDeltaFile, m.ParagraphDeltaRows}} {
		err := readVerified(gen, f.name, m, func(r io.ReadSeeker) error {
			data, err := readAll(r)
			if err == nil {
				var ps []corpus.Paragraph
				ps, err = readParagraphs(data, f.n)
				rows = append(rows, ps...)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// pick returns the rows of rows at idx, in order.
func pick[T any](rows []T, idx []int32) []T {
	out := make([]T, len(idx))
	for i, r := range idx {
		out[i] = rows[r]
	}
	return out
}

// loadLocalEmbedder is the local embedder as fitted for the generation:
// on the corpus's own IDF when nothing changed since the fit (then
// fit.bin need not be read), otherwise on the stored fit.
func loadLocalEmbedder(gen string, m Manifest, lx *Lexical) (*LocalEmbedder, error) {
	if m.Fit == nil || m.Fit.Drift == 0 {
		return NewLocalEmbedder(0, lx.IDF), nil // the manifest's ID names the default dimension
	}
	var f *fit
	err := readVerified(gen, fitFile, m, func(r io.ReadSeeker) error {
		data, err := readAll(r)
		if err == nil {
			f, err = readFit(data)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return NewLocalEmbedder(0, f.idf), nil
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
