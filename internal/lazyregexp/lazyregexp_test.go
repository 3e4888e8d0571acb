package lazyregexp_test

import (
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/footnote-dev/footnote/internal/lazyregexp"
)

func TestLazyRegexpMatchesAsTheCompiledOne(t *testing.T) {
	const expr = `(\d+)-(\d+)`
	const text = "pages 12-14 and 3-9"
	lazy, eager := lazyregexp.New(expr), regexp.MustCompile(expr)
	tests := []struct {
		name       string
		lazy, want any
	}{
		{"MatchString", lazy.MatchString(text), eager.MatchString(text)},
		{"Find", string(lazy.Find([]byte(text))), string(eager.Find([]byte(text)))},
		{"FindString", lazy.FindString(text), eager.FindString(text)},
		{"FindStringIndex", lazy.FindStringIndex(text), eager.FindStringIndex(text)},
		{"FindStringSubmatch", lazy.FindStringSubmatch(text), eager.FindStringSubmatch(text)},
		{"FindAllString", lazy.FindAllString(text, -1), eager.FindAllString(text, -1)},
		{"FindAllStringIndex", lazy.FindAllStringIndex(text, -1), eager.FindAllStringIndex(text, -1)},
		{"FindAllStringSubmatch", lazy.FindAllStringSubmatch(text, -1), eager.FindAllStringSubmatch(text, -1)},
		{"FindAllStringSubmatchIndex", lazy.FindAllStringSubmatchIndex(text, -1), eager.FindAllStringSubmatchIndex(text, -1)},
		{"ReplaceAllString", lazy.ReplaceAllString(text, "$2-$1"), eager.ReplaceAllString(text, "$2-$1")},
		{"ReplaceAllStringFunc", lazy.ReplaceAllStringFunc(text, func(s string) string { return "<" + s + ">" }),
			eager.ReplaceAllStringFunc(text, func(s string) string { return "<" + s + ">" })},
		{"Split", lazy.Split(text, -1), eager.Split(text, -1)},
		{"String", lazy.String(), eager.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !equal(tc.lazy, tc.want) {
				t.Errorf("lazy %v, compiled %v", tc.lazy, tc.want)
			}
		})
	}
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case []string:
		return slices.Equal(a, b.([]string))
	case []int:
		return slices.Equal(a, b.([]int))
	case [][]int:
		return slices.EqualFunc(a, b.([][]int), slices.Equal)
	case [][]string:
		return slices.EqualFunc(a, b.([][]string), slices.Equal)
	}
	return a == b
}

func TestLazyRegexpCompilesOnceUnderConcurrentFirstUse(t *testing.T) {
	re := lazyregexp.New(`a+`)
	var wg sync.WaitGroup
	got := make([]*regexp.Regexp, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = re.Regexp()
		}()
	}
	wg.Wait()
	for _, r := range got[1:] {
		if r != got[0] {
			t.Fatal("two goroutines saw two compilations of one expression")
		}
	}
}

func TestAnInvalidExpressionPanicsOnFirstUseNotAtDeclaration(t *testing.T) {
	re := lazyregexp.New(`(`) // declaring it must not panic
	defer func() {
		if recover() == nil {
			t.Error("matching an invalid expression did not panic")
		}
	}()
	re.MatchString("x")
}
