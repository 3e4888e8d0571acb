package corpus_test

import (
	"testing"

	"github.com/footnote-dev/footnote/corpus"
)

// TestBuiltinHashIsTheParsedCorpusHash: the hash a warm start checks
// without parsing is the one a build records after parsing.
func TestBuiltinHashIsTheParsedCorpusHash(t *testing.T) {
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	got, err := corpus.BuiltinHash()
	if err != nil {
		t.Fatal(err)
	}
	if got != c.Hash || got == "" {
		t.Errorf("BuiltinHash() = %q, Builtin().Hash = %q", got, c.Hash)
	}
}
