package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
)

// reader extracts an article from the bytes of one file in its format.
type reader interface {
	read(data []byte) (extracted, error)
}

// Formats lists the file extensions footnote reads, for messages.
const Formats = ".txt, .md, .html, .pdf"

// ErrUnsupported is the reason a file in a format footnote does not read
// is skipped.
var ErrUnsupported = errors.New("unsupported format")

// pdfMagic opens every PDF file, whatever its name.
var pdfMagic = []byte("%PDF-")

// readerFor chooses the reader of a file by its extension and its content:
// a PDF is known by its header under any name, and a saved web page by
// sniffing when its extension says nothing.
func readerFor(name string, data []byte) (reader, error) {
	ext := strings.ToLower(path.Ext(name))
	if bytes.HasPrefix(data, pdfMagic) {
		return pdfReader{}, nil
	}
	switch ext {
	case ".pdf":
		return nil, errors.New("not a PDF (no %PDF- header)")
	case ".html", ".htm", ".xhtml":
		return htmlReader{}, nil
	case ".md", ".markdown":
		return markdownReader{}, nil
	case ".txt", ".text":
		if sniffsHTML(data) {
			return htmlReader{}, nil
		}
		return textReader{}, nil
	}
	if ext == "" && sniffsHTML(data) {
		return htmlReader{}, nil
	}
	if ext == "" {
		return nil, fmt.Errorf("%w: no extension (footnote reads %s)", ErrUnsupported, Formats)
	}
	return nil, fmt.Errorf("%w %s (footnote reads %s)", ErrUnsupported, ext, Formats)
}

// sniffsHTML reports whether data reads as an HTML page.
func sniffsHTML(data []byte) bool {
	return strings.HasPrefix(http.DetectContentType(data), "text/html")
}

// ParseFile turns one file of any supported format into a cleaned
// Document: see Parse for plain text. name (slash-separated) chooses the
// reader with the content.
func ParseFile(id, name string, data []byte) (Document, error) {
	r, err := readerFor(name, data)
	if err != nil {
		return Document{}, err
	}
	ex, err := r.read(data)
	if err != nil {
		return Document{}, err
	}
	return assemble(id, name, ex)
}
