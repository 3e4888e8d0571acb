package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/footnote-dev/footnote/answer"
	"github.com/footnote-dev/footnote/eval"
)

// fixtureGroup is the fixture files of --fixtures that ask about one
// corpus: FILE@FOLDER names the folder of articles FILE's questions are
// about; a FILE without one is about the configured corpus.
type fixtureGroup struct {
	corpus string // "" for the configured corpus
	paths  []string
}

// fixtureGroups splits --fixtures into groups by corpus, in the order
// each corpus first appears.
func fixtureGroups(list string) ([]fixtureGroup, error) {
	var groups []fixtureGroup
	at := map[string]int{}
	for _, entry := range strings.Split(list, ",") {
		entry = strings.TrimSpace(entry)
		path, dir, _ := strings.Cut(entry, "@")
		if strings.Contains(entry, "@") && (path == "" || dir == "") {
			return nil, usagef("--fixtures %q: write FILE@FOLDER, both named", entry)
		}
		i, ok := at[dir]
		if !ok {
			i, at[dir] = len(groups), len(groups)
			groups = append(groups, fixtureGroup{corpus: dir})
		}
		groups[i].paths = append(groups[i].paths, path)
	}
	return groups, nil
}

// onCorpus is the app configured for the corpus folder dir, its index in
// that corpus's own cache folder; dir "" is the app itself.
func (a *app) onCorpus(dir string) (*app, error) {
	if dir == "" {
		return a, nil
	}
	if a.cfg.IndexDir != "" {
		return nil, usagef("--fixtures FILE@FOLDER reads each folder with its own index: leave --index and FOOTNOTE_INDEX_DIR unset")
	}
	b := *a
	b.cfg.CorpusDir = dir
	return &b, nil
}

// observe answers every group's questions on its own corpus and returns
// the observations of all of them, the engine of the first group (whose
// gate and thresholds every group shares: one configuration) and the
// name reports give the set.
func (a *app) observe(ctx context.Context, groups []fixtureGroup, o evalOptions) ([]eval.Observation, *answer.Engine, string, error) {
	var all []eval.Observation
	var first *answer.Engine
	var names []string
	ids := map[string]string{}
	for _, g := range groups {
		on, err := a.onCorpus(g.corpus)
		if err != nil {
			return nil, nil, "", err
		}
		fixtures, name, err := on.loadFixtureFiles(ctx, strings.Join(g.paths, ","))
		if err != nil {
			return nil, nil, "", err
		}
		for _, f := range fixtures {
			if other, dup := ids[f.ID]; dup {
				return nil, nil, "", usagef("fixtures: id %q is in both %s and %s", f.ID, other, name)
			}
			ids[f.ID] = name
		}
		eng, err := on.engine(ctx)
		if err != nil {
			return nil, nil, "", err
		}
		if o.calibrate {
			// Answer everything: the fit needs every question's signals and
			// answer, and the fitted gate then decides which to abstain on.
			eng.Threshold = minThreshold
			if err := observeWithoutVetoes(eng); err != nil {
				return nil, nil, "", err
			}
		}
		runner := eval.Runner{Asker: eng, Searcher: eng.Retriever, Search: eng.Search, K: eng.TopK(), Workers: o.workers, Progress: a.questionBar()}
		obs, err := runner.Run(ctx, fixtures)
		if err != nil {
			return nil, nil, "", fmt.Errorf("eval: %w", err)
		}
		if first == nil {
			first = eng
		}
		all = append(all, obs...)
		if g.corpus != "" {
			name += "@" + g.corpus
		}
		names = append(names, name)
	}
	return all, first, strings.Join(names, "+"), nil
}

// observeWithoutVetoes makes eng answer even where its gate model's
// vetoes would abstain, so that Regate can apply any model, with or
// without them, to what it observed.
func observeWithoutVetoes(eng *answer.Engine) error {
	var m answer.GateModel
	if eng.Gate != nil {
		m = *eng.Gate
	} else {
		var err error
		if m, err = answer.DefaultGateModel(); err != nil {
			return err
		}
	}
	m.Vetoes = nil
	eng.Gate = &m
	return nil
}
