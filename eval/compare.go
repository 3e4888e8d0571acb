package eval

import "sort"

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
}

// Improved reports whether the change is for the better; false when
// there is no change or nothing to compare.
func (d Delta) Improved() bool {
	if d.Change == nil || *d.Change == 0 {
		return false
	}
	return (*d.Change > 0) != d.LowerIsBetter
}

// Worsened reports whether the change is for the worse.
func (d Delta) Worsened() bool {
	return d.Change != nil && *d.Change != 0 && !d.Improved()
}

// Flip is a question that went from pass to fail or back.
type Flip struct {
	ID       string   `json:"id"`
	Question string   `json:"question"`
	Why      []string `json:"why_failed"`
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
			c.NowFailing = append(c.NowFailing, Flip{q.ID, q.Question, q.Why})
		case !p.Pass && q.Pass:
			c.NowPassing = append(c.NowPassing, Flip{q.ID, q.Question, p.Why})
		}
	}
	for id := range before {
		c.Removed = append(c.Removed, id)
	}
	sort.Strings(c.Removed)
	return c
}
