package eval_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/eval"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		quotes []string
		want   []eval.Segment
	}{
		{"a straight-quoted quote marks curly quotes in the paragraph", paraParade, []string{`citing "security concerns"`},
			[]eval.Segment{{Text: "Kim Jong Un skipped the Victory Day parade in Moscow, ", Mark: false}, {Text: "citing “security concerns”", Mark: true}, {Text: " at home.", Mark: false}}},
		{"case and line breaks are folded", "Kim\nJONG Un left.", []string{"kim jong"},
			[]eval.Segment{{Text: "Kim\nJONG", Mark: true}, {Text: " Un left.", Mark: false}}},
		{"overlapping quotes merge into one mark", "abc def ghi", []string{"abc def", "def ghi"},
			[]eval.Segment{{Text: "abc def ghi", Mark: true}}},
		{"a quote found nowhere marks nothing", "abc", []string{"xyz"}, []eval.Segment{{Text: "abc", Mark: false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval.Highlight(tt.text, tt.quotes); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Highlight = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	html := renderHTML(t)
	for _, banned := range []string{"<script", "<link", "src=", "http://", "https://", "@import", "url("} {
		if strings.Contains(html, banned) {
			t.Errorf("the report contains %q: it must not fetch anything", banned)
		}
	}
	for _, raw := range []string{"<Kim's>", "<b>leaders</b>", "<b>twenty</b>"} {
		if strings.Contains(html, raw) {
			t.Errorf("the report contains %q unescaped", raw)
		}
	}
	if !strings.Contains(html, "<mark>citing “security concerns”</mark>") {
		t.Error("the evidence quote is not highlighted in the cited paragraph")
	}
	if strings.Index(html, `id="q-q2"`) > strings.Index(html, `id="q-q1"`) {
		t.Error("a failing question is listed after a passing one")
	}
}

// TestHTMLInBrowser opens the report in headless Chromium and checks
// that the metric table and the question rows are in the rendered DOM
// and that a screenshot can be taken.
func TestHTMLInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install -y chromium); skipping the browser check of the HTML report")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(renderHTML(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := runChromium(t, chromium, dir, "--dump-dom", "file://"+page)
	for _, want := range []string{`<table id="metrics">`, `data-key="hit1"`, `<tr class="question failed" id="q-q2">`, "What does juche mean?",
		`<section id="verdict" class="fail">`, "FAIL: 1 of 2 bars missed (exit 1)",
		`data-key="refusal-recall" data-status="fail"`, `data-key="hit1" data-status="pass"`, `class="target-mark"`,
		"unanswerable: refused, as it should", "unanswerable: answered; it should have refused",
		`<table id="flipped">`, `class="x-title"`, "latency per question (ms)", `class="y-title"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %q", want)
		}
	}
	shot := filepath.Join(dir, "report.png")
	runChromium(t, chromium, dir, "--screenshot="+shot, "--window-size=1280,1600", "file://"+page)
	if info, err := os.Stat(shot); err != nil || info.Size() == 0 {
		t.Errorf("no screenshot: %v", err)
	}
}

// runChromium runs headless Chromium with a fresh profile under a
// deadline and returns its stdout.
func runChromium(t *testing.T, chromium, dir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	profile, err := os.MkdirTemp(dir, "profile")
	if err != nil {
		t.Fatal(err)
	}
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--user-data-dir=" + profile}
	cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", args[0], err, stderr.String())
	}
	return stdout.String()
}

// TestHTMLVerdictIsAboveTheFold renders the report in a 1280×800 window
// and checks the verdict both ways a reader would meet it: its box lies
// within the first screen (measured in the DOM by a probe script added
// to a copy of the page, since the report itself has no scripts), and the
// screenshot of that screen shows its red border where the box is.
func TestHTMLVerdictIsAboveTheFold(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install -y chromium); skipping the browser check of the HTML report")
	}
	dir := t.TempDir()
	html := renderHTML(t)
	page, probe := filepath.Join(dir, "report.html"), filepath.Join(dir, "probe.html")
	script := `<script>const r = document.getElementById("verdict").getBoundingClientRect();` +
		`document.body.setAttribute("data-verdict-box", [r.left, r.top, r.width, r.height].map(Math.round).join(","));</script>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(probe, []byte(strings.Replace(html, "</body>", script+"</body>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := runChromium(t, chromium, dir, "--window-size=1280,800", "--dump-dom", "file://"+probe)
	m := regexp.MustCompile(`data-verdict-box="(\d+),(\d+),(\d+),(\d+)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatal("the probe found no verdict box")
	}
	box := image.Rect(atoi(t, m[1]), atoi(t, m[2]), atoi(t, m[1])+atoi(t, m[3]), atoi(t, m[2])+atoi(t, m[4]))
	if box.Dx() < 300 || box.Dy() < 30 || box.Min.Y < 0 || box.Max.Y > 800 {
		t.Fatalf("verdict box %v: want it whole within the first 1280×800 screen", box)
	}
	shot := filepath.Join(dir, "fold.png")
	runChromium(t, chromium, dir, "--window-size=1280,800", "--screenshot="+shot, "file://"+page)
	red := borderPixels(t, shot, box, color.RGBA{0xb4, 0x23, 0x18, 0xff})
	// The 2-pixel border around the box is thousands of pixels; a few
	// hundred leave room for anti-aliasing and rounded corners.
	if red < 2*(box.Dx()+box.Dy()) {
		t.Errorf("the screenshot shows %d pixels of the verdict's red border in %v; want its outline", red, box)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// borderPixels counts the pixels of the PNG at path, within box, that are
// close to want.
func borderPixels(t *testing.T, path string, box image.Rectangle, want color.RGBA) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	near := func(a uint32, b uint8) bool { d := int(a>>8) - int(b); return d > -24 && d < 24 }
	n := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r, want.R) && near(g, want.G) && near(b, want.B) {
				n++
			}
		}
	}
	return n
}

func renderHTML(t *testing.T) string {
	t.Helper()
	rep := sampleReport()
	c := eval.Calibrate(rep.Questions, 0.4, rep.Threshold)
	rep.Calibration = &c
	// Before, q1 abstained: it flips to passing.
	before := sampleObservations()
	before[0].Answer.Abstained, before[0].Answer.Text, before[0].Answer.Citations = true, "The corpus doesn't say.", nil
	cmp := eval.Compare(eval.Score(before, eval.Settings{Fixtures: "sample.jsonl", K: 2}), rep, "prev.json")
	rep.Comparison = &cmp
	v, _, err := eval.Hold(rep, []eval.Bar{{Key: eval.KeyHit1, Limit: 0.5}, {Key: eval.KeyRefusalRecall, Limit: 0.9}})
	if err != nil {
		t.Fatal(err)
	}
	rep.Verdict = &v
	var buf bytes.Buffer
	if err := eval.WriteHTML(&buf, rep); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestHTMLShowsTheVerifiersDecisionPerSentence(t *testing.T) {
	obs := sampleObservations()[:1]
	obs[0].Answer.Mode = answer.LLM
	obs[0].Answer.Verification = []answer.SentenceCheck{
		{Sentence: "He cited security concerns [1].", Kept: true, Reason: answer.ReasonSupported, Cited: []int{1}, Citations: []int{1}},
		{Sentence: "Twenty <b>delegations</b> came [1].", Reason: answer.ReasonNumber, Detail: "20", Cited: []int{1}, Citations: []int{}},
	}
	rep := eval.Score(obs, eval.Settings{Fixtures: "llm.jsonl", K: 2, Threshold: 0.25, Workers: 1})
	if got := rep.Questions[0].Verification; len(got) != 2 {
		t.Fatalf("the row carries %d decisions, want 2", len(got))
	}
	var buf bytes.Buffer
	if err := eval.WriteHTML(&buf, rep); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{`<li class="kept">kept <span class="tag">supported</span>`, `<li class="removed">removed <span class="tag">number_missing: 20</span>`, "Twenty &lt;b&gt;delegations&lt;/b&gt; came"} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestHTMLShowsTheGateSignalsOfAFailingQuestion(t *testing.T) {
	rep := eval.Score([]eval.Observation{{
		Fixture: eval.Fixture{ID: "q1", Question: "What is the capital of France?"},
		Answer: answer.Answer{Text: "Putin invited Kim to the Russian capital. [1]", Evidence: 0.6,
			Citations: []answer.Citation{{N: 1, Text: "Putin invited Kim to the Russian capital."}},
			Gate:      &answer.Gate{Probability: 0.6, Threshold: 0.3, Signals: answer.Signals{UnknownNames: 1}}},
	}}, eval.Settings{K: 5, Threshold: 0.3})
	var buf bytes.Buffer
	if err := eval.WriteHTML(&buf, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"evidence score 0.600", "gate: threshold 0.300", "unknown_names 1.00"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}
