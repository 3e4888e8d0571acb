// Command footnote answers questions about a corpus of articles and cites
// the paragraph every claim comes from: on the command line and in Discord.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run is the whole program behind main, with its outside world passed in so
// that tests can drive it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	a := &app{stdout: stdout, getenv: getenv}
	a.stderr = redactingWriter{a: a, w: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(a.stderr)
	// Every error ends up on stderr, in one line: mask it here, once.
	return a.redactor.Error(root.ExecuteContext(ctx))
}

// exitCode maps an error to the process exit code and prints it as one
// line: 0 success, 2 usage errors, 1 anything else.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	fmt.Fprintf(stderr, "footnote: %s\n", oneLine(err.Error()))
	if isUsage(err) {
		return 2
	}
	return 1
}
