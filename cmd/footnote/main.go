// Command footnote answers questions about a corpus of articles and cites
// the paragraph every claim comes from: on the command line and in Discord.
package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := runApp(ctx, &app{stdout: os.Stdout, environ: os.Environ(), wholeProcess: true}, os.Args[1:], os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run is the whole program behind main, with its outside world passed in so
// that tests can drive it; environ is the environment as os.Environ gives it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, environ []string) error {
	return runApp(ctx, &app{stdout: stdout, environ: environ}, args, stderr)
}

// runApp runs a, whose stdout and environ are set, with args; stderr is
// wrapped so that nothing secret reaches it.
func runApp(ctx context.Context, a *app, args []string, stderr io.Writer) error {
	stdout := a.stdout
	a.stderr = redactingWriter{a: a, w: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	if err != nil && ctx.Err() != nil && errors.Is(err, context.Canceled) {
		err = errInterrupted
	}
	// Every error ends up on stderr, in one line: mask it here, once.
	return a.redactor.Error(err)
}

// errInterrupted replaces the context errors of a run stopped by Ctrl-C
// or SIGTERM: the builds and writes it stopped publish nothing.
var errInterrupted = errors.New("interrupted; nothing half-done was saved")
