package retrieval

import (
	"encoding/binary"
	"io"

	"github.com/footnote-dev/footnote/corpus"
)

// paragraphsFile holds a generation's paragraphs, in chunk order:
//
//	"footnote paragraphs 1\n", uvarint count, then per paragraph a byte
//	saying which of its article's fields (Doc, Title, URL, Publisher,
//	Date, Author) differ from the paragraph before — those are then
//	written — and its own fields: ID and Text (uvarint length and bytes),
//	N, Part, Start, End and Page (varints)
//
// It replaced a gob of []corpus.Paragraph, whose encoding was a tenth of
// a 10,000-paragraph re-index on its own; the article fields, the same in
// every paragraph of an article, are written once per article and shared
// when read.
const (
	paragraphsFile   = "paragraphs.bin"
	paragraphsHeader = "footnote paragraphs 1\n"
)

// articleFields are the fields a paragraph repeats from its article.
func articleFields(p *corpus.Paragraph) [6]*string {
	return [6]*string{&p.Doc, &p.Title, &p.URL, &p.Publisher, &p.Date, &p.Author}
}

func writeParagraphs(w io.Writer, ps []corpus.Paragraph) error {
	size := len(paragraphsHeader) + 10
	for i := range ps {
		size += len(ps[i].Text) + len(ps[i].ID) + 32
	}
	b := make([]byte, 0, size)
	b = append(b, paragraphsHeader...)
	b = binary.AppendUvarint(b, uint64(len(ps)))
	var prev corpus.Paragraph
	for i := range ps {
		p := &ps[i]
		cur, old := articleFields(p), articleFields(&prev)
		var changed byte
		for j := range cur {
			if i == 0 || *cur[j] != *old[j] {
				changed |= 1 << j
			}
		}
		b = append(b, changed)
		for j := range cur {
			if changed&(1<<j) != 0 {
				b = appendString(b, *cur[j])
			}
		}
		b = appendString(b, p.ID)
		b = appendString(b, p.Text)
		for _, n := range []int{p.N, p.Part, p.Start, p.End, p.Page} {
			b = binary.AppendVarint(b, int64(n))
		}
		prev = *p
	}
	_, err := w.Write(b)
	return err
}

func readParagraphs(data []byte, want int) ([]corpus.Paragraph, error) {
	d := &decoder{b: data}
	d.header(paragraphsHeader)
	n := int(d.uvarint(uint64(len(data))))
	if d.err == nil && n != want {
		return nil, errMalformed
	}
	ps := make([]corpus.Paragraph, n)
	for i := 0; i < n && d.err == nil; i++ {
		p := &ps[i]
		if i > 0 {
			*p = ps[i-1]
		}
		changed := d.bytes(1)
		if d.err != nil || (i == 0 && changed[0] != 1<<6-1) {
			return nil, errMalformed
		}
		for j, f := range articleFields(p) {
			if changed[0]&(1<<j) != 0 {
				*f = d.string()
			}
		}
		p.ID, p.Text = d.string(), d.string()
		for _, f := range []*int{&p.N, &p.Part, &p.Start, &p.End, &p.Page} {
			*f = d.varint()
		}
	}
	return ps, d.done()
}
