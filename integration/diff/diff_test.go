//go:build diff

package diff

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var (
	ours   string // our cinder, built by TestMain
	python = firstNonEmpty(os.Getenv("CINDER_DIFF_PYTHON"), "/usr/bin/cinder")
	runID  = "df" + randHex(2)
	outDir string // per-line artefacts for reading a difference
)

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gocinder-diff-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	outDir = filepath.Join(dir, "lines")
	ours = os.Getenv("CINDER_DIFF_OURS")
	if ours == "" {
		ours = filepath.Join(dir, "cinder")
		build := exec.Command("go", "build", "-o", ours, "../../cmd/cinder")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "diff: building cmd/cinder:", err)
			os.Exit(2)
		}
	}
	code := m.Run()
	if os.Getenv("CINDER_DIFF_KEEP") == "" {
		os.RemoveAll(filepath.Join(dir, "cinder"))
	}
	fmt.Printf("diff: per-line artefacts in %s\n", outDir)
	os.Exit(code)
}

// aspects of a run that are compared.
var aspects = []string{"requests", "stdout", "exit", "stderr"}

// outcome is one CLI's run of one line, normalised.
type outcome struct {
	requests []string
	stdout   string
	exit     int
	stderr   string // first line
	saw500   bool
	raw      string // stdout and stderr as printed, for the artefacts
}

func (o outcome) aspect(name string) string {
	switch name {
	case "requests":
		s := slices.Clone(o.requests)
		slices.Sort(s) // ours may send independent requests concurrently
		return strings.Join(s, "\n")
	case "stdout":
		return o.stdout
	case "exit":
		return strconv.Itoa(o.exit)
	default:
		return o.stderr
	}
}

// tally counts the summary's figures.
type tally struct {
	lines, sameReq, sameOut, sameAll, allowed atomic.Int64
}

func TestDiff(t *testing.T) {
	ctx := context.Background()
	c, err := newCloud(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.leftovers(ctx); err != nil {
		t.Logf("leftovers of an earlier run: %v", err)
	}
	allow, err := readAllowlist("ALLOWLIST")
	if err != nil {
		t.Fatal(err)
	}
	lines := table()
	seen := map[string]bool{}
	for _, l := range lines {
		if seen[l.name] {
			t.Fatalf("line name %q twice in the table", l.name)
		}
		seen[l.name] = true
	}
	filter := os.Getenv("CINDER_DIFF_RUN")
	var tl tally
	var mu sync.Mutex
	var global sync.RWMutex
	used := map[string]bool{}
	start := time.Now()
	t.Run("lines", func(t *testing.T) {
		for i, l := range lines {
			if filter != "" && !regexp.MustCompile(filter).MatchString(l.name) {
				continue
			}
			t.Run(l.name, func(t *testing.T) {
				t.Parallel()
				// a line listing global resources (types, QoS specs) runs
				// alone: other lines' fixtures would show in it
				if l.exclusive {
					global.Lock()
					defer global.Unlock()
				} else {
					global.RLock()
					defer global.RUnlock()
				}
				py, go_, err := runLine(ctx, t, c, i, l)
				if err != nil && (py.saw500 || go_.saw500) {
					t.Logf("retrying after a 500: %v", err)
					py, go_, err = runLine(ctx, t, c, i, l)
				}
				if err != nil {
					t.Fatal(err)
				}
				diffs := compare(py, go_)
				if len(diffs) > 0 && (py.saw500 || go_.saw500) {
					t.Logf("retrying after a 500 (%s)", strings.Join(diffs, ", "))
					if py2, go2, err := runLine(ctx, t, c, i, l); err == nil {
						py, go_, diffs = py2, go2, compare(py2, go2)
					}
				}
				tl.lines.Add(1)
				if !slices.Contains(diffs, "requests") {
					tl.sameReq.Add(1)
				}
				if !slices.Contains(diffs, "stdout") && !slices.Contains(diffs, "exit") {
					tl.sameOut.Add(1)
				}
				if len(diffs) == 0 {
					tl.sameAll.Add(1)
				}
				writeArtefacts(l, py, go_)
				allowedAll := true
				for _, d := range diffs {
					key := l.name + " " + d
					mu.Lock()
					_, ok := allow[key]
					if !ok {
						_, ok = allow[l.name+" *"]
						key = l.name + " *"
					}
					if ok {
						used[key] = true
					}
					mu.Unlock()
					if !ok {
						allowedAll = false
						t.Errorf("%s differs (not in ALLOWLIST):\n%s", d, show(d, py, go_))
					}
				}
				if len(diffs) > 0 && allowedAll {
					tl.allowed.Add(1)
				}
			})
		}
	})
	n := tl.lines.Load()
	if n == 0 {
		return
	}
	pct := func(k int64) string { return fmt.Sprintf("%d (%.1f%%)", k, 100*float64(k)/float64(n)) }
	summary := fmt.Sprintf("diff: %d lines run in %s; identical requests %s; identical stdout+exit %s; identical in all four %s; differing but allowlisted %s",
		n, time.Since(start).Round(time.Second), pct(tl.sameReq.Load()), pct(tl.sameOut.Load()), pct(tl.sameAll.Load()), pct(tl.allowed.Load()))
	fmt.Println(summary)
	if filter == "" {
		for key := range allow {
			if !used[key] {
				fmt.Printf("diff: ALLOWLIST entry %q matched no difference (stale?)\n", key)
			}
		}
		if n > 0 && (float64(tl.sameReq.Load()) < 0.95*float64(n) || float64(tl.sameOut.Load()) < 0.90*float64(n)) {
			t.Errorf("below target: identical requests must be ≥95%% and identical stdout+exit ≥90%%")
		}
	}
}

// compare lists the aspects in which the two runs differ.
func compare(py, ours outcome) []string {
	var d []string
	for _, a := range aspects {
		if py.aspect(a) != ours.aspect(a) {
			d = append(d, a)
		}
	}
	return d
}

// show renders one differing aspect of both runs.
func show(aspect string, py, ours outcome) string {
	a, b := py.aspect(aspect), ours.aspect(aspect)
	var sb strings.Builder
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x == y {
			fmt.Fprintf(&sb, "    %s\n", x)
			continue
		}
		if i < len(al) {
			fmt.Fprintf(&sb, "  py  %s\n", x)
		}
		if i < len(bl) {
			fmt.Fprintf(&sb, "  go  %s\n", y)
		}
	}
	return sb.String()
}

func writeArtefacts(l line, py, ours outcome) {
	dir := filepath.Join(outDir, l.name)
	os.MkdirAll(dir, 0o755)
	for side, o := range map[string]outcome{"py": py, "go": ours} {
		text := fmt.Sprintf("$ cinder %s\nexit %d\n--- requests\n%s\n--- stdout (normalised)\n%s--- stderr (first line)\n%s\n--- raw\n%s",
			l.cmd, o.exit, strings.Join(o.requests, "\n"), o.stdout, o.stderr, o.raw)
		os.WriteFile(filepath.Join(dir, side+".txt"), []byte(text), 0o644)
	}
}

// runLine runs l through python and through ours, each in a fresh set of
// fixtures (one set for both when the line only reads), in l's own project.
func runLine(ctx context.Context, t *testing.T, c *cloud, idx int, l line) (py, ours outcome, err error) {
	ctx, cancel := context.WithTimeout(ctx, 8*time.Minute)
	defer cancel()
	pname := fmt.Sprintf("%s-%03d-%s", runID, idx, randHex(2))
	prefix := fmt.Sprintf("%s-%03d-", runID, idx)
	p, err := c.newProject(ctx, pname, l.demo)
	defer func() {
		if p != nil {
			if err := p.sweep(context.Background(), prefix); err != nil {
				t.Logf("cleanup: %v", err)
			}
			if err := p.remove(context.Background()); err != nil {
				t.Logf("cleanup: %v", err)
			}
		}
	}()
	if err != nil {
		return py, ours, fmt.Errorf("project: %w", err)
	}
	if l.prep != nil {
		if err := l.prep(ctx, p); err != nil {
			return py, ours, fmt.Errorf("prep: %w", err)
		}
	}
	owner := p // where the fixtures live
	if l.other {
		if owner, err = c.newProject(ctx, pname+"o", false); err != nil {
			return py, ours, fmt.Errorf("project: %w", err)
		}
		defer func() {
			if err := owner.sweep(context.Background(), prefix); err != nil {
				t.Logf("cleanup: %v", err)
			}
			if err := owner.remove(context.Background()); err != nil {
				t.Logf("cleanup: %v", err)
			}
		}()
	}
	var fx fixtures
	for i, bin := range []string{python, ours_()} {
		if i == 0 || !l.ro {
			if i == 1 {
				for _, q := range []*project{p, owner} {
					if err := q.sweep(ctx, prefix); err != nil {
						return py, ours, fmt.Errorf("sweep between the runs: %w", err)
					}
				}
			}
			if fx, err = owner.setup(ctx, prefix, l.fx); err != nil {
				return py, ours, err
			}
			fx["project"], fx["pname"] = p.id, p.name
			if l.other {
				fx["owner"] = owner.id
			}
		}
		o, err := run(ctx, c, p, bin, l, fx)
		if err != nil {
			return py, ours, err
		}
		if i == 0 {
			py = o
		} else {
			ours = o
		}
	}
	return py, ours, nil
}

func ours_() string { return ours }

// run runs one CLI on the line behind a fresh recorder.
func run(ctx context.Context, c *cloud, p *project, bin string, l line, fx fixtures) (outcome, error) {
	rec := newRecorder(c.cinderBase)
	defer rec.Close()
	args, err := split(expand(l.cmd, fx))
	if err != nil {
		return outcome{}, err
	}
	home, err := os.MkdirTemp("", "gocinder-diff-home-")
	if err != nil {
		return outcome{}, err
	}
	defer os.RemoveAll(home)
	who := c.admin
	if l.demo {
		who = c.demo
	}
	env := []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "LANG=C.UTF-8", "COLUMNS=80",
		"OS_AUTH_URL=" + c.authURL, "OS_USERNAME=" + who.user, "OS_PASSWORD=" + who.password,
		"OS_PROJECT_NAME=" + p.name, "OS_USER_DOMAIN_NAME=" + c.userDomain, "OS_PROJECT_DOMAIN_NAME=" + c.projDomain,
		"OS_REGION_NAME=" + c.region, "OS_INTERFACE=" + c.iface, "OS_VOLUME_API_VERSION=3",
		"CINDER_ENDPOINT=" + rec.URL() + "/v3/" + p.id,
	}
	for _, e := range l.env {
		env = append(env, expand(e, fx))
	}
	cctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, bin, args...)
	cmd.Env = env
	cmd.Dir = home
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if l.stdin != "" {
		cmd.Stdin = strings.NewReader(l.stdin)
	}
	err = cmd.Run()
	exit := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return outcome{}, fmt.Errorf("%s: %w", bin, err)
		}
		exit = ee.ExitCode()
		if cctx.Err() != nil {
			return outcome{}, fmt.Errorf("%s %s: timed out", bin, l.cmd)
		}
	}
	n := newNormaliser(c, p, fx, rec.URL())
	o := outcome{exit: exit, saw500: rec.saw500, raw: stdout.String() + "\n--- raw stderr\n" + stderr.String()}
	for _, r := range rec.Requests() {
		o.requests = append(o.requests, n.request(r))
	}
	o.stdout = n.text(stdout.String())
	first, _, _ := strings.Cut(stderr.String(), "\n")
	o.stderr = n.text(strings.TrimRight(first, "\r"))
	return o, nil
}

// expand replaces the {placeholders} of s with fixture values.
func expand(s string, fx fixtures) string {
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := fx[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

var placeholder = regexp.MustCompile(`\{[a-z0-9]+(\.[a-z]+)?\}`)

// split splits a command line into words as a POSIX shell would, for
// single and double quotes and backslashes.
func split(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else if r == '\\' && quote == '"' && i+1 < len(rs) {
				i++
				cur.WriteRune(rs[i])
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == '\\' && i+1 < len(rs):
			i++
			cur.WriteRune(rs[i])
			inWord = true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated quote in %q", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// normaliser rewrites the run-specific parts of a run's output: fixture
// IDs become {name}, other UUIDs <id1>, <id2>… by first appearance, dates
// <date>, request ids <req>, the harness's name prefix PFX-.
type normaliser struct {
	fixed []string // old, new pairs
	ids   map[string]string
}

func newNormaliser(c *cloud, p *project, fx fixtures, proxy string) *normaliser {
	n := &normaliser{ids: map[string]string{}}
	for k, v := range fx {
		if v == "" || strings.Contains(k, ".") && !strings.HasSuffix(k, ".key") || k == "pname" || k == "prefix" || k == "adminuser" || k == "token" {
			continue
		}
		n.fixed = append(n.fixed, v, "{"+k+"}")
	}
	n.fixed = longestFirst(n.fixed)
	n.fixed = append(n.fixed, fx["prefix"], "PFX-", p.name, "{pname}", p.id, "{project}",
		strings.ReplaceAll(p.id, "-", ""), "{project}", c.adminUserID, "{admin}", c.demoUser, "{demo}",
		proxy, "http://CINDER", c.cinderBase, "http://CINDER")
	return n
}

// longestFirst orders old/new pairs by decreasing length of old (then
// old), so a value inside a longer one cannot split it.
func longestFirst(kv []string) []string {
	type pair struct{ old, new string }
	ps := make([]pair, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		ps = append(ps, pair{kv[i], kv[i+1]})
	}
	slices.SortFunc(ps, func(a, b pair) int {
		if len(a.old) != len(b.old) {
			return len(b.old) - len(a.old)
		}
		return strings.Compare(a.old, b.old)
	})
	out := make([]string, 0, len(kv))
	for _, p := range ps {
		out = append(out, p.old, p.new)
	}
	return out
}

var (
	uuidRE = regexp.MustCompile(`\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[0-9a-f]{32}\b`)
	reqRE  = regexp.MustCompile(`req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	dateRE = regexp.MustCompile(`\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?`)
	keyRE  = regexp.MustCompile(`\b[0-9a-f]{16}\b`)
	portRE = regexp.MustCompile(`127\.0\.0\.1:\d+`)
)

func (n *normaliser) text(s string) string {
	s = reqRE.ReplaceAllString(s, "<req>")
	for i := 0; i+1 < len(n.fixed); i += 2 {
		if n.fixed[i] != "" {
			s = strings.ReplaceAll(s, n.fixed[i], n.fixed[i+1])
		}
	}
	s = uuidRE.ReplaceAllStringFunc(s, func(id string) string {
		if v, ok := n.ids[id]; ok {
			return v
		}
		v := fmt.Sprintf("<id%d>", len(n.ids)+1)
		n.ids[id] = v
		return v
	})
	s = dateRE.ReplaceAllString(s, "<date>")
	s = keyRE.ReplaceAllString(s, "<key>")
	return portRE.ReplaceAllString(s, "127.0.0.1:PORT")
}

func (n *normaliser) request(r request) string {
	var sb strings.Builder
	sb.WriteString(r.Method + " " + n.text(r.Path))
	if len(r.Query) > 0 {
		q := make([]string, len(r.Query))
		for i, kv := range r.Query {
			q[i] = n.text(kv)
		}
		slices.Sort(q)
		sb.WriteString(" ?" + strings.Join(q, "&"))
	}
	// Equivalences Cinder cannot tell apart: no OpenStack-API-Version is
	// 3.0; GET / (the versions document) ignores the header.
	if v := strings.TrimSpace(r.Version); v != "" && v != "volume 3.0" && r.Path != "/" {
		sb.WriteString(" [" + v + "]")
	}
	if r.Body != nil {
		body := r.Body
		if r.Method == "POST" {
			body = dropNull(body, isCollection(r.Path))
		}
		b, _ := json.Marshal(body) // map keys sorted
		sb.WriteString(" " + n.text(string(b)))
	}
	return sb.String()
}

// isCollection reports whether path is a collection (…/volumes), where a
// POST creates: not an action (…/action) or a member.
func isCollection(path string) bool {
	last := path[strings.LastIndex(path, "/")+1:]
	return last != "action" && !uuidRE.MatchString(last)
}

// dropNull removes the null members of a POST body's resource or action
// (python-cinderclient sends every unset option as null), and in a create
// also the {} ones: Cinder's schemas take both as absent.
func dropNull(body any, create bool) any {
	env, ok := body.(map[string]any)
	if !ok || len(env) != 1 {
		return body
	}
	out := map[string]any{}
	for k, v := range env {
		res, ok := v.(map[string]any)
		if !ok {
			return body
		}
		m := map[string]any{}
		for rk, rv := range res {
			if rv == nil {
				continue
			}
			if mm, ok := rv.(map[string]any); ok && len(mm) == 0 && create {
				continue
			}
			m[rk] = rv
		}
		out[k] = m
	}
	return out
}

// readAllowlist reads "LINE ASPECT REASON…" lines (# comments); ASPECT is
// requests, stdout, exit, stderr or * (all).
func readAllowlist(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for no := 1; sc.Scan(); no++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Fields(text)
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want LINE ASPECT REASON", path, no)
		}
		if f[1] != "*" && !slices.Contains(aspects, f[1]) {
			return nil, fmt.Errorf("%s:%d: aspect %q is not one of %v or *", path, no, f[1], aspects)
		}
		m[f[0]+" "+f[1]] = strings.Join(f[2:], " ")
	}
	return m, sc.Err()
}
