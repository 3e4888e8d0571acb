package answer_test

import (
	"testing"

	"github.com/footnote-dev/footnote/answer"
)

// benchReply is a five-sentence reply mixing kept and removed sentences.
const benchReply = "Juche is Korean for self-reliance [Source 1]. Kim was seated next to Chinese first lady Peng Liyuan [2]. " +
	"Kim has never visited a foreign country since his father, Kim Jong Il, died in 2011 [3]. " +
	"Twenty leaders attended the luncheon, McCreary wrote [2]. The sources do not say who coined the word [1]."

// BenchmarkVerify measures the verifier on one reply:
//
//	go test ./answer -run '^$' -bench BenchmarkVerify -benchmem
func BenchmarkVerify(b *testing.B) {
	lx := builtinLexical(b)
	q := "What does juche mean and who sat next to Kim?"
	for b.Loop() {
		answer.Verify(q, benchReply, verifySources, lx)
	}
}
