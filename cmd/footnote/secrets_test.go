package main

import (
	"os"
	"strings"
	"testing"
)

const (
	dotenvToken = "MTIz.dotenv-token-never-printed"
	dotenvKey   = "dotenv-key-without-a-prefix-42"
)

func TestDotenvErrorsNameTheLineAndNoContent(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"a setting without =", "FOOTNOTE_TOP_K 5\nDISCORD_TOKEN=" + dotenvToken + "\nOPENAI_API_KEY=" + dotenvKey + "\n", ".env: line 1 "},
		{"a bad line after good ones", "# settings\nDISCORD_TOKEN=" + dotenvToken + "\n\nnot a setting\nOPENAI_API_KEY=" + dotenvKey + "\n", ".env: line 4 "},
		{"a quote that never closes", "FOOTNOTE_TOP_K=\"5\nDISCORD_TOKEN=" + dotenvToken + "\nOPENAI_API_KEY=" + dotenvKey + "\n", ".env: line 1 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.WriteFile(".env", []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
			_, errOut, code := footnote(t, nil, "bot")
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want a usage error (2) naming %q", code, errOut, tt.want)
			}
			for _, s := range []string{dotenvToken, dotenvKey, "FOOTNOTE_TOP_K"} {
				if strings.Contains(errOut, s) {
					t.Errorf("stderr %q quotes the file (%q)", errOut, s)
				}
			}
		})
	}
}

func TestDotenvAcceptsWhatGodotenvAccepts(t *testing.T) {
	file := "# comment\nexport FOOTNOTE_TOP_K=3\nFOOTNOTE_CHAT_MODEL: m\nA=\"multi\nline\"\nB='x # y'\n  C = d # trailing\n\n"
	if line := badDotenvLine([]byte(file)); line != 0 {
		t.Errorf("line %d reported bad in a valid file", line)
	}
}

func TestBaseURLUserinfoStaysOutOfStderrAndJSON(t *testing.T) {
	const user = "KEYINURL0123456789"
	env := map[string]string{
		// Port 1 on loopback refuses at once: the error quotes the URL.
		"OPENAI_BASE_URL": "http://" + user + "@127.0.0.1:1/v1", "FOOTNOTE_LLM_TIMEOUT": "3s",
	}
	out, errOut, code := footnote(t, env, "ask", "--json", "What does juche mean?")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "fallback_reason") {
		t.Fatalf("no fallback_reason in %s", out)
	}
	if strings.Contains(out, user) || strings.Contains(errOut, user) {
		t.Errorf("the URL's userinfo is printed:\nstdout %s\nstderr %s", out, errOut)
	}
}

func TestErrorsNeverPrintAConfiguredKey(t *testing.T) {
	// A key of no recognisable shape, in an error footnote returns: the
	// embedder setting is wrong, and the message quotes it.
	const key = "plain-secret-value-99"
	env := map[string]string{"OPENAI_API_KEY": key, "FOOTNOTE_EMBEDDER": key}
	_, errOut, code := footnote(t, env, "search", "juche")
	if code != 2 || strings.Contains(errOut, key) {
		t.Errorf("exit %d, stderr %q; want a usage error without the key", code, errOut)
	}
}
