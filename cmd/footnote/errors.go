package main

import (
	"errors"
	"strings"

	"github.com/footnote-dev/footnote/answer"
)

// usageError marks a mistake in how footnote was called (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u) || answer.IsUsageError(err)
}

// oneLine folds a multi-line message so every error is one line on stderr.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
