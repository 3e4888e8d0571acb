package main

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressBar returns a progress callback that draws a bar on stderr once
// embedding has taken longer than progressDelay, and only on a terminal.
func (a *app) progressBar() func(done, total int) {
	if !isTerminal(a.stderr) {
		return nil
	}
	start := time.Now()
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if bar == nil {
			if time.Since(start) < progressDelay {
				return
			}
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(a.stderr),
				progressbar.OptionSetDescription("embedding paragraphs"),
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
