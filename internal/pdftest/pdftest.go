// Package pdftest writes small, valid PDF files for tests: text in
// Helvetica, one line per string, so that readers can be tested against
// real PDFs without committing binaries.
package pdftest

import (
	"bytes"
	"fmt"
	"strings"
)

// Page is the lines of one page, top to bottom; an empty line leaves a
// line's height of space, which readers see as a paragraph break.
type Page []string

// Document returns a PDF with the given title and author in its document
// information and one page per Page. Lines must be ASCII.
func Document(title, author string, pages ...Page) []byte {
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Title (%s) /Author (%s) >>", escape(title), escape(author)),
	}
	for i, lines := range pages {
		content := pageContent(lines)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 6+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content))
	}
	return assemble(objs)
}

// pageContent draws each line 14 points below the last.
func pageContent(lines Page) string {
	var c strings.Builder
	y := 750
	for _, l := range lines {
		if l != "" {
			fmt.Fprintf(&c, "BT /F1 11 Tf 72 %d Td (%s) Tj ET\n", y, escape(l))
		}
		y -= 14
	}
	return c.String()
}

// assemble numbers the objects from 1 and writes the cross-reference
// table that lets a reader find them.
func assemble(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// escape quotes a PDF string's delimiters.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}
