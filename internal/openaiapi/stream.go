package openaiapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync/atomic"
)

// StreamWatch learns whether a server-sent event stream ended with the
// "data: [DONE]" event. go-openai reports io.EOF both for [DONE] and for a
// connection that simply closed, so a cut stream would pass for a complete
// answer; the watch tells them apart.
type StreamWatch struct {
	done atomic.Bool
}

// Done reports whether the stream carried its [DONE] event.
func (w *StreamWatch) Done() bool { return w.done.Load() }

type watchKey struct{}

// WithStreamWatch returns a context under which the response of a request
// sent by a NewClient client is watched for [DONE], and the watch.
func WithStreamWatch(ctx context.Context) (context.Context, *StreamWatch) {
	w := &StreamWatch{}
	return context.WithValue(ctx, watchKey{}, w), w
}

// watch wraps a successful response's body when its request's context
// carries a StreamWatch.
func watch(ctx context.Context, resp *http.Response) *http.Response {
	w, ok := ctx.Value(watchKey{}).(*StreamWatch)
	if !ok || resp == nil || resp.StatusCode >= 300 {
		return resp
	}
	resp.Body = &doneScanner{ReadCloser: resp.Body, watch: w}
	return resp
}

// doneMarker is the final event of an OpenAI stream.
var doneMarker = []byte("data: [DONE]")

// doneScanner passes the body through, looking for doneMarker, including
// one split across two reads.
type doneScanner struct {
	io.ReadCloser
	watch *StreamWatch
	tail  []byte
}

func (s *doneScanner) Read(p []byte) (int, error) {
	n, err := s.ReadCloser.Read(p)
	if n > 0 && !s.watch.Done() {
		buf := append(s.tail, p[:n]...)
		if bytes.Contains(buf, doneMarker) || bytes.Contains(buf, []byte("data:[DONE]")) {
			s.watch.done.Store(true)
		}
		s.tail = append(s.tail[:0], buf[max(0, len(buf)-len(doneMarker)):]...)
	}
	return n, err
}
