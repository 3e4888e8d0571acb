package weaviate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/footnote-dev/footnote/retrieval"
)

// client speaks Weaviate's REST API to a list of nodes, failing over to
// the next node when one does not answer. Any node of a cluster serves any
// request: it forwards to the replicas that hold the data.
type client struct {
	endpoints []string
	apiKey    string
	http      *http.Client
	timeout   time.Duration
	// preferred is the node that answered last; requests start there so a
	// dead node costs one timeout, not one per request.
	preferred atomic.Int64
}

func newClient(endpoints []string, apiKey string, timeout time.Duration) (*client, error) {
	if len(endpoints) == 0 {
		return nil, errors.New("no Weaviate endpoints configured")
	}
	clean := make([]string, len(endpoints))
	for i, e := range endpoints {
		u, err := url.Parse(strings.TrimRight(e, "/"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			return nil, fmt.Errorf("weaviate endpoint %q must be an http(s) URL such as http://127.0.0.1:8080, without credentials", e)
		}
		clean[i] = u.String()
	}
	// No client-wide timeout: each call carries its own deadline.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 8
	return &client{endpoints: clean, apiKey: apiKey, http: &http.Client{Transport: tr}, timeout: timeout}, nil
}

// UnreachableError says that no node answered a request.
type UnreachableError struct {
	// Endpoints are the nodes tried, in order.
	Endpoints []string
	// Err is the last node's failure.
	Err error
	// refused is set when every node refused the connection: nothing
	// listens there, and waiting will not change that.
	refused bool
}

// Error names every endpoint tried and the last failure, on one line.
func (e *UnreachableError) Error() string {
	return fmt.Sprintf("weaviate is unreachable (tried %s): %v", strings.Join(e.Endpoints, ", "), e.Err)
}

// Unwrap makes the error match retrieval.ErrUnavailable and the cause.
func (e *UnreachableError) Unwrap() []error { return []error{retrieval.ErrUnavailable, e.Err} }

// statusError is a node's answer with an unexpected status.
type statusError struct {
	code int
	body string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("status %d: %s", e.code, e.body)
}

// retryable reports whether another node might succeed where this one
// failed: it did not answer, or answered that it cannot serve right now.
func retryable(err error) bool {
	if errors.Is(err, errNotFound) {
		return false // every node would say the same
	}
	var ue *UnreachableError
	if errors.As(err, &ue) && ue.refused {
		return false // no node is running at all
	}
	var se *statusError
	if errors.As(err, &se) {
		return se.code >= 500 || se.code == http.StatusTooManyRequests
	}
	return true
}

// do sends one request, trying each node in turn from the preferred one,
// and decodes a 2xx JSON answer into out (when not nil). A 404 is returned
// as errNotFound without trying other nodes.
func (c *client) do(ctx context.Context, method, path string, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
	}
	start := int(c.preferred.Load())
	var tried []string
	var last error
	refused := 0
	for i := range c.endpoints {
		n := (start + i) % len(c.endpoints)
		err := c.once(ctx, c.endpoints[n], method, path, payload, out)
		if err == nil {
			c.preferred.Store(int64(n))
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if !retryable(err) {
			return err
		}
		tried, last = append(tried, c.endpoints[n]), err
		if errors.Is(err, syscall.ECONNREFUSED) {
			refused++
		}
	}
	return &UnreachableError{Endpoints: tried, Err: last, refused: refused == len(tried)}
}

// errNotFound is a 404: the collection, alias or object does not exist.
var errNotFound = errors.New("not found")

// once sends a request to one node under the per-call timeout.
func (c *client) once(ctx context.Context, base, method, path string, payload []byte, out any) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+c.apiKey)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return redactURL(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return errNotFound
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return &statusError{code: resp.StatusCode, body: snippet(data)}
	case out == nil || len(data) == 0:
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}

// redactURL drops the query from a transport error's URL; ours carry no
// secrets, but a one-line error is easier to read without them.
func redactURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			u.RawQuery = ""
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}

// snippet is the start of an error body, on one line.
func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// graphQL runs a GraphQL query and decodes its data into out.
func (c *client) graphQL(ctx context.Context, query string, out any) error {
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := c.do(ctx, http.MethodPost, "/v1/graphql", map[string]string{"query": query}, &resp); err != nil {
		return err
	}
	if len(resp.Errors) > 0 {
		msgs := make([]string, len(resp.Errors))
		for i, e := range resp.Errors {
			msgs[i] = e.Message
		}
		return fmt.Errorf("graphql: %s", strings.Join(msgs, "; "))
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		return fmt.Errorf("decode graphql data: %w", err)
	}
	return nil
}
