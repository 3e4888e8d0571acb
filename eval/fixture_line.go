package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/internal/clip"
)

// fixtureFields are the fields a fixture line must have, in order.
var fixtureFields = []string{"id", "question", "answerable", "answer_keywords", "evidence"}

// optionalFields are the fields a fixture line may have.
var optionalFields = []string{"kind"}

// parseLine decodes one fixture line, reporting every problem in it.
// The returned Fixture carries the ID whenever the ID itself is sound, so
// duplicates are caught even on lines with other problems.
func parseLine(data []byte, line int) (Fixture, []Problem) {
	f := Fixture{Line: line}
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&fields); err != nil {
		return f, []Problem{{line, "", "malformed JSON: " + jsonMessage(err)}}
	}
	if dec.More() {
		return f, []Problem{{line, "", "malformed JSON: more than one value on the line"}}
	}
	if fields == nil {
		return f, []Problem{{line, "", "want a JSON object, got null"}}
	}
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{line, field, fmt.Sprintf(format, args...)})
	}
	for _, name := range unknownFields(fields) {
		add(name, "unknown field (want %s, optionally %s)", strings.Join(fixtureFields, ", "), strings.Join(optionalFields, ", "))
	}
	for _, name := range fixtureFields {
		if _, ok := fields[name]; !ok {
			add(name, "missing")
		}
	}
	idOK := decodeField(fields, "id", &f.ID, "a string", add)
	qOK := decodeField(fields, "question", &f.Question, "a string", add)
	ansOK := decodeField(fields, "answerable", &f.Answerable, "true or false", add)
	kwOK := decodeField(fields, "answer_keywords", &f.Keywords, `a list of keyword groups such as [["May", "Mayday"], ["Moscow"]]`, add)
	evOK := decodeField(fields, "evidence", &f.Evidence, `a list of quotes such as ["exact words from the paragraph"]`, add)
	if _, ok := fields["kind"]; ok {
		checkKind(&f, decodeField(fields, "kind", &f.Kind, "a string", add), ansOK, add)
	}
	if idOK && strings.TrimSpace(f.ID) == "" {
		add("id", "empty")
		f.ID = ""
	}
	if _, err := answer.CheckQuestion(f.Question); qOK && err != nil {
		add("question", "footnote would refuse it: %v", err)
	}
	checkItems(&f, add)
	if ansOK && kwOK && evOK {
		checkAnswerable(&f, add)
	}
	return f, ps
}

// decodeField decodes fields[name] into dst, reporting a type mismatch.
// It reports whether the field is present and well typed.
func decodeField[T any](fields map[string]json.RawMessage, name string, dst *T, want string, add func(string, string, ...any)) bool {
	raw, ok := fields[name]
	if !ok {
		return false
	}
	if err := json.Unmarshal(raw, dst); err != nil || isNull(raw) {
		var zero T
		*dst = zero
		add(name, "want %s, got %s", want, describe(raw))
		return false
	}
	return true
}

// checkItems reports empty keyword groups, keywords and quotes.
func checkItems(f *Fixture, add func(string, string, ...any)) {
	for i, g := range f.Keywords {
		if len(g) == 0 {
			add(fmt.Sprintf("answer_keywords[%d]", i), "empty group: give at least one alternative")
		}
		for j, k := range g {
			if strings.TrimSpace(k) == "" {
				add(fmt.Sprintf("answer_keywords[%d][%d]", i, j), "empty keyword")
			}
		}
	}
	for i, e := range f.Evidence {
		if strings.TrimSpace(e) == "" {
			add(fmt.Sprintf("evidence[%d]", i), "empty quote")
		}
	}
}

// checkAnswerable reports keywords and evidence that do not fit the
// answerable flag: an answerable question needs both, another neither.
func checkAnswerable(f *Fixture, add func(string, string, ...any)) {
	switch {
	case f.Answerable && len(f.Keywords) == 0:
		add("answer_keywords", "an answerable question needs at least one keyword group")
	case !f.Answerable && len(f.Keywords) > 0:
		add("answer_keywords", "must be empty when answerable is false")
	}
	switch {
	case f.Answerable && len(f.Evidence) == 0:
		add("evidence", "an answerable question needs at least one evidence quote")
	case !f.Answerable && len(f.Evidence) > 0:
		add("evidence", "must be empty when answerable is false")
	}
}

// checkKind reports a kind that is not one of Kinds or is set on an
// answerable question.
func checkKind(f *Fixture, kindOK, ansOK bool, add func(string, string, ...any)) {
	switch {
	case !kindOK:
	case !contains(Kinds, f.Kind):
		add("kind", "want one of %s, got %q", strings.Join(Kinds, ", "), f.Kind)
		f.Kind = ""
	case ansOK && f.Answerable:
		add("kind", "only unanswerable questions have a kind")
	}
}

func unknownFields(fields map[string]json.RawMessage) []string {
	var out []string
	for name := range fields {
		if !contains(fixtureFields, name) && !contains(optionalFields, name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// describe names a JSON value's kind for a type-mismatch message.
func describe(raw json.RawMessage) string {
	s := bytes.TrimSpace(raw)
	kind := "a number"
	switch {
	case len(s) == 0:
		return "nothing"
	case s[0] == '"':
		kind = "a string"
	case s[0] == 't' || s[0] == 'f':
		kind = "a boolean"
	case s[0] == 'n':
		return "null"
	case s[0] == '[':
		kind = "a list"
	case s[0] == '{':
		kind = "an object"
	}
	return kind + " " + clip.Runes(string(s), 40)
}

// jsonMessage turns a decoder error into a message that names the column.
func jsonMessage(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("%v (at byte %d)", syn, syn.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Sprintf("want a JSON object, got %s", typ.Value)
	}
	return err.Error()
}
