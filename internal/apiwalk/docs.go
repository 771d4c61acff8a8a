package apiwalk

import (
	"go/ast"
	"go/doc"
	"go/token"
	"sort"
	"strings"
)

// DocReport lists the exported identifiers of a package that have no doc
// comment, and counts its exported struct fields.
type DocReport struct {
	// Missing names each undocumented identifier with its position:
	// "volumes/volumes.go:42: field Volume.Size".
	Missing []string
	// Fields is the number of exported struct fields (of exported types,
	// anonymous structs inside them included).
	Fields int
	// FieldsDocumented is how many of Fields have a doc or line comment.
	FieldsDocumented int
}

// Docs checks the doc comments of p: the package clause, every exported
// const, var, func, type and method, and every exported field (and interface
// method) of an exported type. A const or var is documented by its own
// comment or by its group's; a field by a comment above it or at the end of
// its line. Paths in the report are relative to root.
//
// go/doc trims unexported declarations from p.Files: call Docs once per Load.
func Docs(p *Package, root string) (r DocReport) {
	rel := func(pos token.Pos) string {
		s := p.Fset.Position(pos).String()
		return strings.TrimPrefix(strings.TrimPrefix(s, root), "/")
	}
	type missing struct {
		pos  token.Pos
		what string
	}
	var ms []missing
	miss := func(pos token.Pos, what string) { ms = append(ms, missing{pos, what}) }
	defer func() {
		sort.SliceStable(ms, func(i, j int) bool {
			a, b := p.Fset.Position(ms[i].pos), p.Fset.Position(ms[j].pos)
			return a.Filename < b.Filename || a.Filename == b.Filename && a.Offset < b.Offset
		})
		for _, m := range ms {
			r.Missing = append(r.Missing, rel(m.pos)+": "+m.what)
		}
	}()
	dp, err := doc.NewFromFiles(p.Fset, p.Files, p.Path)
	if err != nil {
		miss(p.Files[0].Package, "package: "+err.Error())
		return r
	}
	if strings.TrimSpace(dp.Doc) == "" {
		miss(p.Files[0].Package, "package "+p.Name)
	}
	values := func(vs []*doc.Value, kind string) {
		for _, v := range vs {
			for _, spec := range v.Decl.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if !n.IsExported() {
						continue
					}
					if v.Doc == "" && vs.Doc == nil && vs.Comment == nil {
						miss(n.Pos(), kind+" "+n.Name)
					}
				}
			}
		}
	}
	funcs := func(fs []*doc.Func) {
		for _, f := range fs {
			if f.Doc == "" {
				name := f.Name
				if f.Recv != "" {
					name = strings.TrimPrefix(f.Recv, "*") + "." + name
				}
				miss(f.Decl.Pos(), "func "+name)
			}
		}
	}
	values(dp.Consts, "const")
	values(dp.Vars, "var")
	funcs(dp.Funcs)
	for _, t := range dp.Types {
		if t.Doc == "" {
			miss(t.Decl.Pos(), "type "+t.Name)
		}
		values(t.Consts, "const")
		values(t.Vars, "var")
		funcs(t.Funcs)
		funcs(t.Methods)
		for _, spec := range t.Decl.Specs {
			ts := spec.(*ast.TypeSpec)
			if ts.Name.Name == t.Name {
				r.fields(ts.Type, t.Name, miss)
			}
		}
	}
	return r
}

// fields checks the exported fields of a struct type expression (and of the
// anonymous structs inside it), and the methods of an interface.
func (r *DocReport) fields(e ast.Expr, owner string, miss func(token.Pos, string)) {
	switch e := e.(type) {
	case *ast.StructType:
		for _, f := range e.Fields.List {
			names := f.Names
			if len(names) == 0 { // embedded: the type name is the field name
				if id := embeddedName(f.Type); id != nil {
					names = []*ast.Ident{id}
				}
			}
			for _, n := range names {
				if !n.IsExported() {
					continue
				}
				r.Fields++
				if f.Doc != nil || f.Comment != nil {
					r.FieldsDocumented++
				} else {
					miss(n.Pos(), "field "+owner+"."+n.Name)
				}
				r.fields(f.Type, owner+"."+n.Name, miss)
			}
		}
	case *ast.InterfaceType:
		for _, m := range e.Methods.List {
			for _, n := range m.Names {
				if n.IsExported() && m.Doc == nil && m.Comment == nil {
					miss(n.Pos(), "interface method "+owner+"."+n.Name)
				}
			}
		}
	case *ast.StarExpr:
		r.fields(e.X, owner, miss)
	case *ast.ArrayType:
		r.fields(e.Elt, owner, miss)
	case *ast.MapType:
		r.fields(e.Value, owner, miss)
	}
}

func embeddedName(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.StarExpr:
		return embeddedName(e.X)
	case *ast.SelectorExpr:
		return e.Sel
	case *ast.IndexExpr:
		return embeddedName(e.X)
	case *ast.IndexListExpr:
		return embeddedName(e.X)
	}
	return nil
}
