package retrieval

import (
	"encoding/binary"
	"runtime"

	"github.com/cespare/xxhash/v2"
	"github.com/footnote-dev/footnote/corpus"
)

// contentKey identifies a piece of content across builds: two 64-bit
// XXH64 hashes of it, unseeded and seeded with keySeed, 128 bits in all.
//
// Why not a cryptographic hash: a key only has to tell a corpus's own
// paragraphs apart, by chance — no two of the paragraphs of any corpus
// footnote will index collide in 128 bits (at a million paragraphs the
// odds are about 10^-27) — and SHA-256 of every paragraph's text and
// record was, at 10,000 paragraphs, the largest part of a re-index after a
// one-file edit (BENCHMARKS.md, issue 11); two XXH64 passes are four
// and a half times faster here. XXH64 is not built to resist a
// deliberately crafted collision; what one could do is limited: a
// paragraph whose key matches another's takes over that paragraph's
// stored term counts, vector or record, so it is ranked, or stored, as
// that other paragraph — one of this corpus or of the index it replaces,
// never text footnote was not given.
//
// Why XXH64 twice rather than XXH3-128 in one pass (about three times
// faster again): the Go XXH3 packages pick their kernels by CPU feature
// detection at start-up, which cost every footnote process 0.5 ms here
// (a warm ask is ~10 ms); xxhash/v2 needs none and was in the module graph
// already.
type contentKey [16]byte

// keySeed seeds the second half of a content key: any constant other
// than the first half's zero.
const keySeed = 0x9e3779b97f4a7c15

// keyOfText hashes s in place, without a []byte copy.
func keyOfText(s string) contentKey {
	var d xxhash.Digest
	d.ResetWithSeed(keySeed)
	_, _ = d.WriteString(s)
	return keyOfHalves(xxhash.Sum64String(s), d.Sum64())
}

// keyOfBytes hashes b.
func keyOfBytes(b []byte) contentKey {
	var d xxhash.Digest
	d.ResetWithSeed(keySeed)
	_, _ = d.Write(b)
	return keyOfHalves(xxhash.Sum64(b), d.Sum64())
}

func keyOfHalves(a, b uint64) contentKey {
	var k contentKey
	binary.BigEndian.PutUint64(k[:8], a)
	binary.BigEndian.PutUint64(k[8:], b)
	return k
}

// chunkKeys are what an incremental build matches a chunk on.
type chunkKeys struct {
	// text identifies the paragraph's own text, which alone decides its
	// BM25 tokens.
	text contentKey
	// context identifies everything the paragraph's vector is embedded
	// from (contextText): the title, the neighbours in the same article
	// and the text itself. Derived from the pieces' keys, not by hashing
	// the joined text again, so that keying a corpus costs one pass over
	// its text.
	context contentKey
	// record identifies the whole paragraph as stored: its text and every
	// other field (ID, offsets, the article's title, URL, …).
	record contentKey
}

// keysOf keys every paragraph of ps, the texts hashed on every CPU.
func keysOf(ps []corpus.Paragraph) []chunkKeys {
	keys := make([]chunkKeys, len(ps))
	parallel(splitRanges(len(ps), runtime.GOMAXPROCS(0)), func(_, lo, hi int) {
		var rec []byte
		for i := lo; i < hi; i++ {
			keys[i].text = keyOfText(ps[i].Text)
			rec = recordBytes(rec[:0], keys[i].text, &ps[i])
			keys[i].record = keyOfBytes(rec)
		}
	})
	var title string
	var titleKey contentKey
	buf := make([]byte, 0, 1+4*len(contentKey{}))
	for i, p := range ps {
		if i == 0 || p.Title != title {
			title, titleKey = p.Title, keyOfText(p.Title)
		}
		// A tag byte says which neighbours exist, so that "no previous
		// paragraph" cannot read as some paragraph's key.
		var tag byte
		buf = append(buf[:1], titleKey[:]...)
		if i > 0 && ps[i-1].Doc == p.Doc {
			tag |= 1
			buf = append(buf, keys[i-1].text[:]...)
		}
		buf = append(buf, keys[i].text[:]...)
		if i+1 < len(ps) && ps[i+1].Doc == p.Doc {
			tag |= 2
			buf = append(buf, keys[i+1].text[:]...)
		}
		buf[0] = tag
		keys[i].context = keyOfBytes(buf)
	}
	return keys
}

// recordBytes appends what a paragraph's record key hashes: its text's
// key and every other field.
func recordBytes(b []byte, text contentKey, p *corpus.Paragraph) []byte {
	b = append(b, text[:]...)
	for _, f := range []string{p.ID, p.Doc, p.Title, p.URL, p.Publisher, p.Date, p.Author} {
		b = appendString(b, f)
	}
	for _, n := range []int{p.N, p.Part, p.Start, p.End, p.Page} {
		b = binary.AppendVarint(b, int64(n))
	}
	return b
}
