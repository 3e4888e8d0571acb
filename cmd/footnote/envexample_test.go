package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEnvExampleListsEveryVariable keeps .env.example complete: every
// FOOTNOTE_, OPENAI_ and DISCORD_ variable the code reads must appear
// there, commented out, with its comment line above it.
func TestEnvExampleListsEveryVariable(t *testing.T) {
	example, err := os.ReadFile("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#?((?:FOOTNOTE|OPENAI|DISCORD)_[A-Z_]+)=`).FindAllStringSubmatch(string(example), -1) {
		listed[m[1]] = true
	}
	name := regexp.MustCompile(`"((?:FOOTNOTE|OPENAI|DISCORD)_[A-Z_]+)"`)
	read := map[string]string{}
	err = filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
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
	if len(read) < 10 {
		t.Fatalf("found only %d variables in the code; is the walk wrong?", len(read))
	}
	for v, path := range read {
		if !listed[v] {
			t.Errorf("%s (read in %s) is missing from .env.example", v, path)
		}
	}
}
