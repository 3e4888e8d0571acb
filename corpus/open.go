package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Default limits on what LoadDir reads. A news article is tens of
// kilobytes; a file of several megabytes is almost always something else
// (a dump, a log, a book) that would slow every build for little gain.
const (
	DefaultMaxFileBytes  = 4 << 20
	DefaultMaxTotalBytes = 64 << 20
)

// Limits bound what a corpus folder may make footnote read. Zero values
// mean the defaults.
type Limits struct {
	// MaxFileBytes is the largest file read (FOOTNOTE_MAX_FILE_BYTES).
	MaxFileBytes int64
	// MaxTotalBytes is the most read from all files together
	// (FOOTNOTE_MAX_CORPUS_BYTES); the files past it are skipped.
	MaxTotalBytes int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = DefaultMaxTotalBytes
	}
	return l
}

// Reasons a file is skipped before it is read.
var (
	ErrNotRegular     = errors.New("not a regular file (a pipe, device or socket)")
	ErrOutsideCorpus  = errors.New("a symlink that leads outside the corpus folder")
	ErrSymlinkedDir   = errors.New("a symlink to a folder (not followed)")
	errTooLarge       = errors.New("larger than the file size limit")
	errTotalExhausted = errors.New("the corpus size limit is used up")
)

// LoadDirContext loads every article below dir, recursively (see LoadDir),
// within limits, stopping when ctx is done. It reads only regular files,
// follows a symlink only when it resolves inside dir, and skips — each
// with a one-line Warning — files it cannot or should not read: larger
// than MaxFileBytes, past MaxTotalBytes, in a format no reader reads, not
// UTF-8, empty, or holding no article text. It is an error only when no file loads at all.
func LoadDirContext(ctx context.Context, dir string, limits Limits) (*Corpus, []Warning, error) {
	limits = limits.withDefaults()
	root, err := filepath.Abs(dir)
	if err == nil {
		root, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("corpus folder: %w", err)
	}
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return nil, nil, fmt.Errorf("corpus folder: %s is not a folder", dir)
	}
	files, warnings, err := listFiles(ctx, root)
	if err != nil {
		return nil, warnings, err
	}
	b := newCorpusBuilder()
	budget := limits.MaxTotalBytes
	var over, overBytes int64 // files, and their bytes, past the total
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, warnings, err
		}
		data, err := readLimited(f.abs, limits.MaxFileBytes, budget)
		if err != nil {
			warnings = append(warnings, Warning{Path: f.rel, Err: limitError(err, limits)})
			if errors.Is(err, errTotalExhausted) {
				over++
				overBytes += fileSize(f.abs)
			}
			continue
		}
		doc, err := parseFile(".", f.rel, data)
		if err != nil {
			warnings = append(warnings, Warning{Path: f.rel, Err: err})
			continue
		}
		budget -= int64(len(data)) // only articles count against the total
		b.add(f.rel, doc, data)
	}
	if over > 0 {
		// One line that says it plainly, after the file-by-file ones.
		warnings = append(warnings, Warning{Path: fmt.Sprintf("%d file(s), %s", over, bytesText(overBytes)),
			Err: fmt.Errorf("the corpus is larger than %s (FOOTNOTE_MAX_CORPUS_BYTES); raise it to index them, knowing indexing takes about 20 times the text's size in memory", bytesText(limits.MaxTotalBytes))})
	}
	return b.corpus(warnings)
}

// fileSize is the size of the file at p, 0 when it cannot be read.
func fileSize(p string) int64 {
	if info, err := os.Stat(p); err == nil {
		return info.Size()
	}
	return 0
}

// limitError words a limit in the setting that raises it.
func limitError(err error, l Limits) error {
	switch {
	case errors.Is(err, errTooLarge):
		return fmt.Errorf("%w (%s, FOOTNOTE_MAX_FILE_BYTES)", err, bytesText(l.MaxFileBytes))
	case errors.Is(err, errTotalExhausted):
		return fmt.Errorf("%w (%s, FOOTNOTE_MAX_CORPUS_BYTES)", err, bytesText(l.MaxTotalBytes))
	}
	return err
}

func bytesText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.3g MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// candidate is a file to read: its path below the corpus folder and the
// path to open.
type candidate struct{ rel, abs string }

// listFiles walks root for article files, deciding about symlinks and
// special files before anything is opened.
func listFiles(ctx context.Context, root string) ([]candidate, []Warning, error) {
	var files []candidate
	var warnings []Warning
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rel := relPath(root, p)
		if err != nil {
			warnings = append(warnings, Warning{Path: rel, Err: unwrapPathError(err)})
			if d != nil && d.IsDir() && p != root {
				return fs.SkipDir
			}
			return nil
		}
		if hidden(rel, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil // the readers decide which files they can read
		}
		target, err := checkEntry(root, p, d)
		if err != nil {
			warnings = append(warnings, Warning{Path: rel, Err: err})
			return nil
		}
		files = append(files, candidate{rel: rel, abs: target})
		return nil
	})
	if err != nil {
		return nil, warnings, fmt.Errorf("walk corpus: %w", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	return files, warnings, nil
}

// relPath is p below root, slash-separated, as warnings and IDs name it.
func relPath(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// checkEntry returns the path to read for entry p: p itself for a regular
// file, the resolved target of a symlink that stays inside root.
func checkEntry(root, p string, d fs.DirEntry) (string, error) {
	if d.Type()&fs.ModeSymlink == 0 {
		if !d.Type().IsRegular() {
			return "", ErrNotRegular
		}
		return p, nil
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", unwrapPathError(err)
	}
	if r, err := filepath.Rel(root, target); err != nil || r == ".." || strings.HasPrefix(r, "../") {
		return "", ErrOutsideCorpus
	}
	info, err := os.Stat(target)
	switch {
	case err != nil:
		return "", unwrapPathError(err)
	case info.IsDir():
		return "", ErrSymlinkedDir
	case !info.Mode().IsRegular():
		return "", ErrNotRegular
	}
	return target, nil
}

// readLimited reads a regular file of at most max bytes and at most
// budget. It opens without blocking and checks the opened file, so a file
// swapped for a pipe after the walk cannot hang the load, and reads one
// byte past the limit, so a file that grows while read is caught too.
func readLimited(p string, max, budget int64) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	limit := min(max, budget)
	if info.Size() > limit {
		return nil, sizeError(info.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(data)) > limit {
		return nil, sizeError(int64(len(data)), max)
	}
	return data, nil
}

// sizeError says which limit a file of size bytes ran into.
func sizeError(size, max int64) error {
	if size > max {
		return errTooLarge
	}
	return errTotalExhausted
}

// corpusBuilder collects parsed files in path order, hashing each file's
// name and bytes as it comes so that the bytes need not be kept: the
// documents hold the text, and holding the files too would double it.
type corpusBuilder struct {
	docs []Document
	h    corpusHash
}

func newCorpusBuilder() *corpusBuilder { return &corpusBuilder{h: newCorpusHash()} }

func (b *corpusBuilder) add(rel string, doc Document, data []byte) {
	b.docs = append(b.docs, doc)
	b.h.add(rel, data)
}

// corpus builds the Corpus: unique IDs, and the hash of names and bytes
// that tells an index it is stale.
func (b *corpusBuilder) corpus(warnings []Warning) (*Corpus, []Warning, error) {
	if len(b.docs) == 0 {
		return nil, warnings, fmt.Errorf("no readable articles (%s) found", Formats)
	}
	c := &Corpus{Documents: b.docs, Hash: b.h.sum()}
	uniqueIDs(c.Documents)
	return c, warnings, nil
}

// uniqueIDs gives documents whose slugs collide ("a.txt" and "a.md", "A
// B.txt" and "a-b.txt") distinct IDs: the first in path order keeps the
// slug, each other gets a suffix from a hash of its path, which does not
// depend on which other files exist.
func uniqueIDs(docs []Document) {
	taken := make(map[string]bool, len(docs))
	for _, d := range docs {
		taken[d.ID] = false
	}
	for i := range docs {
		id := docs[i].ID
		if !taken[id] {
			taken[id] = true
			continue
		}
		sum := pathSuffix(docs[i].Path)
		n := 6
		newID := id + "-" + sum[:n]
		for taken[newID] && n < len(sum) {
			n++
			newID = id + "-" + sum[:n]
		}
		taken[newID] = true
		renameDoc(&docs[i], newID)
	}
}

// renameDoc changes a document's ID and every paragraph ID built on it.
func renameDoc(d *Document, id string) {
	for j := range d.Paragraphs {
		p := &d.Paragraphs[j]
		p.ID = id + strings.TrimPrefix(p.ID, d.ID)
		p.Doc = id
	}
	d.ID = id
}

// pathSuffix is the hex SHA-256 of a document's path.
func pathSuffix(p string) string {
	sum := sha256.Sum256([]byte(filepath.ToSlash(p)))
	return hex.EncodeToString(sum[:])
}

// corpusHash identifies a corpus by its files' names and bytes.
type corpusHash struct{ h hash.Hash }

func newCorpusHash() corpusHash { return corpusHash{sha256.New()} }

func (c corpusHash) add(name string, data []byte) {
	fmt.Fprintf(c.h, "%s\x00%d\x00", name, len(data))
	c.h.Write(data)
}

func (c corpusHash) sum() string { return hex.EncodeToString(c.h.Sum(nil)) }
