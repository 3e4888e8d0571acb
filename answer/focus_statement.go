package answer

import "github.com/footnote-dev/footnote/internal/lazyregexp"

// TypeStatement is what someone said, asked for by name: "What did Putin
// say in his speech…", "What did Ushakov tell TASS…". A sentence answers
// it only by reporting speech — a verb of saying or a quotation — so "The
// parade took place on Red Square" does not say what Kim said there. The
// gate and the verifier both require it (a sentence after a kept answer
// may still stand as its context).
const TypeStatement AnswerType = "statement"

// asksStatementRe is a what-question whose subject is a name (a
// capitalised word) and whose verb is one of saying. "What does the
// article say about…" asks for content, not speech, and is left out by
// wanting the capital; "state" is left out of the verbs, as it is more
// often a noun ("What did North Korea change about its state TV?").
var asksStatementRe = lazyregexp.New(`^\s*(?i:what)\s+(?i:exactly\s+)?(?i:did|does|do|has|have|had)\s+(?:(?i:the|a|an)\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}?\s+(?i:say|tell|write|announce|declare|claim|promise|pledge|warn|reply|respond|call)\b`)

// speechRe is reported speech: a verb of saying or a quotation.
var speechRe = lazyregexp.New(`(?i)["“”]|\b(?:say|says|said|saying|tell|tells|told|telling|wrote|writes|writing|written|state|states|stated|announced?|announces|announcing|declared?|declaring|claim|claims|claimed|claiming|call|calls|called|calling|referred|refers|describ(?:e|es|ed|ing)|warn|warns|warned|warning|promised?|pledged?|urged?|added|noted|insisted|argued|replied|responded|reported|according to|quoted?|quoting|remarked|explained|stressed|emphasi[sz]ed|hailed|praised|thanked|vowed|accused|denied|assured|suggest(?:s|ed|ing)?|argues?|mention(?:s|ed)?|acknowledged|admitted|conceded|predicted|commented|observed|asserted|maintained|recalled|proclaimed|boasted|complained|lamented|expressed|voiced|congratulated|wished|condemned|criticised|criticized|called for|asked)\b`)

// asksStatement reports whether q asks what someone named said.
func asksStatement(q string) bool { return asksStatementRe.MatchString(q) }

// reportsSpeech reports whether sentence reports what someone said.
func reportsSpeech(sentence string) bool { return speechRe.MatchString(sentence) }
