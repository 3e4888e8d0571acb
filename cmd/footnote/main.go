// Command footnote answers questions about a corpus of articles and cites
// the paragraph every claim comes from: on the command line and in Discord.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Environ())
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run is the whole program behind main, with its outside world passed in so
// that tests can drive it; environ is the environment as os.Environ gives it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, environ []string) error {
	a := &app{stdout: stdout, environ: environ}
	a.stderr = redactingWriter{a: a, w: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(a.stderr)
	// Every error ends up on stderr, in one line: mask it here, once.
	return a.redactor.Error(root.ExecuteContext(ctx))
}
