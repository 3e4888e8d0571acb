package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/footnote-dev/footnote/answer"
	"github.com/spf13/cobra"
)

// usageError marks a mistake in how footnote was called (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef is fmt.Errorf for usage errors.
func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u) || answer.IsUsageError(err)
}

// Exit codes, mapped from errors in exitCode and nowhere else.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// exitCode maps an error to the process exit code and prints it as one
// line: 0 success, 2 usage errors, 1 anything else.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "footnote: %s\n", oneLine(err.Error()))
	if isUsage(err) {
		return exitUsage
	}
	return exitFailure
}

// markUsageErrors makes every way cobra rejects a command line a usage
// error (exit code 2): bad flags, wrong arguments and unknown commands,
// on the root and on every subcommand alike, so no command can forget.
func markUsageErrors(root *cobra.Command) {
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if args := c.Args; args != nil {
			c.Args = func(cmd *cobra.Command, a []string) error {
				if err := args(cmd, a); err != nil {
					return usageError{err}
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// unknownCommand is the root's argument check: cobra's own check would
// return a plain error, and its suggestions are worth keeping.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q (see footnote --help)", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg = fmt.Sprintf("unknown command %q: did you mean %s?", args[0], strings.Join(s, " or "))
	}
	return usageError{errors.New(msg)}
}

// noArgs rejects positional arguments; markUsageErrors makes it a usage
// error.
func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected argument %q", args[0])
	}
	return nil
}

// oneLine folds a multi-line message so every error is one line on stderr.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
