package answer

import (
	"testing"

	"github.com/footnote-dev/footnote/internal/openaiapi"
)

// TestEachServerGetsTheLengthFieldItReads: OpenAI deprecated max_tokens
// for max_completion_tokens, which Ollama's OpenAI layer ignores.
func TestEachServerGetsTheLengthFieldItReads(t *testing.T) {
	tests := []struct {
		name                string
		baseURL             string
		maxTokens, maxCompl int
	}{
		{"OpenAI gets max_completion_tokens", "", 0, 300},
		{"OpenAI named explicitly too", openaiapi.DefaultBaseURL, 0, 300},
		{"a local server gets max_tokens", "http://127.0.0.1:11434/v1", 300, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := NewOpenAIGenerator(openaiapi.Config{BaseURL: tt.baseURL, APIKey: "x", MaxTokens: 300}).request()
			if req.MaxTokens != tt.maxTokens || req.MaxCompletionTokens != tt.maxCompl { //nolint:staticcheck // reading the deprecated field is the test
				t.Errorf("max_tokens %d, max_completion_tokens %d; want %d and %d", req.MaxTokens, req.MaxCompletionTokens, tt.maxTokens, tt.maxCompl) //nolint:staticcheck // as above
			}
		})
	}
}
