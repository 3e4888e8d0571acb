package weaviate

import (
	"crypto/sha1" //nolint:gosec // UUIDv5 is defined over SHA-1 (RFC 9562)
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"strings"

	"github.com/footnote-dev/footnote/corpus"
)

// namespace is the UUIDv5 namespace of footnote's object IDs: the UUIDv5
// of "footnote.paragraph" in RFC 9562's DNS namespace, fixed forever so that
// a paragraph keeps its object ID across builds, processes and retries.
var namespace = uuid5([16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}, "footnote.paragraph")

// uuid5 is the name-based UUID (version 5) of name in namespace ns.
func uuid5(ns [16]byte, name string) [16]byte {
	h := sha1.New() //nolint:gosec // required by the UUIDv5 definition
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return u
}

// objectID is the Weaviate object ID of a paragraph ID ("doc#p3").
func objectID(paragraphID string) string { return formatUUID(uuid5(namespace, paragraphID)) }

func formatUUID(u [16]byte) string {
	s := hex.EncodeToString(u[:])
	return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
}

// object is one paragraph as Weaviate stores it.
type object struct {
	Class      string     `json:"class"`
	ID         string     `json:"id"`
	Properties properties `json:"properties"`
	Vector     []float32  `json:"vector"`
}

// properties are a paragraph's stored fields: the verbatim text, the
// stems BM25 searches, and what a citation shows.
type properties struct {
	PID       string `json:"pid"`
	Doc       string `json:"doc"`
	Title     string `json:"title"`
	Paragraph int    `json:"paragraph"`
	Part      int    `json:"part"`
	Chunk     int    `json:"chunk"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Terms     string `json:"terms"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	Author    string `json:"author,omitempty"`
	Page      int    `json:"page,omitempty"`
}

// newObject maps paragraph p (chunk number n) to an object.
func newObject(class string, p corpus.Paragraph, n int, terms []string, vec []float32) object {
	return object{Class: class, ID: objectID(p.ID), Vector: vec, Properties: properties{
		PID: p.ID, Doc: p.Doc, Title: p.Title, Paragraph: p.N, Part: p.Part, Chunk: n,
		Start: p.Start, End: p.End, Text: p.Text, Terms: strings.Join(terms, " "),
		URL: p.URL, Publisher: p.Publisher, Date: p.Date, Author: p.Author, Page: p.Page,
	}}
}

// fingerprint identifies an object's content, vector included: an update
// rewrites exactly the paragraphs whose fingerprint changed. The chunk
// number is left out, so that inserting a paragraph does not rewrite every
// one after it (it only breaks ties between equal scores).
func (o object) fingerprint() string {
	h := sha256.New()
	p := o.Properties
	for _, s := range []string{p.PID, p.Doc, p.Title, p.Text, p.Terms, p.URL, p.Publisher, p.Date, p.Author} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var b [8]byte
	for _, n := range []int{p.Paragraph, p.Part, p.Start, p.End, p.Page} {
		binary.LittleEndian.PutUint64(b[:], uint64(n))
		h.Write(b[:])
	}
	for _, f := range o.Vector {
		binary.LittleEndian.PutUint32(b[:4], math.Float32bits(f))
		h.Write(b[:4])
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
