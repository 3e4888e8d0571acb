package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/footnote-dev/footnote/eval"
)

// weaviateEnv returns the environment that points footnote at the test
// cluster, in a collection of the test's own, or skips the test when no
// cluster is configured (FOOTNOTE_TEST_WEAVIATE_URL; scripts/weaviate-cluster
// writes it).
func weaviateEnv(t *testing.T) map[string]string {
	t.Helper()
	urls := os.Getenv("FOOTNOTE_TEST_WEAVIATE_URL")
	if urls == "" {
		t.Skip("FOOTNOTE_TEST_WEAVIATE_URL is not set (start a cluster with scripts/weaviate-cluster)")
	}
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	alias := "T" + hex.EncodeToString(b)
	t.Cleanup(func() { dropCollections(t, strings.Split(urls, ",")[0], alias) })
	return map[string]string{
		"FOOTNOTE_STORE":               "weaviate",
		"FOOTNOTE_WEAVIATE_URL":        urls,
		"FOOTNOTE_WEAVIATE_COLLECTION": alias,
	}
}

// retrievalMetrics runs eval on testdata/eval.jsonl and returns the
// retrieval metrics by key.
func retrievalMetrics(t *testing.T, env map[string]string) map[string]float64 {
	t.Helper()
	out, errOut, code := footnote(t, env, "eval", "--fixtures", "../../testdata/eval.jsonl", "--json")
	if code != 0 {
		t.Fatalf("eval: exit %d, stderr %q", code, errOut)
	}
	var rep eval.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --json: %v", err)
	}
	got := map[string]float64{}
	for _, m := range rep.Metrics {
		if m.Group == "Retrieval" && m.Value != nil {
			got[m.Key] = *m.Value
		}
	}
	if len(got) < 4 {
		t.Fatalf("only %d retrieval metrics in the report: %v", len(got), got)
	}
	return got
}

func TestWeaviateEvalMatchesTheInProcessStore(t *testing.T) {
	env := weaviateEnv(t)
	want := retrievalMetrics(t, nil)
	got := retrievalMetrics(t, env)
	for k, w := range want {
		if g, ok := got[k]; !ok || g < w-0.02 || g > w+0.02 {
			t.Errorf("%s: weaviate %.3f, chromem-go %.3f (must be within 0.02)", k, g, w)
		} else {
			t.Logf("%s: weaviate %.3f, chromem-go %.3f", k, g, w)
		}
	}
}

func TestWeaviateAskCitesWhatTheDefaultStoreCites(t *testing.T) {
	env := weaviateEnv(t)
	q := "Why did Kim Jong Un skip the Victory Day parade in Moscow?"
	want, _, _ := footnote(t, nil, "ask", "--json", q)
	got, errOut, code := footnote(t, env, "ask", "--json", q)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if citations(t, got) != citations(t, want) {
		t.Errorf("citations differ:\nweaviate %s\nchromem  %s", citations(t, got), citations(t, want))
	}
}

// citations is the cited paragraph list of an ask --json answer.
func citations(t *testing.T, out string) string {
	t.Helper()
	var a struct {
		Citations []struct {
			Doc       string `json:"doc"`
			Paragraph int    `json:"paragraph"`
		} `json:"citations"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("ask --json: %v\n%s", err, out)
	}
	var parts []string
	for _, c := range a.Citations {
		parts = append(parts, c.Doc+"¶"+strconv.Itoa(c.Paragraph))
	}
	return strings.Join(parts, ", ")
}

func TestUnreachableWeaviateIsOneLineNamingTheEndpoints(t *testing.T) {
	closed := []string{closedPort(t), closedPort(t)}
	env := map[string]string{"FOOTNOTE_STORE": "weaviate", "FOOTNOTE_WEAVIATE_URL": strings.Join(closed, ","), "FOOTNOTE_WEAVIATE_API_KEY": "wv-secret-key-123"}
	for _, args := range [][]string{{"ask", "Who is Kim?"}, {"search", "Kim"}, {"index"}} {
		t.Run(args[0]+" exits 1 with one line", func(t *testing.T) {
			out, errOut, code := footnote(t, env, args...)
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q", code, out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "unreachable") {
				t.Errorf("stderr is not one line saying so: %q", errOut)
			}
			for _, u := range closed {
				if !strings.Contains(errOut, u) {
					t.Errorf("stderr does not name %s: %q", u, errOut)
				}
			}
			if strings.Contains(errOut, "wv-secret-key-123") {
				t.Errorf("the API key leaked: %q", errOut)
			}
		})
	}
}

func TestWeaviateSettingsAreChecked(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"an unknown store", map[string]string{"FOOTNOTE_STORE": "qdrant"}, "FOOTNOTE_STORE must be chromem or weaviate"},
		{"weaviate without endpoints", map[string]string{"FOOTNOTE_STORE": "weaviate"}, "needs FOOTNOTE_WEAVIATE_URL"},
		{"a bad consistency level", map[string]string{"FOOTNOTE_STORE": "weaviate", "FOOTNOTE_WEAVIATE_URL": "http://127.0.0.1:1", "FOOTNOTE_WEAVIATE_READ_CONSISTENCY": "most"}, "ONE, QUORUM or ALL"},
		{"a bad timeout", map[string]string{"FOOTNOTE_STORE": "weaviate", "FOOTNOTE_WEAVIATE_URL": "http://127.0.0.1:1", "FOOTNOTE_WEAVIATE_TIMEOUT": "soon"}, "FOOTNOTE_WEAVIATE_TIMEOUT must be a duration"},
		{"an endpoint that is not a URL", map[string]string{"FOOTNOTE_STORE": "weaviate", "FOOTNOTE_WEAVIATE_URL": "127.0.0.1:8080"}, "must be an http(s) URL"},
	} {
		t.Run(tc.name+" is refused in one line", func(t *testing.T) {
			_, errOut, code := footnote(t, tc.env, "ask", "Who is Kim?")
			if code == 0 || !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want a line with %q", code, errOut, tc.want)
			}
		})
	}
}

// closedPort returns the URL of a loopback port nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// cluster drives scripts/weaviate-cluster on the test cluster's state
// folder (FOOTNOTE_TEST_WEAVIATE_CLUSTER).
type cluster struct {
	t   *testing.T
	dir string
}

func testCluster(t *testing.T) cluster {
	t.Helper()
	dir := os.Getenv("FOOTNOTE_TEST_WEAVIATE_CLUSTER")
	if dir == "" {
		t.Skip("FOOTNOTE_TEST_WEAVIATE_CLUSTER is not set (scripts/weaviate-cluster start writes it)")
	}
	return cluster{t: t, dir: dir}
}

func (c cluster) run(args ...string) string {
	c.t.Helper()
	script, _ := filepath.Abs("../../scripts/weaviate-cluster")
	out, err := exec.Command(script, append([]string{args[0], c.dir}, args[1:]...)...).Output()
	if err != nil {
		c.t.Fatalf("weaviate-cluster %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}

// rest sends one request to a node of the test cluster and decodes the
// JSON answer into out; it returns the status.
func rest(t *testing.T, method, url string, body, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	if out != nil && resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatalf("%s %s: %v", method, url, err)
		}
	}
	return resp.StatusCode
}

// dropCollections deletes the test's builds, meta collection and alias.
func dropCollections(t *testing.T, node, alias string) {
	var schema struct {
		Classes []struct {
			Class string `json:"class"`
		} `json:"classes"`
	}
	rest(t, http.MethodDelete, node+"/v1/aliases/"+alias, nil, nil)
	rest(t, http.MethodGet, node+"/v1/schema", nil, &schema)
	for _, c := range schema.Classes {
		if strings.HasPrefix(c.Class, alias) {
			rest(t, http.MethodDelete, node+"/v1/schema/"+c.Class, nil, nil)
		}
	}
}

// copyBuiltin writes the built-in corpus's files to a new folder.
func copyBuiltin(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob("../../corpus/builtin/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("built-in corpus files: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// storedObject is a paragraph object as the REST API lists it.
type storedObject struct {
	ID         string `json:"id"`
	Properties struct {
		PID  string `json:"pid"`
		Text string `json:"text"`
	} `json:"properties"`
}

// buildObjects lists every object of the alias's current build.
func buildObjects(t *testing.T, node, alias string) (string, []storedObject) {
	t.Helper()
	var a struct {
		Class string `json:"class"`
	}
	if rest(t, http.MethodGet, node+"/v1/aliases/"+alias, nil, &a) != http.StatusOK {
		t.Fatalf("alias %s not found", alias)
	}
	var list struct {
		Objects []storedObject `json:"objects"`
	}
	if rest(t, http.MethodGet, node+"/v1/objects?class="+a.Class+"&limit=10000", nil, &list) != http.StatusOK {
		t.Fatalf("list objects of %s", a.Class)
	}
	return a.Class, list.Objects
}

func TestWeaviateSurvivesTheLossOfANodeAndItCatchesUp(t *testing.T) {
	env := weaviateEnv(t)
	c := testCluster(t)
	nodes := strings.Split(env["FOOTNOTE_WEAVIATE_URL"], ",")
	env["FOOTNOTE_CORPUS_DIR"] = copyBuiltin(t)
	if _, errOut, code := footnote(t, env, "index"); code != 0 {
		t.Fatalf("index: exit %d, %s", code, errOut)
	}

	// The Raft leader is the worst node to lose: schema changes wait for a
	// new one to be elected.
	victim, err := strconv.Atoi(c.run("leader"))
	if err != nil {
		t.Fatalf("leader: %v", err)
	}
	c.run("kill", strconv.Itoa(victim))
	killed := time.Now()
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			c.run("restart", strconv.Itoa(victim))
		}
	})

	stop := make(chan struct{})
	asked := make(chan []string)
	go func() {
		var failures []string
		n := 0
		for {
			select {
			case <-stop:
				asked <- append(failures, fmt.Sprintf("(%d asked)", n))
				return
			default:
			}
			n++
			out, errOut, code := footnote(t, env, "ask", "Why did Kim Jong Un skip the Victory Day parade in Moscow?")
			if code != 0 || !strings.Contains(out, "[1]") {
				failures = append(failures, fmt.Sprintf("exit %d: %s", code, errOut))
			}
		}
	}()

	f := filepath.Join(env["FOOTNOTE_CORPUS_DIR"], "004_d4964704e57e77cf.txt")
	added := "Pyongyang's zoo reopened its aquarium of glass submarines in the spring, the state news agency reported."
	insertParagraph(t, f, added)
	out, errOut, code := footnote(t, env, "index")
	// Keep asking past a new leader's election (8–11 s on loopback).
	time.Sleep(time.Until(killed.Add(15 * time.Second)))
	close(stop)
	failures := <-asked
	// The asks running meanwhile open the same store: one of them may see
	// the changed file first and update the collection itself, and then
	// index finds it current. Either way the update ran with the node
	// down; the search below checks that it landed.
	if code != 0 || !strings.Contains(out, "corpus changed") && !strings.Contains(out, "index loaded") {
		t.Fatalf("index of a changed file with node %d down: exit %d\n%s%s", victim, code, out, errOut)
	}
	if len(failures) > 1 {
		t.Errorf("ask failed with node %d down: %v", victim, failures)
	}
	t.Logf("with node %d down: %s", victim, failures[len(failures)-1])
	if out, _, _ := footnote(t, env, "search", "glass submarines aquarium"); !strings.Contains(out, "glass submarines") {
		t.Errorf("the changed paragraph is not found:\n%s", out)
	}

	c.run("restart", strconv.Itoa(victim))
	restarted = true
	class, objs := buildObjects(t, nodes[(victim+1)%len(nodes)], env["FOOTNOTE_WEAVIATE_COLLECTION"])
	paragraphs := map[string]bool{}
	for _, o := range objs {
		if paragraphs[o.Properties.PID] {
			t.Errorf("paragraph %s is stored twice", o.Properties.PID)
		}
		paragraphs[o.Properties.PID] = true
	}
	waitCaughtUp(t, nodes[victim], victim, class, objs, added)
}

// waitCaughtUp waits until node victim holds every object of the build,
// the one written while it was down included, as the others hold them.
func waitCaughtUp(t *testing.T, node string, victim int, class string, objs []storedObject, added string) {
	t.Helper()
	deadline := time.Now().Add(120 * time.Second)
	for {
		missing := 0
		sawAdded := false
		for _, o := range objs {
			var got storedObject
			code := rest(t, http.MethodGet, fmt.Sprintf("%s/v1/objects/%s/%s?node_name=weaviate-%d", node, class, o.ID, victim), nil, &got)
			if code != http.StatusOK || got.Properties.Text != o.Properties.Text {
				missing++
			}
			sawAdded = sawAdded || (code == http.StatusOK && got.Properties.Text == added)
		}
		if missing == 0 && sawAdded {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("node %d still lacks %d of %d objects after 120s", victim, missing, len(objs))
		}
		time.Sleep(time.Second)
	}
}

// insertParagraph adds a paragraph after the file's third one (the end
// of an article holds page furniture that cleaning drops).
func insertParagraph(t *testing.T, path, text string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(b), "\n\n", 4)
	if len(parts) < 4 {
		t.Fatalf("%s has fewer than four paragraphs", path)
	}
	out := strings.Join(parts[:3], "\n\n") + "\n\n" + text + "\n\n" + parts[3]
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}
