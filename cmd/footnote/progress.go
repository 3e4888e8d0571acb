package main

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressBar returns a progress callback that draws a bar on stderr
// once embedding has taken longer than progressDelay, and only on a
// terminal.
func (a *app) progressBar() func(done, total int) {
	return a.bar("embedding paragraphs", progressDelay)
}

// questionBar draws a bar of answered questions, on a terminal only.
func (a *app) questionBar() func(done, total int) { return a.bar("evaluating", 0) }

// bar is the one progress bar: described by what, drawn on stderr after
// delay and only on a terminal, cleared when done; nil elsewhere.
func (a *app) bar(what string, delay time.Duration) func(done, total int) {
	if !isTerminal(a.stderr) {
		return nil
	}
	start := time.Now()
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if bar == nil {
			if time.Since(start) < delay {
				return
			}
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(a.stderr),
				progressbar.OptionSetDescription(what),
				progressbar.OptionShowCount(),
				progressbar.OptionClearOnFinish(),
			)
		}
		_ = bar.Set(done)
		if done == total {
			_ = bar.Finish()
		}
	}
}

// timeUnit picks a rounding unit that keeps durations readable.
func timeUnit(d time.Duration) time.Duration {
	if d < time.Second {
		return time.Millisecond
	}
	return 10 * time.Millisecond
}
