package retrieval

import (
	"crypto/sha256"
	"encoding/binary"
	"runtime"
	"unsafe"

	"github.com/footnote-dev/footnote/corpus"
)

// contentKey identifies a piece of content across builds: the first 16
// bytes of a SHA-256, which no corpus will ever collide on by chance.
type contentKey [16]byte

// keyOfText hashes s in place: a []byte(s) conversion copied the whole
// corpus once more, which was half the cost of keying it.
func keyOfText(s string) contentKey {
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(s), len(s)))
	return contentKey(sum[:16])
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
			sum := sha256.Sum256(rec)
			keys[i].record = contentKey(sum[:16])
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
		sum := sha256.Sum256(buf)
		keys[i].context = contentKey(sum[:16])
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
