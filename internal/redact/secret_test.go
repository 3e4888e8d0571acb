package redact_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/footnote-dev/footnote/internal/redact"
)

func TestSecretNeverPrintsItsValue(t *testing.T) {
	const value = "sk-live-0123456789abcdef"
	type config struct {
		BaseURL string
		APIKey  redact.Secret
	}
	cfg := config{BaseURL: "http://127.0.0.1:1/v1", APIKey: value}
	js, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "key", cfg.APIKey, "cfg", cfg)
	tests := []struct{ name, out string }{
		{"%v of the struct", fmt.Sprintf("%v", cfg)},
		{"%+v of the struct", fmt.Sprintf("%+v", cfg)},
		{"%#v of the struct", fmt.Sprintf("%#v", cfg)},
		{"%s of the secret", fmt.Sprintf("%s", cfg.APIKey)},
		{"%q of the secret", fmt.Sprintf("%q", cfg.APIKey)},
		{"%x of the secret", fmt.Sprintf("%x", cfg.APIKey)},
		{"an error wrapping it", fmt.Errorf("call with %v: %w", cfg.APIKey, fmt.Errorf("boom")).Error()},
		{"JSON", string(js)},
		{"slog", logged.String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(tt.out, value) || strings.Contains(tt.out, fmt.Sprintf("%x", value)) || !strings.Contains(tt.out, redact.Mask) {
				t.Errorf("%q: want the mask and never the value", tt.out)
			}
		})
	}
	if cfg.APIKey.Reveal() != value {
		t.Error("Reveal does not return the secret")
	}
}
