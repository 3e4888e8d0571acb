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
// folder (so no .env is read), with its index in indexDir.
func askOnce(b *testing.B, bin, indexDir string) {
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
}

// BenchmarkAskWarm is `footnote ask` with the index already on disk.
func BenchmarkAskWarm(b *testing.B) {
	bin := buildFootnote(b)
	dir := filepath.Join(b.TempDir(), "index")
	askOnce(b, bin, dir) // builds and saves the index, outside the timer
	for b.Loop() {
		askOnce(b, bin, dir)
	}
}

// BenchmarkAskCold is the first `footnote ask`: each run gets an empty
// index folder, so it builds and saves the index before answering.
func BenchmarkAskCold(b *testing.B) {
	bin := buildFootnote(b)
	base := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		askOnce(b, bin, filepath.Join(base, strconv.Itoa(i)))
	}
}
