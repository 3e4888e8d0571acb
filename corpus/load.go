package corpus

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

//go:embed builtin/*.txt
var builtinFS embed.FS

// Warning is a problem with one file that did not stop the others loading.
type Warning struct {
	Path string
	Err  error
}

// String is the one-line message shown to the person running footnote.
func (w Warning) String() string { return fmt.Sprintf("skipped %s: %v", w.Path, w.Err) }

// Builtin returns the five news articles compiled into the binary.
func Builtin() (*Corpus, error) {
	c, warnings, err := LoadFS(builtinFS, "builtin")
	if err != nil {
		return nil, err
	}
	if len(warnings) > 0 {
		return nil, fmt.Errorf("built-in corpus: %s", warnings[0])
	}
	return c, nil
}

// LoadDir loads every article below dir, recursively: plain text, Markdown,
// saved web pages and PDFs (see ParseFile). A file in another format, or
// one that cannot be read, is not UTF-8 or holds no article text, is
// skipped with a Warning; hidden files and folders (".git", ".DS_Store")
// are passed over silently. It is an error only when no file loads. It is
// LoadDirContext with the default Limits and no deadline.
func LoadDir(dir string) (*Corpus, []Warning, error) {
	return LoadDirContext(context.Background(), dir, Limits{})
}

// LoadFS loads the articles below root in fsys; see LoadDir.
func LoadFS(fsys fs.FS, root string) (*Corpus, []Warning, error) {
	var files []string
	var warnings []Warning
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			warnings = append(warnings, Warning{Path: p, Err: unwrapPathError(err)})
			if d != nil && d.IsDir() && p != root {
				return fs.SkipDir
			}
			return nil
		}
		if hidden(p, root) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p) // readerFor says which it can read
		}
		return nil
	})
	if err != nil {
		return nil, warnings, fmt.Errorf("walk corpus: %w", err)
	}
	sort.Strings(files)
	b := newCorpusBuilder()
	for _, p := range files {
		doc, data, err := loadFile(fsys, root, p)
		if err != nil {
			warnings = append(warnings, Warning{Path: p, Err: err})
			continue
		}
		b.add(p, doc, data)
	}
	return b.corpus(warnings)
}

func loadFile(fsys fs.FS, root, p string) (Document, []byte, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return Document{}, nil, unwrapPathError(err)
	}
	doc, err := parseFile(root, p, data)
	return doc, data, err
}

// parseFile turns the bytes of the file at p (below root) into a Document.
func parseFile(root, p string, data []byte) (Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Document{}, ErrEmpty
	}
	return ParseFile(Slug(root, p), filepath.FromSlash(p), data)
}

// hidden reports whether p, below root, is a dot-file or in a dot-folder.
func hidden(p, root string) bool {
	if p == root {
		return false
	}
	return strings.HasPrefix(path.Base(p), ".")
}

var slugUnsafe = lazyregexp.New(`[^a-z0-9/_-]+`)

// Slug is a document's ID: its path below root without the extension,
// lower-cased, with anything but letters, digits, "/", "_" and "-" turned
// into "-". It is stable as long as the file keeps its name.
func Slug(root, p string) string {
	rel := strings.TrimPrefix(p, strings.TrimSuffix(root, "/")+"/")
	if root == "." {
		rel = p
	}
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	return strings.Trim(slugUnsafe.ReplaceAllString(strings.ToLower(rel), "-"), "-")
}

// unwrapPathError drops the path from an fs.PathError: the Warning names
// the file already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// BuiltinFile returns the raw bytes of a built-in article by its Path, for
// checking offsets against the original text.
func BuiltinFile(path string) ([]byte, error) {
	return fs.ReadFile(builtinFS, filepath.ToSlash(path))
}
