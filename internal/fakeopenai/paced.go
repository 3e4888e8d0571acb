package fakeopenai

import (
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Paced replies with content as a model writing at its pace does: a
// streaming request gets one word per chunk with delay before each, then
// finish_reason "stop" and [DONE]; a plain request gets the whole reply
// once the same time has passed. Paced(reply, 30*time.Millisecond) is a
// scripted reply streamed at about 30 words a second.
func Paced(content string, delay time.Duration) Reply {
	return Streamed(func(openai.ChatCompletionRequest) string { return content }, Words, delay)
}

// Words splits content into the chunks Paced streams: each word with the
// space after it, so that the chunks join back into content.
func Words(content string) []string {
	return strings.SplitAfter(content, " ")
}

// Streamed replies with what model computes from the request, cut into
// chunks by split (which must join back into the reply) and streamed with
// delay before each chunk, then completed; a plain request gets the whole
// reply after the same total delay. A client that goes away ends the
// reply early.
func Streamed(model func(req openai.ChatCompletionRequest) string, split func(string) []string, delay time.Duration) Reply {
	return func(w http.ResponseWriter, r *http.Request, c Call) {
		streamChunks(w, r, c, split(model(*c.Chat)), delay, nil)
	}
}

// PausedAt is Paced, except that once the words streamed so far reach
// prefix, it holds the rest of the reply until release is closed: a test
// can then wait, without a clock, for what a client shows of a reply that
// has not ended.
func PausedAt(content string, delay time.Duration, prefix string, release <-chan struct{}) Reply {
	return func(w http.ResponseWriter, r *http.Request, c Call) {
		held := false
		hold := func(sent string) bool {
			if held || len(sent) < len(prefix) {
				return true
			}
			held = true
			select {
			case <-release:
				return true
			case <-r.Context().Done():
				return false
			}
		}
		streamChunks(w, r, c, Words(content), delay, hold)
	}
}

// streamChunks streams chunks, or sends them joined to a plain request.
// hold, when set, sees the text sent so far after each chunk and may
// wait; it reports whether to go on.
func streamChunks(w http.ResponseWriter, r *http.Request, c Call, chunks []string, delay time.Duration, hold func(sent string) bool) {
	content := strings.Join(chunks, "")
	if !c.Chat.Stream {
		if wait(r, time.Duration(len(chunks))*delay) && (hold == nil || hold(content)) {
			writeJSON(w, completion(c.Chat.Model, content))
		}
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	sent := ""
	for _, chunk := range chunks {
		if !wait(r, delay) {
			return
		}
		writeEvent(w, delta(c.Chat.Model, chunk, ""))
		if flusher != nil {
			flusher.Flush()
		}
		sent += chunk
		if hold != nil && !hold(sent) {
			return
		}
	}
	writeEvent(w, delta(c.Chat.Model, "", openai.FinishReasonStop))
	_, _ = w.Write([]byte("data: [DONE]\n\n"))
}

// Prompt reads footnote's answer prompt from a chat request: the question
// and the text of sources [1]..[n]. ok is false for another prompt.
func Prompt(req openai.ChatCompletionRequest) (question string, sources []string, ok bool) {
	if len(req.Messages) == 0 {
		return "", nil, false
	}
	prompt := req.Messages[len(req.Messages)-1].Content
	qm := questionTag.FindStringSubmatch(prompt)
	if qm == nil {
		return "", nil, false
	}
	for _, m := range sourceTag.FindAllStringSubmatch(prompt, -1) {
		sources = append(sources, unescape.Replace(m[2]))
	}
	return unescape.Replace(qm[1]), sources, true
}

// wait waits d unless the request ends first, and reports whether it did.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return r.Context().Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
