package eval_test

import (
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/eval"
)

func TestHoldMatchesTheGate(t *testing.T) {
	rep := sampleReport() // hit@1 2/3, refusal recall 1/2
	tests := []struct {
		name        string
		bars        []eval.Bar
		gated, pass bool
		summary     string
	}{
		{"bars that are met pass", []eval.Bar{{Key: eval.KeyHit1, Limit: 0.5}}, true, true, "PASS: all 1 bars met (exit 0)"},
		{"a missed bar fails", []eval.Bar{{Key: eval.KeyHit1, Limit: 0.5}, {Key: eval.KeyRefusalRecall, Limit: 0.9}}, true, false, "FAIL: 1 of 2 bars missed (exit 1)"},
		{"no bars report on the default targets, ungated", nil, false, false, "Not gated (exit 0)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, short, err := eval.Hold(rep, tt.bars)
			if err != nil {
				t.Fatal(err)
			}
			if v.Gated != tt.gated || v.Pass != tt.pass || !strings.HasPrefix(v.Summary(), tt.summary) {
				t.Errorf("gated %v pass %v %q; want %v %v %q", v.Gated, v.Pass, v.Summary(), tt.gated, tt.pass, tt.summary)
			}
			if tt.gated && len(short) != v.Missed() {
				t.Errorf("%d shortfalls decide the exit code but the verdict counts %d missed", len(short), v.Missed())
			}
			if !tt.gated && len(short) != 0 {
				t.Errorf("an ungated run returned %d shortfalls: it would exit 1", len(short))
			}
			// Every default target shows, whether or not a bar replaced it.
			for _, d := range eval.DefaultTargets() {
				if _, ok := v.Target(d.Key); !ok {
					t.Errorf("no target on %s", d.Key)
				}
			}
		})
	}
}

func TestHoldPutsABarInPlaceOfTheDefaultTarget(t *testing.T) {
	v, _, err := eval.Hold(sampleReport(), []eval.Bar{{Key: eval.KeyHit1, Limit: 0.1}})
	if err != nil {
		t.Fatal(err)
	}
	hit1, _ := v.Target(eval.KeyHit1)
	mrr, _ := v.Target(eval.KeyMRR)
	if !hit1.Gate || hit1.Limit != 0.1 || mrr.Gate {
		t.Errorf("hit@1 target %+v, MRR target %+v: want the bar on hit@1 and a default, ungated, on MRR", hit1, mrr)
	}
	if len(v.Deciding()) != 1 {
		t.Errorf("%d deciding targets, want the one bar", len(v.Deciding()))
	}
}

func TestCompareWarnsAcrossFixtureSets(t *testing.T) {
	prev, cur := sampleReport(), sampleReport()
	if c := eval.Compare(prev, cur, "prev.json"); c.FixturesDiffer {
		t.Errorf("the same fixtures were called different: %s", c.FixturesNote)
	}
	obs := sampleObservations()
	obs[0].Fixture.Question = "Why did Kim skip the parade in Moscow?"
	other := eval.Score(obs, eval.Settings{Fixtures: "sample.jsonl", K: 2})
	if c := eval.Compare(prev, other, "prev.json"); !c.FixturesDiffer || !strings.Contains(c.FixturesNote, "fixture sets differ") {
		t.Errorf("an edited question went unnoticed: %+v", c)
	}
	old := prev
	old.FixturesHash = "" // a report from before fixture hashes
	if c := eval.Compare(old, cur, "old.json"); !c.FixturesDiffer || !strings.Contains(c.FixturesNote, "no fixture hash") {
		t.Errorf("a report without a hash was taken as comparable: %+v", c)
	}
}

func TestHashFixturesIgnoresOrderAndName(t *testing.T) {
	obs := sampleObservations()
	a := eval.HashFixtures([]eval.Fixture{obs[0].Fixture, obs[1].Fixture})
	b := eval.HashFixtures([]eval.Fixture{obs[1].Fixture, obs[0].Fixture})
	obs[1].Fixture.Evidence = []string{"another quote"}
	c := eval.HashFixtures([]eval.Fixture{obs[0].Fixture, obs[1].Fixture})
	if a != b || a == c || !strings.HasPrefix(a, "sha256:") {
		t.Errorf("hashes %s %s %s: want order not to matter and evidence to", a, b, c)
	}
}

func TestCompareTreatsLatencyNoiseAsUnchanged(t *testing.T) {
	tests := []struct {
		name   string
		scale  float64
		noise  bool
		better bool
		worse  bool
	}{
		{"10% slower is noise", 1.10, true, false, false},
		{"twice as slow is worse", 2, false, false, true},
		{"three times as fast is better", 1.0 / 3, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs := sampleObservations()
			for i := range obs {
				obs[i].Latency = time.Duration(float64(obs[i].Latency) * tt.scale * 10)
			}
			base := sampleObservations()
			for i := range base {
				base[i].Latency *= 10
			}
			prev := eval.Score(base, eval.Settings{Fixtures: "s", K: 2})
			cur := eval.Score(obs, eval.Settings{Fixtures: "s", K: 2})
			for _, d := range eval.Compare(prev, cur, "prev").Deltas {
				if d.Key != eval.KeyLatencyP95 {
					continue
				}
				if d.WithinNoise != tt.noise || d.Improved() != tt.better || d.Worsened() != tt.worse {
					t.Errorf("p95 %v → %v: noise %v better %v worse %v", *d.Before, *d.After, d.WithinNoise, d.Improved(), d.Worsened())
				}
			}
		})
	}
}

func TestFlipsShowTheQuestionsStateNow(t *testing.T) {
	prev := sampleReport()
	obs := sampleObservations()
	obs[0].Answer.Abstained, obs[0].Answer.Text, obs[0].Answer.Citations = true, "The corpus doesn't say.", nil
	obs[4].Answer.Abstained, obs[4].Answer.Text, obs[4].Answer.Citations = true, "The corpus doesn't say.", nil
	c := eval.Compare(prev, eval.Score(obs, eval.Settings{Fixtures: "sample.jsonl", K: 2}), "prev.json")
	failing, passing := c.NowFailing[0], c.NowPassing[0]
	if failing.Pass || len(failing.Why) == 0 || !failing.Abstained {
		t.Errorf("now failing %+v: want its failure now and its refusal", failing)
	}
	if !passing.Pass || len(passing.Why) != 0 || len(passing.WasWhy) == 0 || !passing.Abstained {
		t.Errorf("now passing %+v: want no reason now, the old one as before, and its refusal", passing)
	}
}
