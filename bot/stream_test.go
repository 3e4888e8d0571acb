package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/bot"
	"github.com/footnote-dev/footnote/corpus"
	"github.com/footnote-dev/footnote/internal/fakediscord"
	"github.com/footnote-dev/footnote/internal/fakeopenai"
	"github.com/footnote-dev/footnote/internal/openaiapi"
	"github.com/footnote-dev/footnote/retrieval"
)

// wordDelay paces the fake model between words.
const wordDelay = 10 * time.Millisecond

// Discord's message edit bucket: about five edits per five seconds.
const (
	discordEdits  = 5
	discordWindow = 5 * time.Second
)

// llmEngine is the real engine over the built-in corpus, answering with
// an LLM reached at a new fake OpenAI-compatible server.
func llmEngine(t testing.TB) (*answer.Engine, *fakeopenai.Server) {
	t.Helper()
	const key, model = "sk-bot-stream-test-0123456789", "fake-chat"
	srv := fakeopenai.New(t, fakeopenai.Options{APIKey: key, ChatModel: model})
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := retrieval.Open(context.Background(), c, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gen := answer.NewOpenAIGenerator(openaiapi.Config{BaseURL: srv.URL, APIKey: key, ChatModel: model, Timeout: 20 * time.Second})
	return &answer.Engine{Retriever: ix, Generator: gen}, srv
}

// TestStreamedAnswersShowOnlyVerifiedSentences streams replies with an
// invented, cited sentence first, in the middle and last, at a model's
// pace, and checks every message and edit the fake Discord received. The
// model holds the rest of its reply once the first true sentence is
// complete, until Discord shows that sentence: so it must appear while the
// reply is still being written.
func TestStreamedAnswersShowOnlyVerifiedSentences(t *testing.T) {
	eng, srv := llmEngine(t)
	h := startBot(t, bot.Config{}, eng)
	f := fakeopenai.Luncheon()
	for i, r := range f.Replies() {
		t.Run(r.Name, func(t *testing.T) {
			release := make(chan struct{})
			srv.Chat(fakeopenai.PausedAt(r.Reply, wordDelay, throughNextWord(r.Reply, f.Claims[0]), release))
			id := h.fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: fmt.Sprint("u-stream-", i), Question: f.Question})
			shown := editStarts(h, id, f.Claims[0])
			close(release)
			if !shown {
				t.Errorf("the first verified sentence was not shown while the reply was held; edits: %q", originalEdits(h.fd, id))
			}
			final := h.answerOf(t, id)
			edits := originalEdits(h.fd, id)

			for _, s := range h.fd.SentMessages() {
				for _, inv := range f.Invented {
					if strings.Contains(s.Content, claimText(inv)) {
						t.Errorf("Discord received the invented sentence %q in:\n%s", inv, s.Content)
					}
				}
			}
			srv.Chat(fakeopenai.Text(r.Reply))
			plain, err := eng.Ask(context.Background(), answer.Request{Question: f.Question})
			if err != nil {
				t.Fatal(err)
			}
			if want := bot.Render(plain); len(want) != 1 || final.Content != want[0] {
				t.Errorf("final message:\n%s\nwant what ask --json gives for the same reply, rendered:\n%s", final.Content, strings.Join(want, "\n---\n"))
			}
			checkEdits(t, edits, plain.Text)
		})
	}
}

// throughNextWord returns reply up to the end of the word after sentence,
// with its space: the point where sentence is complete.
func throughNextWord(reply, sentence string) string {
	end := strings.Index(reply, sentence) + len(sentence) + 1
	next := strings.IndexByte(reply[end:], ' ')
	if next < 0 {
		return reply
	}
	return reply[:end+next+1]
}

func isOriginalEdit(r fakediscord.Request, id string) bool {
	return r.Method == "PATCH" && strings.Contains(r.Path, "/itoken-"+id+"/messages/@original")
}

func contentOf(r fakediscord.Request) string {
	var body struct{ Content string }
	_ = json.Unmarshal(r.Body, &body)
	return body.Content
}

// edit is one PATCH of an answer message.
type edit struct {
	at      time.Time
	content string
}

func (e edit) String() string { return e.content }

// originalEdits returns the edits of interaction id's original response.
func originalEdits(fd *fakediscord.Server, id string) []edit {
	var out []edit
	for _, s := range fd.SentMessages() {
		if isOriginalEdit(s.Request, id) {
			out = append(out, edit{at: s.Request.At, content: s.Content})
		}
	}
	return out
}

// checkEdits checks the partial edits before the final one: each shows a
// status line or whole sentences the final text begins with; a verified
// sentence was shown before the end; they come at most once a second and,
// with the final edit, within Discord's edit bucket.
func checkEdits(t *testing.T, edits []edit, finalText string) {
	t.Helper()
	if len(edits) < 2 {
		t.Fatalf("%d edits, want partial edits before the final one", len(edits))
	}
	partial := edits[:len(edits)-1]
	showedText := false
	for i, e := range partial {
		text, isText := strings.CutSuffix(e.content, " …")
		switch {
		case statusLine.MatchString(e.content):
		case !isText || !wholeSentencesOf(finalText, text):
			t.Errorf("partial edit %d shows %q, which is neither a status nor the start of the final text %q", i, e.content, finalText)
		default:
			showedText = true
		}
		if i > 0 && e.at.Sub(partial[i-1].at) < time.Second {
			t.Errorf("partial edits %d and %d only %v apart", i-1, i, e.at.Sub(partial[i-1].at))
		}
	}
	if !showedText {
		t.Errorf("no partial edit showed a verified sentence: %q", partial)
	}
	for i := range edits {
		n := 0
		for _, e := range edits[i:] {
			if e.at.Sub(edits[i].at) < discordWindow {
				n++
			}
		}
		if n > discordEdits {
			t.Errorf("%d edits within %v from edit %d, Discord allows %d", n, discordWindow, i, discordEdits)
		}
	}
}

// statusLine matches what the bot shows before any sentence has passed.
var statusLine = regexp.MustCompile(`^(Looking through the articles…|Reading \d+ sources?…|Checking the answer…)$`)

// wholeSentencesOf reports whether shown is text's first sentences, whole.
func wholeSentencesOf(text, shown string) bool {
	rest, ok := strings.CutPrefix(text, shown)
	return ok && shown != "" && (rest == "" || rest[0] == ' ' || rest[0] == '\n')
}

// claimText is a sentence without its citation markers.
func claimText(sentence string) string {
	return strings.TrimSpace(regexp.MustCompile(`\s*\[\d+\]`).ReplaceAllString(sentence, ""))
}

// TestWithAJudgeStreamedSentencesAreMarkedChecking streams a reply whose
// second sentence the LLM judge then rejects: Discord may show it only
// marked "checking…", and the final message leaves it out.
func TestWithAJudgeStreamedSentencesAreMarkedChecking(t *testing.T) {
	eng, srv := llmEngine(t)
	eng.Judge = answer.LLMJudge{Generator: eng.Generator}
	h := startBot(t, bot.Config{}, eng)
	f := fakeopenai.Luncheon()
	reply := strings.Join(f.Claims, " ")
	release := make(chan struct{})
	srv.Chat(fakeopenai.PausedAt(reply, wordDelay, throughNextWord(reply, f.Claims[0]), release),
		fakeopenai.Text(`{"verdicts": [{"id": 1, "verdict": "supported"}, {"id": 2, "verdict": "unsupported", "why": "not stated"}, {"id": 3, "verdict": "supported"}]}`))
	id := h.fd.Ask(fakediscord.Ask{ChannelID: h.channel, UserID: "u-judge", Question: f.Question})
	shown := editStarts(h, id, f.Claims[0])
	close(release)
	if !shown {
		t.Errorf("the first sentence was not shown while the reply was held; edits: %q", originalEdits(h.fd, id))
	}
	final := h.answerOf(t, id)
	edits := originalEdits(h.fd, id)
	for _, e := range edits[:len(edits)-1] {
		if !statusLine.MatchString(e.content) && !strings.HasSuffix(e.content, "\n-# checking…") {
			t.Errorf("partial edit %q shows text without the checking mark", e.content)
		}
	}
	words := func(claim string) string { return strings.SplitN(claim, " [", 2)[0] }
	if strings.Contains(final.Content, words(f.Claims[1])) || !strings.Contains(final.Content, words(f.Claims[2])) {
		t.Errorf("final message:\n%s\nwant the judge's rejection of %q applied", final.Content, f.Claims[1])
	}
}

// editStarts waits until an edit of the answer to interaction id begins
// with prefix, and reports whether one did before waitFor ran out.
func editStarts(h *harness, id, prefix string) bool {
	return h.fd.WaitOK(waitFor, func(v fakediscord.View) bool {
		for _, req := range v.Requests() {
			if isOriginalEdit(req, id) && strings.HasPrefix(contentOf(req), prefix) {
				return true
			}
		}
		return false
	})
}
