package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print footnote's version and the commit it was built from",
		Args:  noArgs,
		// The version is printed even when the configuration is broken:
		// it is what people paste into a bug report about that.
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(a.stdout, versionLine())
			return err
		},
	}
}

// versionLine reads "footnote v1.2.0 (commit 0123abcd4567, 2026-12-01, modified)"
// from the build information the Go toolchain stamps into the binary:
// the module version for `go install …@version`, the VCS revision for a
// build in a checkout. Whatever is missing says so instead.
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "footnote (no build information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return fmt.Sprintf("footnote %s (commit unknown, %s)", version, info.GoVersion)
	}
	rev = rev[:min(12, len(rev))]
	if len(at) >= 10 {
		rev += ", " + at[:10]
	}
	if modified {
		rev += ", modified"
	}
	return fmt.Sprintf("footnote %s (commit %s, %s)", version, rev, info.GoVersion)
}
