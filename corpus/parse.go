package corpus

import (
	"errors"
	"fmt"
	"strings"
)

// MaxParagraphBytes is the length above which a paragraph is split at
// sentence boundaries into parts (¶n.1, ¶n.2 …), so that a citation still
// points at a passage a reader can take in at a glance.
const MaxParagraphBytes = 1500

// ChunkerVersion changes whenever cleaning or splitting changes the
// paragraphs produced from the same text, so that indexes get rebuilt.
const ChunkerVersion = "4"

// line is one non-empty line (or block) of the body with its byte offsets
// in the text it was read from.
type line struct {
	text       string
	start, end int
	blankAfter bool
	// page is the PDF page the line is on; 0 for other formats.
	page int
}

// extracted is what a reader makes of one file: metadata and the body as
// lines, whose offsets index source.
type extracted struct {
	meta   frontMatter
	source string
	lines  []line
	// marksTitles is true for formats that mark their headline (Markdown's
	// "# "): a short first paragraph there is text, not a title.
	marksTitles bool
}

// Errors Parse returns for files that cannot become a Document.
var (
	ErrNotUTF8 = errors.New("not UTF-8 text (convert it to UTF-8)")
	ErrNoText  = errors.New("no article text after removing page furniture")
	ErrEmpty   = errors.New("empty file")
)

// Parse turns the text of one plain-text file (optionally with front
// matter) into a cleaned Document. id becomes the document's slug and path
// is recorded for offsets and messages. It fails with ErrNotUTF8 or
// ErrNoText. ParseFile reads the other formats.
func Parse(id, path string, data []byte) (Document, error) {
	ex, err := textReader{}.read(data)
	if err != nil {
		return Document{}, err
	}
	return assemble(id, path, ex)
}

// assemble cleans a reader's lines into the paragraphs of a Document.
func assemble(id, path string, ex extracted) (Document, error) {
	fm := ex.meta
	doc := Document{ID: id, Path: path, Title: fm.Title, Publisher: fm.Publisher, Date: fm.Date, Author: fm.Author, URL: WebURL(fm.URL)}
	lines := dropFurniture(ex.lines)
	lines = takeLeadingMetadata(&doc, lines, !ex.marksTitles)
	for i, block := range paragraphBlocks(lines) {
		doc.Paragraphs = append(doc.Paragraphs, chunk(doc, i+1, ex.source, block)...)
	}
	if len(doc.Paragraphs) == 0 {
		return Document{}, ErrNoText
	}
	if doc.Title == "" {
		doc.Title = fallbackTitle(doc.Paragraphs[0].Text)
	}
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		p.Title, p.URL, p.Publisher, p.Date, p.Author = doc.Title, doc.URL, doc.Publisher, doc.Date, doc.Author
	}
	return doc, nil
}

// bodyLines splits the body into trimmed non-empty lines, remembering
// whether a blank line follows each.
func bodyLines(text string, pos int) []line {
	var out []line
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text) - pos
		}
		raw := text[pos : pos+end]
		trimmed := strings.TrimSpace(strings.TrimPrefix(raw, "\ufeff"))
		if trimmed == "" {
			if len(out) > 0 {
				out[len(out)-1].blankAfter = true
			}
		} else {
			lead := strings.Index(raw, trimmed)
			out = append(out, line{text: trimmed, start: pos + lead, end: pos + lead + len(trimmed)})
		}
		pos += end + 1
	}
	return out
}

// dropFurniture removes page furniture and everything from an end-of-article
// marker on. A photo caption stays: unlike its credit line, it says
// something about the story that a reader may ask about.
func dropFurniture(lines []line) []line {
	var out []line
	for _, l := range lines {
		kind := classify(l.text)
		if kind == lineEnd {
			break
		}
		if kind == lineDrop {
			continue
		}
		out = append(out, l)
	}
	return out
}

// takeLeadingMetadata consumes a leading "date YYYY-MM-DD Title" line or a
// headline (a short unpunctuated line set off by a blank line; without the
// blank line it is more likely a hard-wrapped first line), filling in the document's date and title where front matter
// left them empty.
func takeLeadingMetadata(doc *Document, lines []line, headline bool) []line {
	if len(lines) < 2 {
		return lines
	}
	first := lines[0].text
	if m := leadingDate.FindStringSubmatch(first); m != nil {
		if doc.Date == "" {
			doc.Date = m[1]
		}
		if doc.Title == "" && m[2] != "" {
			doc.Title = m[2]
		}
		return lines[1:]
	}
	if headline && isTitleLine(first) && lines[0].blankAfter {
		if doc.Title == "" {
			doc.Title = first
		}
		return lines[1:]
	}
	return lines
}

// paragraphBlocks groups lines into paragraphs. Each line is a paragraph,
// except that a hard-wrapped line (no sentence-ending punctuation, no blank
// line after it) continues into the next one.
func paragraphBlocks(lines []line) [][]line {
	var blocks [][]line
	var cur []line
	for _, l := range lines {
		cur = append(cur, l)
		if l.blankAfter || endPunct.MatchString(l.text) {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// chunk makes the paragraph (or its parts) for one block of lines.
func chunk(doc Document, n int, file string, block []line) []Paragraph {
	start, end := block[0].start, block[len(block)-1].end
	texts := make([]string, len(block))
	for i, l := range block {
		texts[i] = l.text
	}
	text := strings.Join(texts, " ")
	base := Paragraph{Doc: doc.ID, N: n, Start: start, End: end, Text: text, Page: block[0].page}
	if len(text) <= MaxParagraphBytes || len(block) > 1 {
		base.ID = fmt.Sprintf("%s#p%d", doc.ID, n)
		return []Paragraph{base}
	}
	return splitLong(base, text, text == file[start:end])
}

// splitLong cuts a single-line paragraph into parts of whole sentences, each
// at most MaxParagraphBytes long; a sentence longer than that by itself (a
// paragraph with no sentence breaks at all) is cut by length. When text is
// not the file's bytes (rendered Markdown), every part keeps the whole
// paragraph's offsets: they still point at the right place.
func splitLong(p Paragraph, text string, exact bool) []Paragraph {
	var parts []Paragraph
	cur := Paragraph{Start: -1}
	flush := func() {
		if cur.Start < 0 {
			return
		}
		part := p
		part.Part = len(parts) + 1
		part.ID = fmt.Sprintf("%s#p%d.%d", p.Doc, p.N, part.Part)
		if exact {
			part.Start, part.End = p.Start+cur.Start, p.Start+cur.End
		}
		part.Text = text[cur.Start:cur.End]
		parts = append(parts, part)
		cur = Paragraph{Start: -1}
	}
	for _, s := range byLength(text, Sentences(text), MaxParagraphBytes) {
		if cur.Start >= 0 && s.End-cur.Start > MaxParagraphBytes {
			flush()
		}
		if cur.Start < 0 {
			cur.Start = s.Start
		}
		cur.End = s.End
	}
	flush()
	return parts
}

// fallbackTitle names an untitled article by its opening words.
func fallbackTitle(first string) string {
	words := strings.Fields(first)
	if len(words) <= 10 {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:10], " ") + " …"
}
