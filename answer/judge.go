package answer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/footnote-dev/footnote/prompts"
	"github.com/footnote-dev/footnote/retrieval"
)

// Judge re-checks the claims the lexical verifier kept, each against the
// paragraphs it cites, and returns one verdict per claim, in order.
// LLMJudge is one; Engine.Judge nil means lexical verification only.
type Judge interface {
	Judge(ctx context.Context, question string, claims []Claim) ([]Verdict, error)
}

// Claim is one kept sentence and the paragraphs that support it.
type Claim struct {
	Sentence string
	// Sources are the cited paragraphs, numbered as the sentence cites them.
	Sources []ClaimSource
}

// ClaimSource is one cited paragraph of a Claim.
type ClaimSource struct {
	N    int
	Text string
}

// Verdict is the judge's ruling on one claim.
type Verdict struct {
	Supported bool
	// Why is the judge's reason for an unsupported verdict, if it gave one.
	Why string
}

// LLMJudge asks a language model, in one batched call, whether each claim
// is supported; its cost is one chat call per answer that kept a sentence,
// with the kept sentences and their paragraphs as input.
type LLMJudge struct {
	Generator Generator
}

// Judge implements Judge. A reply that is not the JSON asked for, or that
// misses a verdict, is an error: the caller keeps the lexical verdicts.
func (j LLMJudge) Judge(ctx context.Context, question string, claims []Claim) ([]Verdict, error) {
	data := prompts.JudgeData{Question: question}
	for i, c := range claims {
		jc := prompts.JudgeClaim{ID: i + 1, Sentence: c.Sentence}
		for _, s := range c.Sources {
			jc.Sources = append(jc.Sources, prompts.Source{N: s.N, Text: s.Text})
		}
		data.Claims = append(data.Claims, jc)
	}
	prompt, err := prompts.Judge(data)
	if err != nil {
		return nil, err
	}
	reply, err := j.Generator.Generate(ctx, []Message{{Role: RoleUser, Content: prompt}}, nil)
	if err != nil {
		return nil, err
	}
	return parseVerdicts(reply, len(claims))
}

// errBadVerdicts is returned for a judge reply that cannot be used.
var errBadVerdicts = errors.New("the judge's reply is not the JSON verdicts asked for")

// parseVerdicts reads {"verdicts": [{"id", "verdict", "why"}]}, tolerating
// a Markdown code fence or words around the JSON object.
func parseVerdicts(reply string, n int) ([]Verdict, error) {
	start, end := strings.Index(reply, "{"), strings.LastIndex(reply, "}")
	if start < 0 || end < start {
		return nil, errBadVerdicts
	}
	var got struct {
		Verdicts []struct {
			ID      int    `json:"id"`
			Verdict string `json:"verdict"`
			Why     string `json:"why"`
		} `json:"verdicts"`
	}
	if err := json.Unmarshal([]byte(reply[start:end+1]), &got); err != nil {
		return nil, fmt.Errorf("%w: %w", errBadVerdicts, err)
	}
	out := make([]Verdict, n)
	seen := make([]bool, n)
	for _, v := range got.Verdicts {
		verdict := strings.ToLower(strings.TrimSpace(v.Verdict))
		if v.ID < 1 || v.ID > n || (verdict != "supported" && verdict != "unsupported") {
			return nil, fmt.Errorf("%w: verdict %q for claim %d", errBadVerdicts, v.Verdict, v.ID)
		}
		out[v.ID-1], seen[v.ID-1] = Verdict{Supported: verdict == "supported", Why: v.Why}, true
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("%w: no verdict for claim %d of %d", errBadVerdicts, i+1, n)
		}
	}
	return out, nil
}

// judge runs the LLM judge over the kept sentences of v and removes those
// it finds unsupported. On any failure v is returned unchanged; the status
// says which happened, for the JSON.
func (e *Engine) judge(ctx context.Context, question string, v Verified, sources []retrieval.Result) (Verified, string) {
	var claims []Claim
	var at []int
	for i, c := range v.Sentences {
		if !c.Kept {
			continue
		}
		cl := Claim{Sentence: claimOf(c.Sentence)}
		for _, n := range c.kept {
			cl.Sources = append(cl.Sources, ClaimSource{N: n, Text: sources[n-1].Text})
		}
		claims, at = append(claims, cl), append(at, i)
	}
	if len(claims) == 0 {
		return v, ""
	}
	verdicts, err := e.Judge.Judge(ctx, question, claims)
	if err != nil {
		status := "failed: " + oneLineError(err) + "; lexical verdicts kept"
		e.warnf("LLM judge %s", status)
		return v, status
	}
	checks := append([]SentenceCheck(nil), v.Sentences...)
	for k, i := range at {
		if verdicts[k].Supported {
			checks[i].Judge = "supported"
			continue
		}
		checks[i] = checks[i].remove(ReasonJudge, verdicts[k].Why)
		checks[i].Judge = "unsupported"
	}
	return assemble(checks, sources), "ok"
}

func oneLineError(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
