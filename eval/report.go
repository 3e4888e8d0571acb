package eval

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ReportVersion is the version of the JSON report format.
const ReportVersion = 1

// Report is a scored evaluation run. Its JSON form is the output of
// `footnote eval --json` and the input of --compare.
type Report struct {
	Version int `json:"version"`
	// Fixtures names the fixture file.
	Fixtures string `json:"fixtures"`
	// FixturesHash identifies the fixture set by content (see HashFixtures),
	// so --compare can tell two runs over different questions apart.
	FixturesHash string `json:"fixtures_hash,omitempty"`
	// Mode is how the answers were produced: extractive, llm, or mixed
	// when some LLM answers fell back.
	Mode string `json:"mode"`
	// K is the number of paragraphs answers draw on; Depth the depth of
	// the ranking the retrieval metrics read.
	K         int      `json:"k"`
	Depth     int      `json:"depth"`
	Threshold float64  `json:"threshold"`
	Workers   int      `json:"workers"`
	Metrics   []Metric `json:"metrics"`
	Questions []Row    `json:"questions"`
	// Calibration is set by --calibrate.
	Calibration *Calibration `json:"calibration,omitempty"`
	// Comparison is set by --compare.
	Comparison *Comparison `json:"comparison,omitempty"`
	// Verdict holds the metrics to their targets (see Hold).
	Verdict *Verdict `json:"verdict,omitempty"`
}

// Settings describe a run for its report.
type Settings struct {
	Fixtures  string
	K         int
	Threshold float64
	Workers   int
}

// Score judges every observation and computes the metrics.
func Score(obs []Observation, s Settings) Report {
	rows := make([]Row, len(obs))
	fixtures := make([]Fixture, len(obs))
	for i, o := range obs {
		rows[i] = Judge(o, s.K)
		fixtures[i] = o.Fixture
	}
	depth := 0
	for _, r := range rows {
		depth = max(depth, len(r.Retrieved))
	}
	return Report{
		Version: ReportVersion, Fixtures: s.Fixtures, FixturesHash: HashFixtures(fixtures), Mode: mode(rows), K: s.K, Depth: depth,
		Threshold: s.Threshold, Workers: s.Workers, Metrics: Metrics(rows, s.K), Questions: rows,
	}
}

// HashFixtures identifies a fixture set by what is scored — each
// question's ID, text, answerability, keywords and evidence — in ID
// order, so neither line order nor the file's name changes it:
// "sha256:" and the first 16 hex digits.
func HashFixtures(fixtures []Fixture) string {
	sorted := slices.Clone(fixtures)
	slices.SortFunc(sorted, func(a, b Fixture) int { return strings.Compare(a.ID, b.ID) })
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, f := range sorted {
		// Fixture's JSON form is exactly the scored fields; Line and Gold
		// are not encoded. Encoding to a hash cannot fail.
		_ = enc.Encode(f)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}

func mode(rows []Row) string {
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.Mode] = true
	}
	if len(seen) == 1 {
		for m := range seen {
			return m
		}
	}
	if len(seen) == 0 {
		return ""
	}
	return "mixed"
}

// Metric looks a metric up by key.
func (r Report) Metric(key string) (Metric, bool) {
	for _, m := range r.Metrics {
		if m.Key == key {
			return m, true
		}
	}
	return Metric{}, false
}

// Failures returns the rows that failed, in fixture order.
func (r Report) Failures() []Row {
	var out []Row
	for _, q := range r.Questions {
		if !q.Pass {
			out = append(out, q)
		}
	}
	return out
}

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}

// ReadReport reads a report written by WriteJSON.
func ReadReport(rd io.Reader) (Report, error) {
	var r Report
	if err := json.NewDecoder(rd).Decode(&r); err != nil {
		return Report{}, fmt.Errorf("read report: %w", err)
	}
	if r.Version == 0 || r.Metrics == nil {
		return Report{}, fmt.Errorf("read report: not a `footnote eval --json` report (no version or metrics)")
	}
	if r.Version > ReportVersion {
		return Report{}, fmt.Errorf("read report: version %d is newer than this footnote understands (%d)", r.Version, ReportVersion)
	}
	return r, nil
}
