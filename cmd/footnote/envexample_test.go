package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestEnvExampleListsExactlyTheKnownVariables keeps the one list of
// variables (knownVariables) true to both its readers: .env.example must
// list every name on it, commented out, and nothing else, and the code
// must read no FOOTNOTE_, OPENAI_ or DISCORD_ variable that is not on it
// (it would be warned about as unknown).
func TestEnvExampleListsExactlyTheKnownVariables(t *testing.T) {
	example, err := os.ReadFile("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, m := range regexp.MustCompile(`(?m)^#?((?:FOOTNOTE|OPENAI|DISCORD)_[A-Z_]+)=`).FindAllStringSubmatch(string(example), -1) {
		listed = append(listed, m[1])
	}
	known := slices.Clone(knownVariables())
	sort.Strings(listed)
	sort.Strings(known)
	if !slices.Equal(listed, known) {
		t.Errorf(".env.example lists\n  %v\nknownVariables has\n  %v", listed, known)
	}
	read := variablesReadByTheCode(t)
	if len(read) < 10 {
		t.Fatalf("found only %d variables in the code; is the walk wrong?", len(read))
	}
	for v, path := range read {
		if !slices.Contains(known, v) {
			t.Errorf("%s (read in %s) is missing from knownVariables", v, path)
		}
	}
}

// variablesReadByTheCode finds every quoted variable name in the non-test
// Go files of the module.
func variablesReadByTheCode(t *testing.T) map[string]string {
	t.Helper()
	name := regexp.MustCompile(`"((?:FOOTNOTE|OPENAI|DISCORD)_[A-Z_]+)"`)
	read := map[string]string{}
	err := filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		for _, m := range name.FindAllStringSubmatch(string(src), -1) {
			read[m[1]] = path
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return read
}

func TestUnknownVariablesAreWarnedAboutOnceWithTheNearestName(t *testing.T) {
	tests := []struct {
		name, dotenv string
		env          map[string]string
		want         []string
	}{
		{"a misspelt corpus variable in the environment", "", map[string]string{"FOOTNOTE_CORPUS": "/tmp/x"},
			[]string{"FOOTNOTE_CORPUS (in the environment) is not a footnote setting and is ignored; did you mean FOOTNOTE_CORPUS_DIR?"}},
		{"a misspelt token in .env", "DISCORD_TOKNE=x\n", nil,
			[]string{"DISCORD_TOKNE (in .env) is not a footnote setting and is ignored; did you mean DISCORD_TOKEN?"}},
		{"the same name in both places, named once", "FOOTNOTE_TOPK=3\n", map[string]string{"FOOTNOTE_TOPK": "3"},
			[]string{"FOOTNOTE_TOPK (in the environment) is not a footnote setting and is ignored; did you mean FOOTNOTE_TOP_K?"}},
		{"known names and other tools' variables", "FOOTNOTE_TOP_K=3\n", map[string]string{"OPENAI_ORG_ID": "x", "HOME": "/root"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.dotenv != "" {
				if err := os.WriteFile(".env", []byte(tt.dotenv), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			_, errOut, code := footnote(t, tt.env, "search", "-k", "1", "Kim")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
				if line != "" {
					got = append(got, strings.TrimPrefix(line, "footnote: "))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("stderr lines\n  %q\nwant\n  %q", got, tt.want)
			}
		})
	}
}
