package corpus_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/pdftest"
)

// harbourPDF is a two-page report whose last paragraph runs over the page
// break, with a word hyphenated at a line end and page numbers.
func harbourPDF() []byte {
	return pdftest.Document("Harbour Report", "Ann Writer",
		pdftest.Page{
			"The harbour authority said on Monday that the new",
			"container terminal will open in March.",
			"Dock workers welcomed the plan, which adds three",
			"hundred jobs.",
			"",
			"The terminal cost 40 million euros and took two years to",
			"build. Ships up to 400 metres long can dock at the new infra-",
			"", "", "",
			"1",
		},
		pdftest.Page{"structure, which is the first of its kind.", "", "2"})
}

func needPDFTool(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt install poppler-utils)")
	}
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "formats", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestEachFormatYieldsTheArticleAndItsMetadata(t *testing.T) {
	tests := []struct {
		name, file                          string
		data                                func(t *testing.T) []byte
		title, publisher, author, date, url string
		paragraphs                          []string // each paragraph starts so, in order
		gone                                []string // furniture and markup no paragraph may hold
		pages                               []int
	}{
		{
			name: "a saved news page keeps the article and drops the page around it", file: "harbour.html",
			data:  func(t *testing.T) []byte { return readTestdata(t, "harbour.html") },
			title: "Rotterdam opens a floating container terminal", publisher: "The Harbour Gazette",
			author: "Maria Jansen", date: "2024-03-11", url: "https://gazette.example/ports/2024/floating-terminal",
			paragraphs: []string{"The port of Rotterdam opened", "The terminal rests on twelve", "Critics say the project", "Dock workers' unions"},
			gone:       []string{"Subscribe", "Advertisement", "Antwerp", "Share on", "Great news", "©", "window.ads"},
		},
		{
			name: "Markdown is rendered to plain text with headings and lists as sentences", file: "reef.md",
			data:  func(t *testing.T) []byte { return readTestdata(t, "reef.md") },
			title: "Coral bleaching reaches the northern reef", publisher: "Ocean Notes",
			author: "Sam Reid", date: "2024-04-02", url: "https://oceannotes.example/reef-bleaching",
			paragraphs: []string{
				"Divers from the Marine Institute found that a third of the corals near Lizard Island",
				"What the divers measured. Water temperatures of 31 degrees at ten metres. Bleaching on 63 of 190 transects.",
				"Bleaching is not death: corals can recover if the water cools within weeks, said Dr. Lee of",
				"Reefs that were spared in 2022",
			},
			gone: []string{"**", "](", "https://", "coral.jpg", "- ", "`", "Sponsored", "survey_id", "#"},
		},
		{
			name: "a PDF's paragraphs are rebuilt from its lines and keep their page", file: "report.pdf",
			data:  func(t *testing.T) []byte { needPDFTool(t); return harbourPDF() },
			title: "Harbour Report", author: "Ann Writer",
			paragraphs: []string{
				"The harbour authority said on Monday that the new container terminal will open in March.",
				"Dock workers welcomed the plan, which adds three hundred jobs.",
				"The terminal cost 40 million euros and took two years to build. Ships up to 400 metres long can dock at the new infrastructure, which is the first of its kind.",
			},
			gone:  []string{"infra-"},
			pages: []int{1, 1, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := corpus.ParseFile("doc", tt.file, tt.data(t))
			if err != nil {
				t.Fatal(err)
			}
			got := []string{d.Title, d.Publisher, d.Author, d.Date, d.URL}
			want := []string{tt.title, tt.publisher, tt.author, tt.date, tt.url}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("title|publisher|author|date|url = %q, want %q", strings.Join(got, "|"), strings.Join(want, "|"))
			}
			if len(d.Paragraphs) != len(tt.paragraphs) {
				for _, p := range d.Paragraphs {
					t.Logf("¶%s %q", p.Label(), p.Text)
				}
				t.Fatalf("%d paragraphs, want %d", len(d.Paragraphs), len(tt.paragraphs))
			}
			for i, p := range d.Paragraphs {
				if !strings.HasPrefix(p.Text, tt.paragraphs[i]) {
					t.Errorf("¶%d = %q, want it to start %q", p.N, p.Text, tt.paragraphs[i])
				}
				for _, g := range tt.gone {
					if strings.Contains(p.Text, g) {
						t.Errorf("¶%d holds %q: %q", p.N, g, p.Text)
					}
				}
				if p.URL != d.URL || p.Publisher != d.Publisher || p.Title != d.Title {
					t.Errorf("¶%d does not carry the document's metadata: %+v", p.N, p)
				}
				if tt.pages != nil && p.Page != tt.pages[i] {
					t.Errorf("¶%d on page %d, want %d", p.N, p.Page, tt.pages[i])
				}
			}
		})
	}
}

func TestMarkdownOffsetsPointAtTheParagraphsSource(t *testing.T) {
	data := readTestdata(t, "reef.md")
	d, err := corpus.ParseFile("reef", "reef.md", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Paragraphs {
		src := string(data[p.Start:p.End])
		// Every word of the plain text stands in the Markdown it came from.
		for _, w := range strings.Fields(p.Text) {
			w = strings.TrimRight(w, ".")
			if !strings.Contains(src, w) {
				t.Errorf("¶%d: word %q of %q is not in its source %q", p.N, w, p.Text, src)
			}
		}
	}
}

func TestAPDFStartingOnTheSecondPageSaysSo(t *testing.T) {
	needPDFTool(t)
	pdf := pdftest.Document("Two pages", "",
		pdftest.Page{"The first page ends its only paragraph here.", "", "1"},
		pdftest.Page{"The second page has a paragraph of its own.", "", "2"})
	d, err := corpus.ParseFile("two", "two.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paragraphs) != 2 || d.Paragraphs[0].Page != 1 || d.Paragraphs[1].Page != 2 {
		t.Fatalf("paragraphs %+v, want one on page 1 and one on page 2", d.Paragraphs)
	}
}

func TestFilesAreReadByContentAndOtherFormatsAreSkippedWithAReason(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       string // "" means it loads
	}{
		{"a web page saved without an extension is sniffed", "page", readHTMLFixture(t), ""},
		{"a web page saved as .txt is read as a page", "page.txt", readHTMLFixture(t), ""},
		{"a file named .pdf that is not one", "fake.pdf", []byte("just text"), "not a PDF"},
		{"a Word document", "memo.docx", []byte("PK\x03\x04"), "unsupported format .docx"},
		{"a data file", "table.csv", []byte("a,b\n1,2\n"), "unsupported format .csv"},
		{"a page with no article in it", "empty.html", []byte("<html><body><nav>Home</nav></body></html>"), "no article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := corpus.ParseFile("x", tt.file, tt.data)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v, want it to load", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("err = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func readHTMLFixture(t *testing.T) []byte { return readTestdata(t, "harbour.html") }

func TestAFolderOfMixedFormatsLoadsEachAndListsWhatItSkipped(t *testing.T) {
	needPDFTool(t)
	dir := writeFiles(t, map[string]string{
		"harbour.html":   string(readHTMLFixture(t)),
		"reef.md":        string(readTestdata(t, "reef.md")),
		"report.pdf":     string(harbourPDF()),
		"notes.txt":      "A plain paragraph about tides.\n",
		"slides.pptx":    "PK\x03\x04",
		".DS_Store":      "\x00\x01",
		".git/config":    "[core]\n",
		"sub/readme.odt": "PK",
	})
	c, warnings, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Documents {
		ids = append(ids, d.ID)
	}
	if got, want := strings.Join(ids, ","), "harbour,notes,reef,report"; got != want {
		t.Errorf("loaded %s, want %s", got, want)
	}
	var skipped []string
	for _, w := range warnings {
		skipped = append(skipped, w.String())
	}
	want := []string{"skipped slides.pptx: unsupported format .pptx", "skipped sub/readme.odt: unsupported format .odt"}
	if len(skipped) != len(want) {
		t.Fatalf("warnings %q, want %q (hidden files pass silently)", skipped, want)
	}
	for i := range want {
		if !strings.HasPrefix(filepath.ToSlash(skipped[i]), want[i]) {
			t.Errorf("warning %q, want it to start %q", skipped[i], want[i])
		}
	}
}

func TestAPDFWithoutTheToolIsSkippedWithHowToGetIt(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no pdftotext on it
	_, err := corpus.ParseFile("r", "report.pdf", harbourPDF())
	if !errors.Is(err, corpus.ErrNoPDFTool) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Fatalf("err = %v, want ErrNoPDFTool naming the package", err)
	}
}

func TestABrokenPDFIsSkippedInOneLine(t *testing.T) {
	needPDFTool(t)
	_, err := corpus.ParseFile("r", "broken.pdf", []byte("%PDF-1.4\nthis is not a pdf body\n"))
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Fatalf("err = %v, want a one-line error", err)
	}
}
