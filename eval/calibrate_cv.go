package eval

import (
	"github.com/footnote-dev/footnote/answer"
)

// cvFolds is how many folds CrossValidate splits the fixtures into.
const cvFolds = 5

// CrossValidation is how a gate fitted as --calibrate fits it does on
// questions it was not fitted on: each fold's questions judged by a gate
// fitted, and its threshold picked, on the other folds. In-sample figures
// flatter a model with many signals and few fixtures; these do not.
type CrossValidation struct {
	Folds           int     `json:"folds"`
	RefusalRecall   float64 `json:"refusal_recall"`
	FalseAbstention float64 `json:"false_abstention"`
	// Refused and Unanswerable, Abstained and Answerable are the counts
	// behind the two rates.
	Refused      int `json:"refused"`
	Unanswerable int `json:"unanswerable"`
	Abstained    int `json:"abstained"`
	Answerable   int `json:"answerable"`
	// AUC is the chance that a held-out answerable question gets a higher
	// gate probability than a held-out unanswerable one. Unlike the two
	// rates it does not hang on where each fold's threshold fell, so it
	// tells two sets of signals apart on a few hundred questions.
	AUC float64 `json:"auc,omitempty"`
}

// CrossValidate fits the gate cvFolds times, each time on all questions but
// one fold (question i is in fold i mod cvFolds: fixture files keep kinds
// together, so striding spreads each kind over every fold), picks its
// threshold there under maxFalseAbstention, and judges the held-out fold
// with it.
func CrossValidate(obs []Observation, without []string, base answer.GateModel, maxFalseAbstention float64) (CrossValidation, error) {
	cv := CrossValidation{Folds: cvFolds}
	var held []scored
	for fold := range cvFolds {
		var train, test []Observation
		for i, o := range obs {
			if i%cvFolds == fold {
				test = append(test, o)
			} else {
				train = append(train, o)
			}
		}
		m, err := FitGate(train, without, base)
		if err != nil {
			return CrossValidation{}, err
		}
		m, _ = PickThresholds(train, m, maxFalseAbstention)
		for _, o := range test {
			if o.Answer.Gate == nil {
				continue
			}
			p := m.Offline(o.Answer.Gate.Signals)
			gated := p < m.Threshold || o.Answer.Abstained
			if o.Answer.Abstained {
				p = 0
			}
			held = append(held, scored{p: p, answerable: o.Fixture.Answerable})
			if o.Fixture.Answerable {
				cv.Answerable++
				cv.Abstained += b2i(gated)
			} else {
				cv.Unanswerable++
				cv.Refused += b2i(gated)
			}
		}
	}
	cv.AUC = auc(held)
	if cv.Unanswerable > 0 {
		cv.RefusalRecall = float64(cv.Refused) / float64(cv.Unanswerable)
	}
	if cv.Answerable > 0 {
		cv.FalseAbstention = float64(cv.Abstained) / float64(cv.Answerable)
	}
	return cv, nil
}

// scored is one held-out question's gate probability.
type scored struct {
	p          float64
	answerable bool
}

// auc is the area under the ROC curve of ss: the share of (answerable,
// unanswerable) pairs the probability orders right, ties counting half;
// 0 without both kinds.
func auc(ss []scored) float64 {
	var pairs, right float64
	for _, a := range ss {
		if !a.answerable {
			continue
		}
		for _, u := range ss {
			if u.answerable {
				continue
			}
			pairs++
			switch {
			case a.p > u.p:
				right++
			case a.p == u.p:
				right += 0.5
			}
		}
	}
	if pairs == 0 {
		return 0
	}
	return right / pairs
}
