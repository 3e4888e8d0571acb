package corpus

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownReader parses Markdown with goldmark and renders each block to
// plain text: link and emphasis text kept, link targets, images, raw HTML
// and code blocks dropped; a heading becomes the first sentence of the
// paragraph after it, and a list one paragraph of its items as sentences.
// Offsets point at the block's Markdown source in the file.
type markdownReader struct{}

func (markdownReader) read(data []byte) (extracted, error) {
	if !utf8.Valid(data) {
		return extracted{}, ErrNotUTF8
	}
	src := string(data)
	fm, bodyStart := splitFrontMatter(src)
	body := data[bodyStart:]
	doc := goldmark.New().Parser().Parse(text.NewReader(body))
	mr := &mdRenderer{src: body, base: bodyStart}
	mr.blocks(doc)
	mr.flushHeading()
	if fm.Title == "" && mr.title != "" {
		fm.Title = mr.title
	}
	return extracted{meta: fm, source: src, lines: mr.lines, marksTitles: true}, nil
}

// mdRenderer collects the plain-text blocks of one Markdown body.
type mdRenderer struct {
	src   []byte
	base  int // offset of src in the file
	lines []line
	title string // the text of a leading level-1 heading
	// heading waits to open the next paragraph.
	heading            string
	headStart, headEnd int
	sawContent         bool
}

// blocks renders the block children of n in order.
func (mr *mdRenderer) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHeading:
			mr.headingBlock(c.(*ast.Heading))
		case ast.KindParagraph, ast.KindTextBlock:
			mr.emit(mr.inline(c), c)
		case ast.KindList:
			mr.list(c)
		case ast.KindBlockquote, ast.KindDocument:
			mr.blocks(c)
		}
		// Code, raw HTML and thematic breaks are not article prose.
	}
}

func (mr *mdRenderer) headingBlock(h *ast.Heading) {
	t := mr.inline(h)
	if t == "" {
		return
	}
	if h.Level == 1 && !mr.sawContent && mr.title == "" {
		mr.title = t
		mr.sawContent = true
		return
	}
	mr.flushHeading()
	start, end := mr.span(h)
	mr.heading, mr.headStart, mr.headEnd = asSentence(t), start, end
}

// list renders a list as one paragraph, each item a sentence.
func (mr *mdRenderer) list(l ast.Node) {
	var items []string
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		if t := mr.itemText(it); t != "" {
			items = append(items, asSentence(t))
		}
	}
	mr.emit(strings.Join(items, " "), l)
}

// itemText is a list item's text, nested lists flattened into it.
func (mr *mdRenderer) itemText(it ast.Node) string {
	var parts []string
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			parts = append(parts, asSentence(mr.inline(c)))
		case ast.KindList:
			for sub := c.FirstChild(); sub != nil; sub = sub.NextSibling() {
				parts = append(parts, asSentence(mr.itemText(sub)))
			}
		}
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// emit adds one paragraph of text whose source is the block n, opened by
// a pending heading.
func (mr *mdRenderer) emit(t string, n ast.Node) {
	t = joinWords(t)
	if t == "" {
		return
	}
	mr.sawContent = true
	start, end := mr.span(n)
	if mr.heading != "" {
		t, start = mr.heading+" "+t, mr.headStart
		mr.heading = ""
	}
	mr.lines = append(mr.lines, line{text: t, start: mr.base + start, end: mr.base + end, blankAfter: true})
}

// flushHeading emits a heading that no paragraph followed as a paragraph
// of its own.
func (mr *mdRenderer) flushHeading() {
	if mr.heading == "" {
		return
	}
	mr.lines = append(mr.lines, line{text: mr.heading, start: mr.base + mr.headStart, end: mr.base + mr.headEnd, blankAfter: true})
	mr.heading = ""
}

// span is the byte range of a block's source lines, its descendants'
// included.
func (mr *mdRenderer) span(n ast.Node) (int, int) {
	start, end := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := c.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if start < 0 || seg.Start < start {
				start = seg.Start
			}
			end = max(end, seg.Stop)
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		return 0, 0
	}
	for end > start && isSpace(mr.src[end-1]) {
		end--
	}
	return start, end
}

// inline renders the inline content of a block as plain text.
func (mr *mdRenderer) inline(n ast.Node) string {
	var b strings.Builder
	mr.inlineTo(&b, n)
	return strings.TrimSpace(b.String())
}

func (mr *mdRenderer) inlineTo(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			b.Write(mr.unescape(v.Segment.Value(mr.src), v.IsRaw()))
			if v.SoftLineBreak() || v.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(mr.unescape(v.Value, v.IsRaw()))
		case *ast.Image, *ast.RawHTML, *ast.AutoLink:
			// An image's alt text, inline HTML and a bare URL are not prose.
		default:
			mr.inlineTo(b, c) // emphasis, links, code spans: their text
		}
	}
}

// unescape turns backslash escapes into their characters and entity
// references into theirs — but not an escaped "\&amp;", which is text.
func (mr *mdRenderer) unescape(v []byte, raw bool) []byte {
	if raw {
		return v
	}
	var out, run []byte
	resolve := func() {
		out = append(out, util.ResolveEntityNames(util.ResolveNumericReferences(run))...)
		run = run[:0]
	}
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			resolve()
			out = append(out, v[i+1])
			i++
			continue
		}
		run = append(run, v[i])
	}
	resolve()
	return out
}
