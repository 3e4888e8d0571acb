package corpus

import (
	"fmt"
	"io/fs"
	"sort"
)

// BuiltinHash is Builtin().Hash without parsing the articles: the hash
// covers the files' names and bytes, not what the parser makes of them
// (an index's manifest records ChunkerVersion for that), so a warm start
// that only checks its index is current need not parse anything.
// TestBuiltinHashIsTheParsedCorpusHash holds the two together.
func BuiltinHash() (string, error) {
	const root = "builtin"
	var files []string
	err := fs.WalkDir(builtinFS, root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case hidden(p, root) && d.IsDir():
			return fs.SkipDir
		case !d.IsDir() && !hidden(p, root):
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("built-in corpus: %w", err)
	}
	sort.Strings(files)
	h := newCorpusHash()
	for _, p := range files {
		data, err := fs.ReadFile(builtinFS, p)
		if err != nil {
			return "", fmt.Errorf("built-in corpus: %w", err)
		}
		h.add(p, data)
	}
	return h.sum(), nil
}
