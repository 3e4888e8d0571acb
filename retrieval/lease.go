package retrieval

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// A process that loads a generation leases it while it reads its files:
// a shared flock on the generation's folder. A build may then remove the
// generations it is about to supersede while it builds, beside its CPU
// work, instead of after it publishes: removing a 10,000-paragraph
// generation's bases took 7 ms here (the file system is mounted with
// discard), a third of a re-index after a one-file edit. It removes only
// a generation it can lease exclusively, so a reader in the middle of
// loading one keeps it; that one is removed after the publish, as every
// superseded generation was before. A reader that has read CURRENT but
// not yet taken its lease when the generation goes finds it missing,
// waits for the build lock and loads the generation then live — never a
// mix (tryLoad) — as a reader that read CURRENT before two publishes did
// already. Where flock is not supported nothing is removed early.

// leaseGeneration takes a reader's lease on gen and returns its release;
// false means a build is removing gen. A folder that cannot be flocked
// is read without a lease.
func leaseGeneration(gen string) (release func(), ok bool) {
	f, err := os.Open(gen)
	if err != nil {
		return func() {}, true // reading it will say what is wrong
	}
	switch err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); {
	case err == nil:
		return func() { _ = f.Close() }, true
	case errors.Is(err, syscall.EWOULDBLOCK):
		_ = f.Close()
		return nil, false
	default:
		_ = f.Close()
		return func() {}, true
	}
}

// superseded lists the generations in dir that a build about to publish
// supersedes: every one but the live one, which becomes PREVIOUS, and
// every other one would be removed after the publish anyway. The caller
// holds the build lock and lists them before it creates its own.
func superseded(dir string) []string {
	live, err := currentGeneration(dir)
	if err != nil {
		return nil // the cleanup after the publish decides
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var gens []string
	for _, e := range entries {
		if name := e.Name(); e.IsDir() && isGenerationName(name) && name != live {
			gens = append(gens, filepath.Join(dir, name))
		}
	}
	return gens
}

// removeSuperseded removes the generations gens that no reader leases.
func removeSuperseded(gens []string) {
	for _, gen := range gens {
		removeUnleased(gen)
	}
}

// removeUnleased removes gen if no reader leases it.
func removeUnleased(gen string) {
	f, err := os.Open(gen)
	if err != nil {
		return
	}
	defer f.Close()
	if flockExclusive(f) != nil {
		return // leased, or not lockable: left for the cleanup after the publish
	}
	removeGeneration(gen)
}

// flockExclusive takes f's exclusive flock without waiting.
func flockExclusive(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}
