package fakeopenai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Text replies with content as a complete answer: one JSON completion, or
// for a streaming request a few SSE chunks, a final chunk with
// finish_reason "stop", and "data: [DONE]".
func Text(content string) Reply {
	return Model(func(openai.ChatCompletionRequest) string { return content })
}

// Model replies with whatever model computes from the request, as Text
// does: a scripted stand-in for a language model.
func Model(model func(req openai.ChatCompletionRequest) string) Reply {
	return func(w http.ResponseWriter, _ *http.Request, c Call) {
		content := model(*c.Chat)
		if !c.Chat.Stream {
			writeJSON(w, completion(c.Chat.Model, content))
			return
		}
		stream(w, c.Chat.Model, content, true)
	}
}

// Cut streams the first words of content and closes the connection
// without a finish reason or [DONE], as a server that crashed mid-answer.
func Cut(content string) Reply {
	return func(w http.ResponseWriter, _ *http.Request, c Call) {
		stream(w, c.Chat.Model, content, false)
	}
}

// Status replies with an HTTP error status and an OpenAI-style error body;
// header is pairs of header names and values, e.g. "Retry-After", "1".
func Status(code int, message string, header ...string) Reply {
	return func(w http.ResponseWriter, _ *http.Request, _ Call) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		body := map[string]any{"error": map[string]any{"message": message, "type": "fake_error"}}
		_ = json.NewEncoder(w).Encode(body)
	}
}

// Hang never answers: it holds the request until the client gives up, as
// a server too slow for the client's timeout.
func Hang() Reply {
	return func(_ http.ResponseWriter, r *http.Request, _ Call) {
		<-r.Context().Done()
	}
}

// Embedder computes vectors; retrieval.LocalEmbedder is one.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// Vectors answers an embeddings request with emb's vectors, one per input,
// listed in input order with their indexes.
func Vectors(emb Embedder) Reply {
	return func(w http.ResponseWriter, r *http.Request, c Call) {
		vecs, err := emb.Embed(r.Context(), c.Embed.Input)
		if err != nil {
			Status(http.StatusInternalServerError, err.Error())(w, r, c)
			return
		}
		resp := openai.EmbeddingResponse{Object: "list", Model: openai.EmbeddingModel(c.Embed.Model)}
		for i, v := range vecs {
			resp.Data = append(resp.Data, openai.Embedding{Object: "embedding", Index: i, Embedding: v})
		}
		writeJSON(w, resp)
	}
}

func completion(model, content string) openai.ChatCompletionResponse {
	return openai.ChatCompletionResponse{
		ID: "chatcmpl-fake", Object: "chat.completion", Model: model,
		Choices: []openai.ChatCompletionChoice{{
			Message:      openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: content},
			FinishReason: openai.FinishReasonStop,
		}},
	}
}

// StreamEnding streams all of content, then a chunk with finish_reason
// "stop" only when finish is set and "data: [DONE]" only when done is:
// servers differ in which of the two they send.
func StreamEnding(content string, finish, done bool) Reply {
	return func(w http.ResponseWriter, _ *http.Request, c Call) {
		streamWords(w, c.Chat.Model, strings.SplitAfter(content, " "), finish, done)
	}
}

// stream writes content as SSE chunks of a few words. When complete, a
// final chunk with finish_reason "stop" and [DONE] follow; otherwise only
// the first half of the words is sent before the handler returns, which
// closes the response without either.
func stream(w http.ResponseWriter, model, content string, complete bool) {
	words := strings.SplitAfter(content, " ")
	if !complete {
		words = words[:len(words)/2]
	}
	streamWords(w, model, words, complete, complete)
}

func streamWords(w http.ResponseWriter, model string, words []string, finish, done bool) {
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	for i := 0; i < len(words); i += 3 {
		chunk := strings.Join(words[i:min(i+3, len(words))], "")
		writeEvent(w, delta(model, chunk, ""))
		if flusher != nil {
			flusher.Flush()
		}
	}
	if finish {
		writeEvent(w, delta(model, "", openai.FinishReasonStop))
	}
	if done {
		fmt.Fprint(w, "data: [DONE]\n\n")
	}
}

func delta(model, content string, finish openai.FinishReason) openai.ChatCompletionStreamResponse {
	return openai.ChatCompletionStreamResponse{
		ID: "chatcmpl-fake", Object: "chat.completion.chunk", Model: model,
		Choices: []openai.ChatCompletionStreamChoice{{
			Delta:        openai.ChatCompletionStreamChoiceDelta{Content: content},
			FinishReason: finish,
		}},
	}
}

func writeEvent(w http.ResponseWriter, v any) {
	b, _ := json.Marshal(v)
	fmt.Fprintf(w, "data: %s\n\n", b)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// decodeEmbed reads an embeddings body whose input is a string or a list.
func decodeEmbed(body []byte) (*EmbedRequest, error) {
	var raw struct {
		Model string          `json:"model"`
		Input json.RawMessage `json:"input"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, fmt.Errorf("body is not an embeddings request: %w", err)
	}
	e := &EmbedRequest{Model: raw.Model}
	var one string
	if err := json.Unmarshal(raw.Input, &e.Input); err != nil {
		if err := json.Unmarshal(raw.Input, &one); err != nil {
			return nil, errors.New("input is neither a string nor a list of strings")
		}
		e.Input = []string{one}
	}
	if len(e.Input) == 0 {
		return nil, errors.New("empty input")
	}
	return e, nil
}
