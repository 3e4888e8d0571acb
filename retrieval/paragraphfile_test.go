package retrieval

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/footnote-dev/footnote/corpus"
)

func TestTheParagraphsFileHoldsEveryField(t *testing.T) {
	// A field added to corpus.Paragraph must be written too: this fails
	// until writeParagraphs and readParagraphs know it.
	if n := reflect.TypeFor[corpus.Paragraph]().NumField(); n != 13 {
		t.Fatalf("corpus.Paragraph has %d fields; paragraphfile.go writes 13", n)
	}
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ps := c.Paragraphs()
	ps[1].URL, ps[1].Page, ps[2].Author = "https://example.org/a", 7, "A. Writer"
	var buf bytes.Buffer
	if err := writeParagraphs(&buf, ps); err != nil {
		t.Fatal(err)
	}
	got, err := readParagraphs(buf.Bytes(), len(ps))
	if err != nil || !reflect.DeepEqual(got, ps) {
		t.Fatalf("read back %d paragraphs (%v), not the %d written", len(got), err, len(ps))
	}
}

func TestCutFilesAreRefusedNotMisread(t *testing.T) {
	c, err := corpus.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ps := c.Paragraphs()[:6]
	ix, err := buildLocal(t.Context(), ps, keysOf(ps), nil)
	if err != nil {
		t.Fatal(err)
	}
	var paras, chunks, terms, fits bytes.Buffer
	if err := writeParagraphs(&paras, ps); err != nil {
		t.Fatal(err)
	}
	if err := writeChunks(&chunks, chunkState{keys: ix.keys, rowOf: ix.layout.plan.rowOf, paraOf: ix.paraPlan.rowOf, termOf: ix.termPlan.rowOf, vocab: ix.terms.vocab}); err != nil {
		t.Fatal(err)
	}
	if err := writeTermRows(&terms, ix.terms.docs); err != nil {
		t.Fatal(err)
	}
	if err := writeFit(&fits, ix.fit); err != nil {
		t.Fatal(err)
	}
	decoders := map[string]struct {
		data []byte
		read func([]byte) error
	}{
		"paragraphs.bin": {paras.Bytes(), func(b []byte) error { _, err := readParagraphs(b, len(ps)); return err }},
		"chunks.bin":     {chunks.Bytes(), func(b []byte) error { _, err := readChunks(b, len(ps), [3]int{len(ps), len(ps), len(ps)}); return err }},
		"terms.bin":      {terms.Bytes(), func(b []byte) error { _, err := readTermRows(b, len(ps), len(ix.terms.vocab)); return err }},
		"fit.bin":        {fits.Bytes(), func(b []byte) error { _, err := readFit(b); return err }},
	}
	for name, d := range decoders {
		t.Run(name, func(t *testing.T) {
			if err := d.read(d.data); err != nil {
				t.Fatalf("the whole file: %v", err)
			}
			for n := range len(d.data) {
				if d.read(d.data[:n]) == nil {
					t.Fatalf("cut at byte %d of %d: read without an error", n, len(d.data))
				}
			}
		})
	}
}
