package apiwalk_test

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/gocinder/cinder/internal/apiwalk"
)

var update = flag.Bool("update", false, "rewrite api/v1.txt (make api)")

type module struct {
	root string
	pkgs []*apiwalk.Package
	err  error
}

var loadOnce = sync.OnceValue(func() module {
	root, err := apiwalk.ModuleRoot(".")
	if err != nil {
		return module{err: err}
	}
	pkgs, err := apiwalk.Load(root)
	return module{root: root, pkgs: pkgs, err: err}
})

func load(t *testing.T) module {
	t.Helper()
	m := loadOnce()
	if m.err != nil {
		t.Fatal(m.err)
	}
	if len(m.pkgs) < 20 {
		t.Fatalf("found %d public packages, want the root, the resource packages and cindertest", len(m.pkgs))
	}
	return m
}

// short names a package as the allowlists do: "cinder" for the root, else
// the path inside the module ("volumes").
func short(m module, p *apiwalk.Package) string {
	rel, _ := filepath.Rel(m.root, p.Dir)
	if rel == "." {
		return p.Name
	}
	return filepath.ToSlash(rel)
}

// readList reads an allowlist: one key a line, '#' starts a comment.
func readList(t *testing.T, name string) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	keys := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if line = strings.TrimSpace(line); line != "" {
			keys[line] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return keys
}

// checkList fails on every finding not in the allowlist, and on every
// allowlist entry that is no longer a finding (the list only shrinks).
func checkList(t *testing.T, list string, allowed map[string]bool, found map[string]string) {
	t.Helper()
	var fresh, stale []string
	for key, msg := range found {
		if !allowed[key] {
			fresh = append(fresh, msg)
		}
	}
	for key := range allowed {
		if _, ok := found[key]; !ok {
			stale = append(stale, key)
		}
	}
	sort.Strings(fresh)
	sort.Strings(stale)
	for _, msg := range fresh {
		t.Error(msg)
	}
	if len(stale) > 0 {
		t.Errorf("fixed, so remove from internal/apiwalk/testdata/%s:\n%s", list, strings.Join(stale, "\n"))
	}
}

// TestNoInternalTypes fails on an exported identifier of a public package
// whose declaration (type, signature, field, alias target) mentions a type
// of an internal/ package: go doc would show a type the caller cannot name.
func TestNoInternalTypes(t *testing.T) {
	m := load(t)
	found := map[string]string{}
	for _, p := range m.pkgs {
		entries := apiwalk.Entries(p)
		for key, names := range apiwalk.InternalMentions(p) {
			line := ""
			for _, e := range entries {
				if e.Key == key {
					line = e.Line
					break
				}
			}
			k := short(m, p) + "." + key
			found[k] = k + ": " + line + "\n\tmentions " + strings.Join(names, ", ")
		}
	}
	checkList(t, "internal-allowlist.txt", readList(t, "internal-allowlist.txt"), found)
}

// TestDocComments fails on an exported identifier or exported struct field of
// a public package without a doc comment.
func TestDocComments(t *testing.T) {
	m := load(t)
	found := map[string]string{}
	fields, documented := 0, 0
	for _, p := range m.pkgs {
		r := apiwalk.Docs(p, m.root)
		fields += r.Fields
		documented += r.FieldsDocumented
		for _, miss := range r.Missing {
			// "volumes/volumes.go:12:2: field Volume.Size" → "volumes.Volume.Size"
			_, what, _ := strings.Cut(miss, ": ")
			_, name, _ := strings.Cut(what, " ")
			k := short(m, p) + "." + name
			found[k] = k + ": " + miss + ": no doc comment"
		}
	}
	t.Logf("exported struct fields: %d, documented: %d", fields, documented)
	checkList(t, "", nil, found)
}

// TestAPIRecord keeps api/v1.txt equal to the exported API.
func TestAPIRecord(t *testing.T) {
	m := load(t)
	var lines []string
	for _, p := range m.pkgs {
		lines = append(lines, apiwalk.Lines(p)...)
	}
	sort.Strings(lines)
	lines = slices.Compact(lines)
	want := strings.Join(lines, "\n") + "\n"
	file := filepath.Join(m.root, "api", "v1.txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v: run make api", err)
	}
	if string(got) == want {
		return
	}
	old := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
	var added, removed []string
	for _, l := range lines {
		if _, ok := slices.BinarySearch(old, l); !ok {
			added = append(added, "+"+l)
		}
	}
	for _, l := range old {
		if _, ok := slices.BinarySearch(lines, l); !ok {
			removed = append(removed, "-"+l)
		}
	}
	t.Errorf("api/v1.txt is stale: run make api (and review the change)\n%s",
		strings.Join(append(removed, added...), "\n"))
}
