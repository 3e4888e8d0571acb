package retrieval

import (
	"os"
	"path/filepath"
	"testing"
)

func TestABuildRemovesOnlySupersededGenerationsNoReaderLeases(t *testing.T) {
	c, _ := synthCorpus(60)
	dir := t.TempDir()
	openAt(t, c, dir, true)
	previous := liveGen(t, dir)
	openAt(t, c, dir, true)
	live := liveGen(t, dir)
	leftover := filepath.Join(dir, "gen-00000000000000aa")
	if err := os.Mkdir(leftover, 0o700); err != nil {
		t.Fatal(err)
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }

	release, ok := leaseGeneration(previous) // a reader loading it
	if !ok {
		t.Fatal("could not lease the previous generation")
	}
	removeSuperseded(superseded(dir))
	if !exists(previous) {
		t.Error("a generation a reader was loading was removed")
	}
	if exists(leftover) {
		t.Error("an unleased superseded generation was kept")
	}
	release()
	removeSuperseded(superseded(dir))
	if exists(previous) {
		t.Error("the previous generation was kept once no reader leased it")
	}
	if !exists(live) {
		t.Fatal("the live generation was removed")
	}
	if _, st := openAt(t, c, dir, false); st.Built {
		t.Errorf("the live index was rebuilt (%s) after its superseded generations went", st.Reason)
	}
}

func TestAGenerationBeingRemovedIsNotLoaded(t *testing.T) {
	c, _ := synthCorpus(60)
	dir := t.TempDir()
	openAt(t, c, dir, true)
	gen := liveGen(t, dir)
	f, err := os.Open(gen)
	if err != nil {
		t.Fatal(err)
	}
	if err := flockExclusive(f); err != nil {
		t.Fatal(err)
	}
	want, err := readManifest(gen)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadGeneration(t.Context(), gen, nil, want); err == nil {
		t.Error("a generation a build holds for removal was loaded")
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := loadGeneration(t.Context(), gen, nil, want); err != nil {
		t.Errorf("once no build holds it the generation does not load: %v", err)
	}
}

func TestABuildNeverRemovesTheGenerationItIsWriting(t *testing.T) {
	c, _ := synthCorpus(60)
	dir := t.TempDir()
	openAt(t, c, dir, true)
	openAt(t, c, dir, true)
	old := superseded(dir) // listed when the build starts
	mine := filepath.Join(dir, "gen-00000000000000bb")
	if err := os.Mkdir(mine, 0o700); err != nil {
		t.Fatal(err)
	}
	removeSuperseded(old)
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("the generation the build was writing went: %v", err)
	}
	if len(old) != 1 {
		t.Errorf("superseded %v, want the one previous generation", old)
	}
}
