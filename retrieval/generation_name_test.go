package retrieval

import (
	"regexp"
	"testing"
)

// TestGenerationNamesAreThePatterns holds isGenerationName to the pattern
// it replaced, ^gen-[0-9a-f]{16}$.
func TestGenerationNamesAreThePatterns(t *testing.T) {
	pattern := regexp.MustCompile(`^gen-[0-9a-f]{16}$`)
	for _, name := range []string{
		"gen-269fc5f48f702172", "gen-0123456789abcdef", "gen-269fc5f48f70217", "gen-269fc5f48f7021720",
		"gen-269FC5F48F702172", "gen-269fc5f48f70217g", "Gen-269fc5f48f702172", "gen_269fc5f48f702172",
		"xgen-269fc5f48f702172", "gen-", "", "CURRENT", "build.lock", ".gen-269fc5f48f702172.tmp",
		"gen-269fc5f48f70217\n", "gen-269fc5f48f70217/", "gen-ééééééé",
	} {
		if got, want := isGenerationName(name), pattern.MatchString(name); got != want {
			t.Errorf("isGenerationName(%q) = %v, the pattern says %v", name, got, want)
		}
	}
}

// FuzzGenerationNamesAreThePatterns is the test above over any name.
func FuzzGenerationNamesAreThePatterns(f *testing.F) {
	pattern := regexp.MustCompile(`^gen-[0-9a-f]{16}$`)
	f.Add("gen-269fc5f48f702172")
	f.Add("gen-269fc5f48f70217G")
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := isGenerationName(name), pattern.MatchString(name); got != want {
			t.Errorf("isGenerationName(%q) = %v, the pattern says %v", name, got, want)
		}
	})
}
