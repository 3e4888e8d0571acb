package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/internal/fakeopenai"
)

// terminalWait bounds how long a terminal test waits for output.
const terminalWait = 20 * time.Second

// recorder is a stdout that keeps every write and can be waited on.
type recorder struct {
	mu      sync.Mutex
	writes  []string
	changed chan struct{}
}

func newRecorder() *recorder { return &recorder{changed: make(chan struct{})} }

func (r *recorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes = append(r.writes, string(p))
	close(r.changed)
	r.changed = make(chan struct{})
	return len(p), nil
}

func (r *recorder) all() (string, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.writes, ""), append([]string(nil), r.writes...)
}

// waitFor waits until the output so far satisfies cond, and reports
// whether it did within terminalWait.
func (r *recorder) waitFor(cond func(string) bool) bool {
	deadline := time.After(terminalWait)
	for {
		r.mu.Lock()
		out, ch := strings.Join(r.writes, ""), r.changed
		r.mu.Unlock()
		if cond(out) {
			return true
		}
		select {
		case <-ch:
		case <-deadline:
			return false
		}
	}
}

// onTerminal runs the CLI in the background with stdout a terminal; the
// returned channel yields its exit code.
func onTerminal(t *testing.T, env map[string]string, args ...string) (*recorder, *bytes.Buffer, <-chan int) {
	t.Helper()
	out, errOut := newRecorder(), &bytes.Buffer{}
	var environ []string
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	a := &app{stdout: out, environ: environ, terminal: func(w io.Writer) bool { return w == io.Writer(out) }}
	done := make(chan int, 1)
	go func() {
		done <- exitCode(runApp(context.Background(), a, args, errOut), errOut)
	}()
	return out, errOut, done
}

func TestAskOnATerminalPrintsOnlyVerifiedSentencesAsTheyComplete(t *testing.T) {
	srv, env := openAIEnv(t)
	env["FOOTNOTE_INDEX_DIR"] = filepath.Join(t.TempDir(), "index") // shared: build it once
	f := fakeopenai.Luncheon()
	for _, r := range f.Replies() {
		t.Run(r.Name, func(t *testing.T) {
			release := make(chan struct{})
			srv.Chat(fakeopenai.PausedAt(r.Reply, 5*time.Millisecond, throughNextWord(r.Reply, f.Claims[0]), release))
			out, errOut, done := onTerminal(t, env, "ask", f.Question)
			if !out.waitFor(func(s string) bool { return strings.HasPrefix(s, f.Claims[0]) }) {
				t.Errorf("the first verified sentence was not printed while the model held its reply")
			}
			close(release)
			select {
			case code := <-done:
				if code != 0 || errOut.Len() > 0 {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
			case <-time.After(terminalWait):
				t.Fatal("footnote ask did not finish")
			}
			tty, writes := out.all()
			for _, w := range writes {
				for _, inv := range f.Invented {
					if strings.Contains(w, claimText(inv)) {
						t.Errorf("the terminal was sent the invented sentence %q in %q", inv, w)
					}
				}
			}
			if len(writes) < 3 {
				t.Errorf("%d writes, want sentences printed one by one: %q", len(writes), writes)
			}
			srv.Chat(fakeopenai.Text(r.Reply))
			piped, _, _ := footnote(t, env, "ask", f.Question)
			if tty != piped {
				t.Errorf("terminal output:\n%s\nwant what piped output shows for the same reply:\n%s", tty, piped)
			}
			if calls := srv.ChatCalls(); calls[len(calls)-1].Chat.Stream {
				t.Error("piped output streamed: want one final answer from a plain call")
			}
			srv.Chat(fakeopenai.Text(r.Reply))
			js, _, _ := footnote(t, env, "ask", "--json", f.Question)
			if a := decodeLLMAnswer(t, js); a.Mode != "llm" || !strings.HasPrefix(tty, a.Answer+"\n\nSources\n") {
				t.Errorf("terminal output:\n%s\nwant the ask --json answer %q (mode %s), then its sources", tty, a.Answer, a.Mode)
			}
		})
	}
}

func TestAskJSONOnATerminalIsOneFinalAnswer(t *testing.T) {
	srv, env := openAIEnv(t)
	f := fakeopenai.Luncheon()
	srv.Chat(fakeopenai.Paced(strings.Join(f.Claims, " "), time.Millisecond))
	out, errOut, done := onTerminal(t, env, "ask", "--json", f.Question)
	if code := <-done; code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	text, writes := out.all()
	if a := decodeLLMAnswer(t, text); len(writes) != 1 || a.Mode != "llm" {
		t.Errorf("%d writes of mode %s, want one JSON answer", len(writes), a.Mode)
	}
	if c := srv.ChatCalls(); len(c) != 1 || c[0].Chat.Stream {
		t.Errorf("want one non-streaming chat call for --json")
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

// claimText is a sentence without its citation markers.
func claimText(sentence string) string {
	return strings.TrimSpace(regexp.MustCompile(`\s*\[\d+\]`).ReplaceAllString(sentence, ""))
}

func TestTerminalDetection(t *testing.T) {
	pipeR, pipeW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pipeR.Close()
	defer pipeW.Close()
	type terminalCase struct {
		name string
		w    io.Writer
		want bool
	}
	tests := []terminalCase{
		{"a pipe is not a terminal", pipeW, false},
		{"a buffer is not a terminal", &bytes.Buffer{}, false},
	}
	if pty, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0); err == nil {
		defer pty.Close()
		tests = append(tests, terminalCase{"a pseudo-terminal is a terminal", pty, true})
	} else {
		t.Logf("no pseudo-terminal to test with: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isTerminal(tt.w); got != tt.want {
				t.Errorf("isTerminal = %v, want %v", got, tt.want)
			}
		})
	}
}
