// Package apiwalk walks the exported API of the module's public packages for
// the tests that keep it honest: no internal type in an exported signature,
// a doc comment on every exported identifier and struct field, and the API
// record api/v1.txt (see Lines).
//
// It uses only the standard library: `go list -export` finds the packages and
// their compiled export data, go/types reads the types from that export data,
// and go/parser + go/doc read the comments from the source.
package apiwalk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Package is one public package of the module, with its types and parsed
// (non-test) source files.
type Package struct {
	// Path is the import path.
	Path string
	// Name is the package name.
	Name string
	// Dir is the package's directory.
	Dir string
	// Fset holds the positions of Files.
	Fset *token.FileSet
	// Files are the package's non-test Go files, parsed with comments.
	Files []*ast.File
	// Types is the package as the compiler exported it.
	Types *types.Package
}

// listed is the part of `go list -json` output used here.
type listed struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	Export     string
	Module     *struct{ Path string }
	Error      *struct{ Err string }
}

// ModuleRoot returns the directory holding go.mod at or above dir.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("apiwalk: no go.mod above the working directory")
		}
		dir = parent
	}
}

// IsPublic reports whether a package of the module is part of its public API:
// not under internal/, and not a command.
func IsPublic(path, name string) bool {
	if name == "main" {
		return false
	}
	for _, elem := range strings.Split(path, "/") {
		if elem == "internal" {
			return false
		}
	}
	return true
}

// MentionsInternal reports whether an import path is internal.
func MentionsInternal(path string) bool {
	return path == "internal" || strings.HasPrefix(path, "internal/") ||
		strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal")
}

func goList(root string, args ...string) ([]listed, error) {
	cmd := exec.Command("go", append([]string{"list", "-e", "-json=ImportPath,Name,Dir,GoFiles,Export,Module,Error"}, args...)...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("apiwalk: go list %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var pkgs []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("apiwalk: go list output: %w", err)
		}
		if p.Error != nil {
			return nil, fmt.Errorf("apiwalk: package %s: %s", p.ImportPath, p.Error.Err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// Load returns the public packages of the module rooted at root, sorted by
// import path.
func Load(root string) ([]*Package, error) {
	all, err := goList(root, "./...")
	if err != nil {
		return nil, err
	}
	var paths []string
	src := map[string]listed{}
	for _, p := range all {
		if IsPublic(p.ImportPath, p.Name) {
			paths = append(paths, p.ImportPath)
			src[p.ImportPath] = p
		}
	}
	sort.Strings(paths)
	deps, err := goList(root, append([]string{"-export", "-deps"}, paths...)...)
	if err != nil {
		return nil, err
	}
	exports := map[string]string{}
	for _, p := range deps {
		exports[p.ImportPath] = p.Export
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		f, ok := exports[path]
		if !ok || f == "" {
			return nil, fmt.Errorf("apiwalk: no export data for %s", path)
		}
		return os.Open(f)
	})
	var pkgs []*Package
	for _, path := range paths {
		l := src[path]
		tp, err := imp.Import(path)
		if err != nil {
			return nil, fmt.Errorf("apiwalk: import %s: %w", path, err)
		}
		p := &Package{Path: path, Name: l.Name, Dir: l.Dir, Fset: fset, Types: tp}
		for _, name := range l.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(l.Dir, name), nil, parser.ParseComments)
			if err != nil {
				return nil, err
			}
			p.Files = append(p.Files, f)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}
