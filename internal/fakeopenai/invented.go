package fakeopenai

import "strings"

// Scripted is a named model reply for a test.
type Scripted struct {
	Name, Reply string
}

// Invent returns replies that put invented — a cited sentence its source
// does not support — first, in the middle and last among claims, true
// cited sentences: the replies a test of streaming needs, since an
// invented sentence must never be shown at any point of a stream.
func Invent(claims []string, invented string) []Scripted {
	mid := len(claims) / 2
	with := func(at int) string {
		s := append(append(append([]string(nil), claims[:at]...), invented), claims[at:]...)
		return strings.Join(s, " ")
	}
	return []Scripted{
		{"an invented sentence first", with(0)},
		{"an invented sentence in the middle", with(mid)},
		{"an invented sentence last", with(len(claims))},
	}
}

// Fixture is a question on footnote's built-in corpus with true cited
// sentences that answer it from the paragraphs it retrieves, and invented
// cited sentences that no retrieved paragraph supports.
type Fixture struct {
	Question string
	Claims   []string
	Invented []string
}

// Luncheon is the streaming fixture: its claims cite the retrieved
// paragraphs [1] and [2]; one invented sentence has its marker after the
// full stop, as models often write it.
func Luncheon() Fixture {
	return Fixture{
		Question: "Who did Kim sit next to at the luncheon after the parade?",
		Claims: []string{
			"At the luncheon after the parade, Kim was seated next to Chinese first lady Peng Liyuan [1].",
			"Beijing offered him the second-highest level of protocol after Putin [1].",
			"After lunch, Kim held bilateral talks with Putin about troop deployments [2].",
		},
		Invented: []string{
			"The summit was held on Mars. [1]",
			"Kim arrived at the luncheon by submarine from Paris [2].",
		},
	}
}

// Replies returns every reply Invent makes of f, for each invented
// sentence.
func (f Fixture) Replies() []Scripted {
	var out []Scripted
	for _, inv := range f.Invented {
		for _, r := range Invent(f.Claims, inv) {
			out = append(out, Scripted{Name: r.Name + " (" + inv + ")", Reply: r.Reply})
		}
	}
	return out
}
