package corpus_test

import (
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
)

// TestBuiltinArticlesKeepOnlyArticleText states, for each built-in article,
// how many paragraphs survive cleaning, how the first and last begin, and
// which furniture must be gone.
func TestBuiltinArticlesKeepOnlyArticleText(t *testing.T) {
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		doc         string
		paragraphs  int
		first, last string
		title       string
		dropped     []string
	}{
		{"000_f2d5536a577cc83a", 12, "North Korea leader Kim Jong un, seated at right", "Things could get dicey in Moscow", "", []string{"Presented By", "AFP / Getty Images", "READ MORE", "More Must-Reads", "Contact us at", "You May Also Like"}},
		{"001_f35168e731c5afbd", 19, "On May 9, the Victory Day parade", "In other words, it was not merely", "", nil},
		{"002_62d903cbf6875274", 5, "North Korean dictator Kim Jong-un recently sent", "Despite North Korea’s longstanding support", "Kim Jong-un Celebrates Putin’s Birthday: Shifting Alliances in the East", []string{"Leave a Reply", "Your email address"}},
		{"003_caead59397de3266", 31, "North Korean leader Kim Jong-un stood side by side", "This article was originally written in Korean", "For Kim, standing with Xi and Putin offers legitimacy and approval", []string{"date 2025-09-04"}},
		{"004_d4964704e57e77cf", 14, "It must be somebody pretty important", "So while Russia and North Korea getting chummy", "Vladimir Putin’s Trip to North Korea Reeks of Desperation, Not Strength", []string{"• World", "• diplomacy", "6 minute read", "More Must-Reads", "Write to Charlie Campbell"}},
	}
	if len(c.Documents) != len(tests) {
		t.Fatalf("built-in corpus has %d documents, want %d", len(c.Documents), len(tests))
	}
	for i, tt := range tests {
		d := c.Documents[i]
		t.Run(tt.doc, func(t *testing.T) {
			if d.ID != tt.doc {
				t.Fatalf("document %d is %q, want %q", i, d.ID, tt.doc)
			}
			if len(d.Paragraphs) != tt.paragraphs {
				t.Errorf("kept %d paragraphs, want %d", len(d.Paragraphs), tt.paragraphs)
			}
			if got := d.Paragraphs[0].Text; !strings.HasPrefix(got, tt.first) {
				t.Errorf("first paragraph = %.60q…, want it to start %q", got, tt.first)
			}
			if got := d.Paragraphs[len(d.Paragraphs)-1].Text; !strings.HasPrefix(got, tt.last) {
				t.Errorf("last paragraph = %.60q…, want it to start %q", got, tt.last)
			}
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("title = %q, want %q", d.Title, tt.title)
			}
			for _, p := range d.Paragraphs {
				for _, bad := range tt.dropped {
					if strings.Contains(p.Text, bad) {
						t.Errorf("¶%d still contains furniture %q", p.N, bad)
					}
				}
			}
		})
	}
}

func TestBuiltinMetadataComesFromTheText(t *testing.T) {
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][3]string{}
	for _, d := range c.Documents {
		got[d.ID] = [3]string{d.Publisher, d.Date, d.Author}
	}
	want := map[string][3]string{
		"000_f2d5536a577cc83a": {"TIME", "", ""},
		"001_f35168e731c5afbd": {"", "", ""},
		"002_62d903cbf6875274": {"", "", ""},
		"003_caead59397de3266": {"", "2025-09-04", ""},
		"004_d4964704e57e77cf": {"TIME", "", "Charlie Campbell"},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: publisher, date, author = %q, want %q", id, got[id], w)
		}
	}
}

func TestParagraphsPointBackIntoTheirFile(t *testing.T) {
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range c.Documents {
		raw, err := corpus.BuiltinFile(d.Path)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range d.Paragraphs {
			if p.N != i+1 || p.Part != 0 {
				t.Errorf("%s: paragraph %d numbered %s", p.ID, i+1, p.Label())
			}
			if got := string(raw[p.Start:p.End]); got != p.Text {
				t.Errorf("%s: file[%d:%d] = %.40q, want the paragraph text %.40q", p.ID, p.Start, p.End, got, p.Text)
			}
			if seen[p.ID] {
				t.Errorf("duplicate paragraph ID %s", p.ID)
			}
			seen[p.ID] = true
		}
	}
}

func TestParseCleansGenericNewsFurniture(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "teasers, credits, reading time and sign-off are dropped",
			in: "› News\n\nA Headline About Things\n\n4 min read\n\nPhoto: Reuters\n\nThe first paragraph says something.\n\n" +
				"READ MORE: Another story\n\nThe second paragraph says more.\n\nWrite to Jane Doe at jane@example.com\n",
			want: []string{"The first paragraph says something.", "The second paragraph says more."},
		},
		{
			name: "everything after an end-of-article marker is dropped",
			in:   "One paragraph of the story.\nYou May Also Like\nA related story that is not this one.\n",
			want: []string{"One paragraph of the story."},
		},
		{
			name: "hard-wrapped lines join into one paragraph",
			in:   "This paragraph was wrapped\nat a fixed width by an editor\nand ends here.\n\nA second one.\n",
			want: []string{"This paragraph was wrapped at a fixed width by an editor and ends here.", "A second one."},
		},
		{
			name: "a sentence mentioning an agency is kept",
			in:   "Reuters reported the talks on Monday, citing two officials.\n",
			want: []string{"Reuters reported the talks on Monday, citing two officials."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := corpus.Parse("doc", "doc.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, p.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLongParagraphsSplitAtSentences(t *testing.T) {
	sentence := "The delegation travelled to the capital for talks on trade and security. "
	long := strings.Repeat(sentence, 60) // about 4,300 bytes
	d, err := corpus.Parse("long", "long.txt", []byte("Short opening paragraph.\n\n"+long+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paragraphs) < 4 {
		t.Fatalf("got %d chunks, want the long paragraph split into at least 3 parts", len(d.Paragraphs))
	}
	for i, p := range d.Paragraphs[1:] {
		if p.N != 2 || p.Part != i+1 {
			t.Errorf("chunk %d labelled ¶%s, want ¶2.%d", i+1, p.Label(), i+1)
		}
		if len(p.Text) > corpus.MaxParagraphBytes {
			t.Errorf("¶%s is %d bytes, over the %d limit", p.Label(), len(p.Text), corpus.MaxParagraphBytes)
		}
		if !strings.HasSuffix(p.Text, ".") || !strings.HasPrefix(p.Text, "The delegation") {
			t.Errorf("¶%s does not start and end on a sentence boundary: %.30q…", p.Label(), p.Text)
		}
		if p.ID != "long#p2."+string(rune('1'+i)) {
			t.Errorf("ID = %q", p.ID)
		}
	}
}

func TestNormalizeFoldsTypography(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim’s “blood alliance”", `kim's "blood alliance"`},
		{"Moscow―citing — and – more", "moscow-citing - and - more"},
		{"  Many\n\tspaces  ", "many spaces"},
	}
	for _, tt := range tests {
		if got := corpus.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
