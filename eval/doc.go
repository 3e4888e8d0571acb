// Package eval scores footnote against a fixture set: retrieval (is the
// paragraph that answers the question ranked high?), answers (does the text
// say what it should?), citations (does it cite that paragraph?) and
// refusals (does it abstain when, and only when, the corpus is silent?).
//
// The flow is Load (fixtures, validated against the corpus) → Runner.Run
// (every question through the same Engine `footnote ask` and the bot use)
// → Score (per-question rows and metrics) → a report: text, JSON or HTML.
// Calibrate, Compare and CheckBars work on a scored Report without
// re-running anything.
package eval
