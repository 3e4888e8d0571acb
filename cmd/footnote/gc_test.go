package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTheCollectorIsSwitchedOffOnlyForAWholeProcessOnTheBuiltinCorpus
// checks each condition of collectLessForOneQuestion, restoring the
// collector after each case (subtests here are not parallel: the setting
// is the process's).
func TestTheCollectorIsSwitchedOffOnlyForAWholeProcessOnTheBuiltinCorpus(t *testing.T) {
	tests := []struct {
		name      string
		whole     bool
		corpusDir string
		env       map[string]string
		off       bool
	}{
		{"a whole process on the built-in corpus runs without collections", true, "", nil, true},
		{"an in-process run keeps the collector", false, "", nil, false},
		{"a folder of articles keeps the collector", true, "/some/articles", nil, false},
		{"a GOGC the user set is kept", true, "", map[string]string{"GOGC": "50"}, false},
		{"a GOMEMLIMIT the user set is kept", true, "", map[string]string{"GOMEMLIMIT": "1GiB"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := debug.SetGCPercent(100)
			limit := debug.SetMemoryLimit(math.MaxInt64)
			t.Cleanup(func() { debug.SetGCPercent(before); debug.SetMemoryLimit(limit) })
			a := &app{wholeProcess: tt.whole, env: environment{process: tt.env}}
			a.cfg.CorpusDir = tt.corpusDir
			a.collectLessForOneQuestion()
			gotOff := debug.SetGCPercent(100) < 0
			gotLimit := debug.SetMemoryLimit(math.MaxInt64)
			if gotOff != tt.off {
				t.Errorf("collector off = %v, want %v", gotOff, tt.off)
			}
			if tt.off && gotLimit != oneQuestionHeapLimit {
				t.Errorf("heap limit = %d, want the backstop %d", gotLimit, oneQuestionHeapLimit)
			}
		})
	}
}
