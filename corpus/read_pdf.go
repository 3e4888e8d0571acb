package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
	"golang.org/x/net/html"
)

// pdfReader extracts a PDF's text with poppler's pdftotext, an optional
// external tool (Debian/Ubuntu: poppler-utils). Its -bbox-layout output
// gives pages, poppler's text blocks and each line's position, from which
// paragraphs are rebuilt; the page a paragraph starts on is kept for the
// citation. Why not a Go library: see README, "PDF files".
type pdfReader struct{}

// pdfTool is the program pdfReader runs; pdfTimeout bounds one file, and
// pdfMaxOutput the text it may produce.
const (
	pdfTool      = "pdftotext"
	pdfTimeout   = time.Minute
	pdfMaxOutput = 256 << 20
)

// ErrNoPDFTool is the reason PDFs are skipped where pdftotext is missing.
var ErrNoPDFTool = errors.New("reading PDFs needs pdftotext (Debian/Ubuntu: apt install poppler-utils)")

func (pdfReader) read(data []byte) (extracted, error) {
	tool, err := exec.LookPath(pdfTool)
	if err != nil {
		return extracted{}, ErrNoPDFTool
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, "-q", "-enc", "UTF-8", "-bbox-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out := &cappedBuffer{max: pdfMaxOutput}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &stderr
	if err := cmd.Run(); err != nil {
		switch {
		case ctx.Err() != nil:
			return extracted{}, fmt.Errorf("pdftotext took longer than %v", pdfTimeout)
		case out.full:
			return extracted{}, fmt.Errorf("PDF text over %d MiB", pdfMaxOutput>>20)
		}
		return extracted{}, fmt.Errorf("pdftotext could not read it (%s)", firstLine(stderr.String(), err))
	}
	return parseBBox(out.Bytes())
}

// cappedBuffer fails writes past max bytes.
type cappedBuffer struct {
	bytes.Buffer
	max  int
	full bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.full = true
		return 0, errors.New("output too large")
	}
	return b.Buffer.Write(p)
}

func firstLine(s string, err error) string {
	if s = strings.TrimSpace(s); s == "" {
		return err.Error()
	}
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// pdfLine is one line of a text block: its words and right edge.
type pdfLine struct {
	text string
	xMax float64
}

// pdfBlock is one of poppler's text blocks on a page.
type pdfBlock struct {
	page       int
	xMin, xMax float64
	lines      []pdfLine
}

// parseBBox reads pdftotext's -bbox-layout XHTML into paragraphs.
func parseBBox(data []byte) (extracted, error) {
	if !utf8.Valid(data) {
		return extracted{}, ErrNotUTF8
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return extracted{}, fmt.Errorf("read pdftotext output: %w", err)
	}
	var fm frontMatter
	var blocks []pdfBlock
	page := 0
	walkHTML(doc, func(n *html.Node) bool {
		switch n.Data {
		case "title":
			fm.Title = pdfTitle(textOf(n))
		case "meta":
			if strings.EqualFold(attr(n, "name"), "author") {
				fm.Author = joinWords(attr(n, "content"))
			}
		case "page":
			page++
		case "block":
			blocks = append(blocks, readBlock(n, page))
			return false
		}
		return true
	})
	var b textBuilder
	for _, p := range pdfParagraphs(blocks) {
		b.add(p.text, p.page)
	}
	return extracted{meta: fm, source: b.String(), lines: b.lines}, nil
}

// pdfPara is a rebuilt paragraph and the page it starts on.
type pdfPara struct {
	text string
	page int
}

// pageNumber matches a line that is only a page number ("7", "Page 7",
// "7 of 12", "- 7 -").
var pageNumber = lazyregexp.New(`(?i)^[-–—\s]*(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?[-–—\s]*$`)

// pdfParagraphs rebuilds paragraphs from blocks: lines of a block are
// joined (a hyphen that breaks a word is dropped) and a block splits where
// a line that ends a sentence falls clearly short of the block's right
// edge. A paragraph cut by a page break continues on the next page when
// it stops mid-sentence and the next page opens in lower case. Page
// numbers go.
func pdfParagraphs(blocks []pdfBlock) []pdfPara {
	var out []pdfPara
	for _, bl := range blocks {
		width := bl.xMax - bl.xMin
		var cur []string
		flush := func() {
			if t := joinPDFLines(cur); t != "" && !pageNumber.MatchString(t) {
				out = appendPDFPara(out, pdfPara{text: t, page: bl.page})
			}
			cur = nil
		}
		for i, l := range bl.lines {
			cur = append(cur, l.text)
			short := width > 0 && bl.xMax-l.xMax > 0.15*width
			if i+1 < len(bl.lines) && short && sentenceEnd(l.text) {
				flush()
			}
		}
		flush()
	}
	return out
}

// appendPDFPara adds p, or joins it to the previous paragraph when that
// one ran over a page break.
func appendPDFPara(out []pdfPara, p pdfPara) []pdfPara {
	if n := len(out); n > 0 {
		prev := out[n-1]
		first, _ := utf8.DecodeRuneInString(p.text)
		if prev.page < p.page && !sentenceEnd(prev.text) && unicode.IsLower(first) {
			out[n-1].text = joinPDFLines([]string{prev.text, p.text})
			return out
		}
	}
	return append(out, p)
}

// joinPDFLines joins lines with spaces, rejoining a word hyphenated at a
// line end ("infra-" + "structure").
func joinPDFLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		s := b.String()
		switch {
		case b.Len() == 0:
		case strings.HasSuffix(s, "-") && len(s) > 1 && unicode.IsLower(lastRune(s[:len(s)-1])) && unicode.IsLower(firstRune(l)):
			b.Reset()
			b.WriteString(s[:len(s)-1])
		default:
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// readBlock reads one <block> element.
func readBlock(n *html.Node, page int) pdfBlock {
	bl := pdfBlock{page: page, xMin: num(attr(n, "xmin")), xMax: num(attr(n, "xmax"))}
	walkHTML(n, func(c *html.Node) bool {
		if c.Data != "line" {
			return true
		}
		var words []string
		walkHTML(c, func(w *html.Node) bool {
			if w.Data == "word" {
				words = append(words, textOf(w))
			}
			return true
		})
		bl.lines = append(bl.lines, pdfLine{text: strings.Join(words, " "), xMax: num(attr(c, "xmax"))})
		return false
	})
	return bl
}

// pdfTitle keeps a document title that names the article, not a file or
// a tool's placeholder.
func pdfTitle(s string) string {
	s = joinWords(s)
	lower := strings.ToLower(s)
	if s == "" || lower == "untitled" || strings.HasSuffix(lower, ".pdf") || strings.HasSuffix(lower, ".docx") || strings.HasPrefix(lower, "microsoft word") {
		return ""
	}
	return s
}

// walkHTML calls visit on every element below n, depth first; visit
// returns false to skip an element's children.
func walkHTML(n *html.Node, visit func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !visit(c) {
			continue
		}
		walkHTML(c, visit)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// textBuilder lays paragraphs out as text separated by blank lines,
// recording each one's line and offsets.
type textBuilder struct {
	strings.Builder
	lines []line
}

func (b *textBuilder) add(text string, page int) {
	if b.Len() > 0 {
		b.WriteString("\n\n")
	}
	start := b.Len()
	b.WriteString(text)
	b.lines = append(b.lines, line{text: text, start: start, end: b.Len(), blankAfter: true, page: page})
}
