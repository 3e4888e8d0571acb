package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"github.com/joho/godotenv"
)

// dotenvLine is a line that starts a setting: an optional "export ", a
// name, then = or : (godotenv's two forms).
var dotenvLine = lazyregexp.New(`^[ \t]*(?:export[ \t]+)?[A-Za-z0-9_.]+[ \t]*[=:]`)

// readDotenv reads a .env file. A malformed file is reported by file name
// and line number only: godotenv's own errors quote the text around the
// mistake, and that text is often the next lines, tokens and keys included.
func readDotenv(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathErr(err))
	}
	if line := badDotenvLine(data); line > 0 {
		return nil, usageError{fmt.Errorf("read %s: line %d is not NAME=value", path, line)}
	}
	m, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		// The error text may quote the file: keep none of it.
		return nil, usageError{fmt.Errorf("read %s: %w", path, errDotenvSyntax)}
	}
	return m, nil
}

// errDotenvSyntax stands in for a godotenv error whose text is never shown.
var errDotenvSyntax = errors.New("not a valid .env file (want NAME=value lines)")

// badDotenvLine returns the 1-based number of the first line that is
// neither blank, a comment, a NAME=value setting nor the continuation of
// a quoted value; 0 when there is none.
func badDotenvLine(data []byte) int {
	lines := bytes.Split(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"))
	var open byte // the quote of a value still open on an earlier line
	opened := 0
	for i, line := range lines {
		if open != 0 {
			if closes(line, open) {
				open = 0
			}
			continue
		}
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		m := dotenvLine.Find(line)
		if m == nil {
			return i + 1
		}
		v := bytes.TrimLeft(line[len(m):], " \t")
		if len(v) > 0 && (v[0] == '"' || v[0] == '\'') && !closes(v[1:], v[0]) {
			open, opened = v[0], i+1
		}
	}
	if open != 0 {
		return opened // a quoted value that never ends
	}
	return 0
}

// closes reports whether s holds an unescaped quote q.
func closes(s []byte, q byte) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case q:
			return true
		}
	}
	return false
}

// unwrapPathErr keeps an *fs.PathError's cause, whose path the caller names.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
