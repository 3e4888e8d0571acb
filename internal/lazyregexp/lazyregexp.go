// Package lazyregexp is a regular expression compiled on first use rather
// than at program start. Every `footnote` run initialises every package it
// links, so a pattern compiled at package level costs each run — `footnote
// ask` included — whether or not it is ever matched; compiling footnote's
// patterns was a tenth of a warm ask's CPU (BENCHMARKS.md, issue 11).
//
// It is the pattern of the Go command's own internal/lazyregexp: a
// package-level *Regexp declared with New reads like a *regexp.Regexp.
package lazyregexp

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled once, on the first call of any
// of its methods. It is safe for concurrent use, as *regexp.Regexp is.
type Regexp struct {
	get func() *regexp.Regexp
}

// New returns expr, to be compiled on first use. An invalid expr panics
// then, as regexp.MustCompile would have at start-up: expressions are
// constants of the program, and their packages' tests match them.
func New(expr string) *Regexp {
	return &Regexp{get: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

// Regexp returns the compiled expression.
func (r *Regexp) Regexp() *regexp.Regexp { return r.get() }

// String returns the source text of the expression.
func (r *Regexp) String() string { return r.get().String() }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.get().MatchString(s) }

// Find is regexp.Regexp.Find.
func (r *Regexp) Find(b []byte) []byte { return r.get().Find(b) }

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string { return r.get().FindString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.get().FindStringIndex(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.get().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.get().FindStringSubmatchIndex(s) }

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string { return r.get().FindAllString(s, n) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int { return r.get().FindAllStringIndex(s, n) }

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.get().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.get().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.get().ReplaceAllString(src, repl)
}

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.get().ReplaceAllStringFunc(src, repl)
}

// Split is regexp.Regexp.Split.
func (r *Regexp) Split(s string, n int) []string { return r.get().Split(s, n) }
