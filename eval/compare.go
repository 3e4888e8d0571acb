package eval

import (
	"fmt"
	"math"
	"sort"
)

// Comparison is the change from a previous report to this one.
type Comparison struct {
	// Previous names the previous report.
	Previous string  `json:"previous"`
	Deltas   []Delta `json:"deltas"`
	// NowFailing and NowPassing are the questions (by ID) that flipped.
	NowFailing []Flip `json:"now_failing"`
	NowPassing []Flip `json:"now_passing"`
	// Added and Removed are question IDs in only one of the two reports.
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	// FixturesDiffer says the two runs scored different fixture sets (or
	// the previous report predates fixture hashes), so a metric's change
	// mixes changed questions with a changed footnote. FixturesNote says
	// which.
	FixturesDiffer bool   `json:"fixtures_differ,omitempty"`
	FixturesNote   string `json:"fixtures_note,omitempty"`
}

// Delta is one metric before and after; Change is nil unless both exist.
type Delta struct {
	Key           string   `json:"key"`
	Name          string   `json:"name"`
	Unit          string   `json:"unit"`
	Before        *float64 `json:"before"`
	After         *float64 `json:"after"`
	Change        *float64 `json:"change"`
	LowerIsBetter bool     `json:"lower_is_better,omitempty"`
	// WithinNoise is set for a latency change too small to tell from the
	// machine's own variation (see latencyNoise); it counts as unchanged.
	WithinNoise bool `json:"within_noise,omitempty"`
}

// Latency on a shared machine varies from run to run by more than most
// changes to footnote: a change is real only past both bounds.
const (
	latencyNoiseShare = 0.25 // of the earlier figure
	latencyNoiseMS    = 2.0
)

// withinNoise reports whether a latency moved less than the noise.
func withinNoise(before, after float64) bool {
	return math.Abs(after-before) <= max(latencyNoiseMS, latencyNoiseShare*before)
}

// Improved reports whether the change is for the better; false when
// there is no change, nothing to compare, or only noise.
func (d Delta) Improved() bool {
	if d.Change == nil || *d.Change == 0 || d.WithinNoise {
		return false
	}
	return (*d.Change > 0) != d.LowerIsBetter
}

// Worsened reports whether the change is for the worse.
func (d Delta) Worsened() bool {
	return d.Change != nil && *d.Change != 0 && !d.WithinNoise && !d.Improved()
}

// Flip is a question that went from pass to fail or back, with its state
// in this run.
type Flip struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	// Pass is the question's state now.
	Pass bool `json:"pass"`
	// Why says why it fails now (empty for a question now passing).
	Why []string `json:"why_failed"`
	// WasWhy says why it failed before (empty for one now failing).
	WasWhy []string `json:"was_why_failed,omitempty"`
	// Answer is its answer now; Abstained says the answer is a refusal.
	Answer    string `json:"answer"`
	Abstained bool   `json:"abstained"`
}

// Compare compares cur with prev, metric by metric (by key) and question
// by question (by ID).
func Compare(prev, cur Report, prevName string) Comparison {
	c := Comparison{Previous: prevName, Deltas: []Delta{}, NowFailing: []Flip{}, NowPassing: []Flip{}, Added: []string{}, Removed: []string{}}
	for _, m := range cur.Metrics {
		d := Delta{Key: m.Key, Name: m.Name, Unit: m.Unit, After: m.Value, LowerIsBetter: m.LowerIsBetter}
		if p, ok := prev.Metric(m.Key); ok {
			d.Before = p.Value
		}
		if d.Before != nil && d.After != nil {
			d.Change = ptr(*d.After - *d.Before)
			d.WithinNoise = m.Unit == "ms" && withinNoise(*d.Before, *d.After)
		}
		c.Deltas = append(c.Deltas, d)
	}
	before := map[string]Row{}
	for _, q := range prev.Questions {
		before[q.ID] = q
	}
	for _, q := range cur.Questions {
		p, ok := before[q.ID]
		delete(before, q.ID)
		switch {
		case !ok:
			c.Added = append(c.Added, q.ID)
		case p.Pass && !q.Pass:
			c.NowFailing = append(c.NowFailing, flip(q, nil))
		case !p.Pass && q.Pass:
			c.NowPassing = append(c.NowPassing, flip(q, p.Why))
		}
	}
	for id := range before {
		c.Removed = append(c.Removed, id)
	}
	sort.Strings(c.Removed)
	c.FixturesDiffer, c.FixturesNote = sameFixtures(prev, cur)
	return c
}

func flip(now Row, wasWhy []string) Flip {
	return Flip{ID: now.ID, Question: now.Question, Pass: now.Pass, Why: nonNil(now.Why), WasWhy: wasWhy, Answer: now.Answer, Abstained: now.Abstained}
}

// sameFixtures compares the fixture hashes of two reports: a comparison
// across different question sets is worth a loud warning, not a quiet
// table of changes.
func sameFixtures(prev, cur Report) (differ bool, note string) {
	switch {
	case prev.FixturesHash == "":
		return true, fmt.Sprintf("the previous report (%s) records no fixture hash, so it may cover other questions", prev.Fixtures)
	case prev.FixturesHash != cur.FixturesHash:
		return true, fmt.Sprintf("the fixture sets differ (%s %s before, %s %s now): changes mix question changes with footnote's own",
			prev.Fixtures, prev.FixturesHash, cur.Fixtures, cur.FixturesHash)
	}
	return false, ""
}
