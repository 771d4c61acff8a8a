package apiwalk

import (
	"fmt"
	"go/types"
	"sort"
	"strings"
)

// Entry is one exported identifier of a package: a const, var, func, type,
// method (promoted ones too) or struct field.
type Entry struct {
	// Key names the identifier inside its package: "Get", "Manager.Get",
	// "Volume.Size".
	Key string
	// Line is the identifier's line in the API record, in the format of Go's
	// api/go1.*.txt: "pkg <path>, method (*Manager) Get(context.Context, string) (*Volume, error)".
	Line string
	// Types are the types the identifier's declaration mentions.
	Types []types.Type
}

// Entries returns the exported identifiers of p, sorted by line. A const has
// two entries (its type and its value), as in Go's API files.
func Entries(p *Package) []Entry {
	w := walker{pkg: p.Types, prefix: "pkg " + p.Path + ", "}
	scope := p.Types.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Const:
			w.add(name, "const "+name+" "+w.typ(obj.Type()), obj.Type())
			w.add(name, "const "+name+" = "+obj.Val().ExactString())
		case *types.Var:
			w.add(name, "var "+name+" "+w.typ(obj.Type()), obj.Type())
		case *types.Func:
			sig := obj.Type().(*types.Signature)
			w.add(name, "func "+name+w.tparams(sig.TypeParams())+w.sig(sig), sigTypes(sig)...)
		case *types.TypeName:
			w.typeName(obj)
		}
	}
	sort.Slice(w.out, func(i, j int) bool { return w.out[i].Line < w.out[j].Line })
	return w.out
}

// Lines returns the API record lines of p, sorted.
func Lines(p *Package) []string {
	var lines []string
	for _, e := range Entries(p) {
		lines = append(lines, e.Line)
	}
	return lines
}

// InternalMentions returns the entries of p whose declaration mentions a type
// of an internal package, each with the internal types it names.
func InternalMentions(p *Package) map[string][]string {
	found := map[string][]string{}
	for _, e := range Entries(p) {
		seen := map[string]bool{}
		for _, t := range e.Types {
			for _, name := range internalNames(t) {
				if !seen[name] {
					seen[name] = true
					found[e.Key] = append(found[e.Key], name)
				}
			}
		}
	}
	return found
}

type walker struct {
	pkg    *types.Package
	prefix string
	out    []Entry
}

func (w *walker) add(key, line string, ts ...types.Type) {
	w.out = append(w.out, Entry{Key: key, Line: w.prefix + line, Types: ts})
}

func (w *walker) typeName(obj *types.TypeName) {
	name := obj.Name()
	if obj.IsAlias() {
		rhs := obj.Type()
		if a, ok := rhs.(*types.Alias); ok {
			rhs = a.Rhs()
		}
		w.add(name, "type "+name+" = "+w.typ(rhs), rhs)
		// An alias of an internal type is the only place its fields and
		// methods show in this package: record them under the alias.
		if n, ok := types.Unalias(rhs).(*types.Named); ok && n.Obj().Pkg() != nil && MentionsInternal(n.Obj().Pkg().Path()) {
			w.members(name, n)
		}
		return
	}
	n, ok := obj.Type().(*types.Named)
	if !ok {
		return
	}
	head := "type " + name + w.tparams(n.TypeParams())
	switch u := n.Underlying().(type) {
	case *types.Struct:
		w.add(name, head+" struct")
	case *types.Interface:
		var ms []string
		for m := range u.Methods() {
			if m.Exported() {
				ms = append(ms, m.Name())
			} else {
				ms = append(ms, "unexported methods")
			}
		}
		sort.Strings(ms)
		w.add(name, head+" interface { "+strings.Join(ms, ", ")+" }")
	default:
		w.add(name, head+" "+w.typ(u), u)
	}
	w.members(name, n)
}

// members adds the exported fields and methods of n under the type name.
func (w *walker) members(name string, n *types.Named) {
	head := "type " + name
	switch u := n.Underlying().(type) {
	case *types.Struct:
		for f := range u.Fields() {
			if !f.Exported() {
				continue
			}
			if f.Embedded() {
				w.add(name+"."+f.Name(), head+" struct, embedded "+w.typ(f.Type()), f.Type())
			} else {
				w.add(name+"."+f.Name(), head+" struct, "+f.Name()+" "+w.typ(f.Type()), f.Type())
			}
		}
	case *types.Interface:
		for m := range u.Methods() {
			if m.Exported() {
				sig := m.Type().(*types.Signature)
				w.add(name+"."+m.Name(), head+" interface, "+m.Name()+w.sig(sig), sigTypes(sig)...)
			}
		}
		return
	}
	recv := n.Obj().Name() + w.targs(n)
	value := types.NewMethodSet(n)
	ptr := types.NewMethodSet(types.NewPointer(n))
	for sel := range ptr.Methods() {
		m := sel.Obj().(*types.Func)
		if !m.Exported() {
			continue
		}
		r := "*" + recv
		if value.Lookup(m.Pkg(), m.Name()) != nil {
			r = recv
		}
		if name != n.Obj().Name() { // alias: name the receiver by the alias
			r = strings.Replace(r, n.Obj().Name(), name, 1)
		}
		sig := m.Type().(*types.Signature)
		w.add(name+"."+m.Name(), "method ("+r+") "+m.Name()+w.sig(sig), sigTypes(sig)...)
	}
}

func sigTypes(sig *types.Signature) []types.Type {
	var ts []types.Type
	for v := range sig.Params().Variables() {
		ts = append(ts, v.Type())
	}
	for v := range sig.Results().Variables() {
		ts = append(ts, v.Type())
	}
	for tp := range sig.TypeParams().TypeParams() {
		ts = append(ts, tp.Constraint())
	}
	return ts
}

func (w *walker) targs(n *types.Named) string {
	tps := n.TypeParams()
	if tps.Len() == 0 {
		return ""
	}
	var names []string
	for tp := range tps.TypeParams() {
		names = append(names, tp.Obj().Name())
	}
	return "[" + strings.Join(names, ", ") + "]"
}

func (w *walker) tparams(tps *types.TypeParamList) string {
	if tps.Len() == 0 {
		return ""
	}
	var parts []string
	for tp := range tps.TypeParams() {
		parts = append(parts, tp.Obj().Name()+" "+w.typ(tp.Constraint()))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// sig formats a signature without parameter names: "(context.Context, string) (*Volume, error)".
func (w *walker) sig(sig *types.Signature) string {
	var b strings.Builder
	w.tuple(&b, sig.Params(), sig.Variadic())
	switch res := sig.Results(); res.Len() {
	case 0:
	case 1:
		b.WriteString(" " + w.typ(res.At(0).Type()))
	default:
		b.WriteString(" ")
		w.tuple(&b, res, false)
	}
	return b.String()
}

func (w *walker) tuple(b *strings.Builder, t *types.Tuple, variadic bool) {
	b.WriteString("(")
	for i := 0; i < t.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		typ := t.At(i).Type()
		if variadic && i == t.Len()-1 {
			b.WriteString("..." + w.typ(typ.(*types.Slice).Elem()))
			continue
		}
		b.WriteString(w.typ(typ))
	}
	b.WriteString(")")
}

// typ formats a type as Go's API files do: package-qualified by name, no
// struct tags.
func (w *walker) typ(t types.Type) string {
	switch t := t.(type) {
	case *types.Basic:
		if t.Info()&types.IsUntyped != 0 {
			return "ideal-" + strings.TrimPrefix(t.Name(), "untyped ")
		}
		return t.Name()
	case *types.Pointer:
		return "*" + w.typ(t.Elem())
	case *types.Slice:
		return "[]" + w.typ(t.Elem())
	case *types.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), w.typ(t.Elem()))
	case *types.Map:
		return "map[" + w.typ(t.Key()) + "]" + w.typ(t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			return "chan<- " + w.typ(t.Elem())
		case types.RecvOnly:
			return "<-chan " + w.typ(t.Elem())
		}
		return "chan " + w.typ(t.Elem())
	case *types.Signature:
		return "func" + w.sig(t)
	case *types.Struct:
		var fields []string
		for f := range t.Fields() {
			if f.Embedded() {
				fields = append(fields, w.typ(f.Type()))
			} else {
				fields = append(fields, f.Name()+" "+w.typ(f.Type()))
			}
		}
		return "struct{" + strings.Join(fields, "; ") + "}"
	case *types.Interface:
		if t.Empty() {
			if t.IsComparable() {
				return "comparable"
			}
			return "any"
		}
		var parts []string
		for e := range t.EmbeddedTypes() {
			parts = append(parts, w.typ(e))
		}
		for m := range t.ExplicitMethods() {
			parts = append(parts, m.Name()+w.sig(m.Type().(*types.Signature)))
		}
		return "interface{ " + strings.Join(parts, "; ") + " }"
	case *types.Union:
		var parts []string
		for i := 0; i < t.Len(); i++ {
			term := t.Term(i)
			s := w.typ(term.Type())
			if term.Tilde() {
				s = "~" + s
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " | ")
	case *types.TypeParam:
		return t.Obj().Name()
	case *types.Alias:
		return w.qualified(t.Obj()) + w.typeArgs(t.TypeArgs())
	case *types.Named:
		return w.qualified(t.Obj()) + w.typeArgs(t.TypeArgs())
	}
	return t.String()
}

func (w *walker) qualified(obj *types.TypeName) string {
	if obj.Pkg() == nil || obj.Pkg().Path() == w.pkg.Path() {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

func (w *walker) typeArgs(args *types.TypeList) string {
	if args.Len() == 0 {
		return ""
	}
	var parts []string
	for a := range args.Types() {
		parts = append(parts, w.typ(a))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// internalNames returns the internal types t names, "mv.Version" style with
// the full path: "github.com/gocinder/cinder/internal/mv.Version".
func internalNames(t types.Type) []string {
	var out []string
	var visit func(t types.Type)
	visit = func(t types.Type) {
		switch t := t.(type) {
		case *types.Alias:
			if p := t.Obj().Pkg(); p != nil && MentionsInternal(p.Path()) {
				out = append(out, p.Path()+"."+t.Obj().Name())
				return
			}
			for a := range t.TypeArgs().Types() {
				visit(a)
			}
			visit(t.Rhs())
		case *types.Named:
			if p := t.Obj().Pkg(); p != nil && MentionsInternal(p.Path()) {
				out = append(out, p.Path()+"."+t.Obj().Name())
			}
			// A public named type is checked where it is declared.
			for a := range t.TypeArgs().Types() {
				visit(a)
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Signature:
			for _, x := range sigTypes(t) {
				visit(x)
			}
		case *types.Struct:
			for f := range t.Fields() {
				if f.Exported() || f.Embedded() {
					visit(f.Type())
				}
			}
		case *types.Interface:
			for e := range t.EmbeddedTypes() {
				visit(e)
			}
			for m := range t.ExplicitMethods() {
				visit(m.Type())
			}
		case *types.Union:
			for i := 0; i < t.Len(); i++ {
				visit(t.Term(i).Type())
			}
		}
	}
	visit(t)
	return out
}
