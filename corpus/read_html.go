package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// htmlReader extracts the article of a saved web page with readability
// (the algorithm of Firefox's Reader View): navigation, ads, share buttons
// and comments go; the body's text and the page's metadata — title,
// byline, site name, publication date, canonical URL — stay.
type htmlReader struct{}

func (htmlReader) read(data []byte) (extracted, error) {
	page, err := ReadHTML(data, nil)
	if err != nil {
		return extracted{}, err
	}
	return extracted{meta: page.meta(), source: page.Text, lines: bodyLines(page.Text, 0)}, nil
}

// Page is the article read from one web page.
type Page struct {
	Title, Author, Publisher, Date, URL string
	// Text is the article's body as plain text, paragraphs separated by
	// blank lines.
	Text string
}

func (p Page) meta() frontMatter {
	return frontMatter{Title: p.Title, Publisher: p.Publisher, Date: p.Date, Author: p.Author, URL: p.URL}
}

// minPageWords is the fewest words a page that readability does not judge
// an article must yield to be read anyway.
const minPageWords = 40

// ErrNoArticle means a page holds no readable article text.
var ErrNoArticle = errors.New("no article text found in the page")

// ReadHTML extracts the article from a web page in any character set.
// pageURL, when known (the page was fetched from it), resolves relative
// links and is the URL when the page names no canonical one.
func ReadHTML(data []byte, pageURL *url.URL) (Page, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return Page{}, fmt.Errorf("read page: %w", err)
	}
	doc, err := html.Parse(r)
	if err != nil {
		return Page{}, fmt.Errorf("parse page: %w", err)
	}
	page := Page{URL: canonicalURL(doc, pageURL)}
	readerable := readability.CheckDocument(doc) // before extraction changes doc
	base := pageURL
	if page.URL != "" {
		base, _ = url.Parse(page.URL)
	}
	art, err := readability.FromDocument(doc, base)
	if err != nil {
		return Page{}, fmt.Errorf("extract article: %w", err)
	}
	if art.Node == nil {
		return Page{}, ErrNoArticle
	}
	page.Text = strings.TrimSpace(render.InnerText(art.Node))
	// Readability returns whatever text a page has; a page that does not
	// read as an article and yields a few words (a menu, an error page)
	// has none.
	if !readerable && len(strings.Fields(page.Text)) < minPageWords {
		return Page{}, ErrNoArticle
	}
	page.Title = joinWords(art.Title())
	page.Author = byline(art.Byline())
	page.Publisher = joinWords(art.SiteName())
	if t, err := art.PublishedTime(); err == nil {
		page.Date = t.Format("2006-01-02")
	}
	return page, nil
}

// byline trims a byline to the names: "By Jane Doe" → "Jane Doe".
func byline(s string) string {
	s = joinWords(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = s[3:]
	}
	return s
}

// canonicalURL is the page's own address: <link rel="canonical">, then
// og:url, then the address it was fetched from; only absolute http(s)
// URLs count, since footnote makes them links.
func canonicalURL(doc *html.Node, pageURL *url.URL) string {
	var canonical, og string
	walkHTML(doc, func(n *html.Node) bool {
		switch {
		case n.Data == "link" && strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "":
			canonical = WebURL(attr(n, "href"))
		case n.Data == "meta" && strings.EqualFold(attr(n, "property"), "og:url") && og == "":
			og = WebURL(attr(n, "content"))
		}
		return true
	})
	switch {
	case canonical != "":
		return canonical
	case og != "":
		return og
	case pageURL != nil:
		return WebURL(pageURL.String())
	}
	return ""
}

// WebURL returns s when it is an absolute http or https URL with a host,
// and "" otherwise: the only addresses footnote ever turns into links.
func WebURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}
