package corpus

import (
	"fmt"
	"strings"
	"time"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

// ArticleMarkdown renders a fetched page as a Markdown article with front
// matter (title, url, publisher, author, date, fetched), cleaned and split
// into paragraphs exactly as footnote reads pages, and escaped so that
// reading the file back gives the same paragraphs.
func ArticleMarkdown(p Page, fetched time.Time) (string, Document, error) {
	doc, err := assemble("page", "page", extracted{meta: p.meta(), source: p.Text, lines: bodyLines(p.Text, 0)})
	if err != nil {
		return "", Document{}, err
	}
	var b strings.Builder
	b.WriteString("---\n")
	for _, kv := range [][2]string{
		{"title", doc.Title}, {"url", doc.URL}, {"publisher", doc.Publisher},
		{"author", doc.Author}, {"date", doc.Date}, {"fetched", fetched.UTC().Format(time.RFC3339)},
	} {
		if v := joinWords(kv[1]); v != "" {
			fmt.Fprintf(&b, "%s: %s\n", kv[0], v)
		}
	}
	b.WriteString("---\n")
	for _, para := range doc.Paragraphs {
		b.WriteString("\n")
		b.WriteString(escapeMarkdown(para.Text))
		b.WriteString("\n")
	}
	return b.String(), doc, nil
}

// markdownInline escapes what Markdown would read as markup anywhere in a
// line; markdownLead what it would read so at the start of one.
var (
	markdownInline = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "&", `\&`)
	markdownLead   = lazyregexp.New(`^([#+=-]|\d+[.)])`)
)

// escapeMarkdown makes one paragraph of plain text read back as itself.
func escapeMarkdown(s string) string {
	s = markdownInline.Replace(s)
	if m := markdownLead.FindString(s); m != "" {
		s = m[:len(m)-1] + `\` + s[len(m)-1:]
	}
	return s
}
