// Package footnote ships what the module holds beside its code: the
// built-in evaluation fixtures, embedded from testdata/eval.jsonl (which
// stays the one source of truth) so that an installed `footnote eval`
// works outside the repository. go:embed cannot reach a parent folder, so
// the embedding lives here, beside testdata/.
package footnote

import (
	"bytes"
	_ "embed"
)

//go:embed testdata/eval.jsonl
var evalFixtures []byte

// EvalFixturesName names the built-in fixture set in reports.
const EvalFixturesName = "testdata/eval.jsonl"

// EvalFixtures returns a copy of the built-in fixture set: questions with
// keywords and evidence about the built-in corpus, one JSON object a line.
func EvalFixtures() []byte { return bytes.Clone(evalFixtures) }
