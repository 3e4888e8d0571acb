package main

import (
	"fmt"
	"sort"
	"strings"
)

// knownVariables lists every variable footnote reads, in .env.example's
// order. It is the one list: configure warns about any FOOTNOTE_ or
// DISCORD_ variable not on it, and a test checks that .env.example lists
// exactly these and that the code reads no other.
func knownVariables() []string {
	return []string{
		"FOOTNOTE_CORPUS_DIR", "FOOTNOTE_INDEX_DIR", "FOOTNOTE_MAX_FILE_BYTES", "FOOTNOTE_MAX_CORPUS_BYTES",
		"FOOTNOTE_EMBEDDER", "FOOTNOTE_EMBEDDING_MODEL",
		"FOOTNOTE_STORE", "FOOTNOTE_WEAVIATE_URL", "FOOTNOTE_WEAVIATE_API_KEY", "FOOTNOTE_WEAVIATE_COLLECTION",
		"FOOTNOTE_WEAVIATE_READ_CONSISTENCY", "FOOTNOTE_WEAVIATE_WRITE_CONSISTENCY", "FOOTNOTE_WEAVIATE_TIMEOUT",
		"FOOTNOTE_TOP_K", "FOOTNOTE_GATE_MODEL", "FOOTNOTE_THRESHOLD", "FOOTNOTE_LEXICAL_WEIGHT",
		"FOOTNOTE_GENERATOR", "FOOTNOTE_LLM_TIMEOUT", "FOOTNOTE_CHAT_MODEL", "FOOTNOTE_VERIFY",
		"OPENAI_API_KEY", "OPENAI_BASE_URL",
		"DISCORD_TOKEN", "DISCORD_APP_ID", "DISCORD_GUILD_ID", "DISCORD_API_BASE_URL",
		"FOOTNOTE_MESSAGE_CONTENT", "FOOTNOTE_REPLY_MODE", "FOOTNOTE_ALLOWED_GUILDS", "FOOTNOTE_ALLOWED_CHANNELS",
		"FOOTNOTE_RATE_LIMIT", "FOOTNOTE_WORKERS", "FOOTNOTE_FEEDBACK_FILE",
		"DISCORD_SHARD_ID", "DISCORD_SHARD_COUNT", "FOOTNOTE_HEALTH_ADDR",
		"FOOTNOTE_REDIS_URL", "FOOTNOTE_REDIS_PREFIX", "FOOTNOTE_REDIS_TTL",
	}
}

// unknownVariables returns one warning per variable in the environment or
// .env that looks like footnote's but is not one it reads, naming the
// closest known variable: a misspelt FOOTNOTE_CORPUS would otherwise be
// ignored in silence and the built-in corpus would answer.
func (e environment) unknownVariables() []string {
	known := map[string]bool{}
	for _, k := range knownVariables() {
		known[k] = true
	}
	seen := map[string]string{}
	for source, vars := range map[string]map[string]string{".env": e.dotenv, "the environment": e.process} {
		for k := range vars {
			if !known[k] && watched(k) && (seen[k] == "" || source == "the environment") {
				seen[k] = source
			}
		}
	}
	var out []string
	for k, source := range seen {
		out = append(out, fmt.Sprintf("%s (in %s) is not a footnote setting and is ignored; did you mean %s?", k, source, nearest(k, knownVariables())))
	}
	sort.Strings(out)
	return out
}

// watched reports whether name has the prefix of footnote's own
// variables. OPENAI_ is left out: other tools read OPENAI_ORG_ID and
// friends from the same shell.
func watched(name string) bool {
	for _, p := range []string{"FOOTNOTE_", "DISCORD_"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// nearest returns the candidate with the smallest edit distance to name.
func nearest(name string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		if d := editDistance(name, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes
// (variable names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
