package bot

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/clip"
)

// sourceTitle is a citation's title in bold — a masked link to the
// article's own URL when it has one, the only clickable link footnote
// makes — followed by its PDF page. The URL is footnote's to render:
// only an absolute http(s) address is linked, wrapped in <…> so that
// Discord shows no preview, with every character that could end the
// link percent-encoded.
func sourceTitle(c answer.Citation) string {
	title := strings.TrimSpace(c.Title)
	if title == "" {
		title = c.Doc
	}
	bold := "**" + linkText.Replace(escape(clip.Words(title, 200))) + "**"
	if u := linkTarget(c.URL); u != "" {
		bold = "[" + bold + "](<" + u + ">)"
	}
	if c.Page > 0 {
		bold += fmt.Sprintf(" p. %d", c.Page)
	}
	return bold
}

// linkText escapes the brackets that would end a masked link's text.
var linkText = strings.NewReplacer("[", `\[`, "]", `\]`)

// linkTarget returns raw as a URL safe inside "(<…>)", or "" when it is
// not an absolute http(s) URL with a host and no credentials.
func linkTarget(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return urlUnsafe.Replace(u.String())
}

// urlUnsafe percent-encodes what could close the link or break the line.
var urlUnsafe = strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20", "\n", "%0A", "\r", "%0D", "\t", "%09", "`", "%60", "|", "%7C")
