package main

import "runtime/debug"

// oneQuestionHeapLimit is the heap at which the collector runs anyway
// while a one-question run over the built-in corpus has it switched off
// (see collectLessForOneQuestion): several times what such a run
// allocates, far below what any machine that runs footnote has.
const oneQuestionHeapLimit = 256 << 20

// collectLessForOneQuestion turns the garbage collector off, with a heap
// limit as a backstop, for a process that answers one question from the
// built-in corpus and exits. Such a run allocates a few megabytes, all of
// it live until the answer is printed, so the collection it triggered at
// 4 MB reclaimed almost nothing and cost a sixth of its CPU (BENCHMARKS.md,
// issue 11). It applies only when a.wholeProcess (main, not the tests'
// in-process runs, which share one heap), to the built-in corpus (whose
// size is known; a folder of articles can hold an index larger than the
// limit, where GC off would thrash at it), and never over a GOGC or
// GOMEMLIMIT the user set (in the process environment, where the runtime
// reads them). The bot and eval, which run long, keep the
// default collector.
func (a *app) collectLessForOneQuestion() {
	if !a.wholeProcess || a.cfg.CorpusDir != "" || a.env.process["GOGC"] != "" || a.env.process["GOMEMLIMIT"] != "" {
		return
	}
	debug.SetMemoryLimit(oneQuestionHeapLimit)
	debug.SetGCPercent(-1)
}
