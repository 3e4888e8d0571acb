package main_test

// Whole-process benchmarks of `footnote ask` on the built-in corpus: what a
// person waits for at the shell, start-up and exit included. Issue 2's
// targets: ≤ 100 ms with an existing index, ≤ 1 s for the first run, which
// builds the index. See BENCHMARKS.md for figures and commands.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

const benchQuestion = "Why did Kim Jong Un skip the Victory Day parade in Moscow?"

// buildFootnote compiles the footnote binary into a temporary folder once
// per benchmark; the go build cache keeps this to a link step.
func buildFootnote(b testing.TB) string {
	b.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go tool on PATH to build footnote with")
	}
	bin := filepath.Join(b.TempDir(), "footnote")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// askOnce runs `footnote ask` as a fresh process with a clean environment
// (no OPENAI_* variables, so offline and extractive) in an empty working
// folder (so no .env is read), with its index in indexDir. It returns the
// CPU time the process used (user and system), which, unlike wall time, a
// shared machine's other work does not inflate.
func askOnce(b *testing.B, bin, indexDir string) time.Duration {
	b.Helper()
	cmd := exec.Command(bin, "ask", benchQuestion)
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = []string{"FOOTNOTE_INDEX_DIR=" + indexDir, "HOME=" + filepath.Dir(bin), "PATH=" + os.Getenv("PATH")}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("footnote ask: %v\n%s", err, stderr.Bytes())
	}
	if !bytes.Contains(stdout.Bytes(), []byte("Sources")) {
		b.Fatalf("footnote ask answered without sources:\n%s%s", stdout.Bytes(), stderr.Bytes())
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// reportCPU reports the mean CPU time of a process per run.
func reportCPU(b *testing.B, total time.Duration, runs int) {
	b.ReportMetric(float64(total.Microseconds())/1000/float64(runs), "cpu-ms/op")
}

// BenchmarkAskWarm is `footnote ask` with the index already on disk.
func BenchmarkAskWarm(b *testing.B) {
	bin := buildFootnote(b)
	dir := filepath.Join(b.TempDir(), "index")
	askOnce(b, bin, dir) // builds and saves the index, outside the timer
	var cpu time.Duration
	runs := 0
	for b.Loop() {
		cpu += askOnce(b, bin, dir)
		runs++
	}
	reportCPU(b, cpu, runs)
}

// BenchmarkAskCold is the first `footnote ask`: each run gets an empty
// index folder, so it builds and saves the index before answering.
func BenchmarkAskCold(b *testing.B) {
	bin := buildFootnote(b)
	base := b.TempDir()
	i := 0
	var cpu time.Duration
	for b.Loop() {
		i++
		cpu += askOnce(b, bin, filepath.Join(base, strconv.Itoa(i)))
	}
	reportCPU(b, cpu, i)
}
