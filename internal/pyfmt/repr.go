package pyfmt

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Str formats v, a value as [Decode] returns it, as Python's str() does.
func Str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return Repr(v)
}

// Repr formats v, a value as [Decode] returns it, as Python's repr() does.
func Repr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		return number(x)
	case string:
		return Quote(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Repr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *Object:
		parts := make([]string, len(x.keys))
		for i, k := range x.keys {
			parts[i] = Quote(k) + ": " + Repr(x.vals[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// number is repr() of what json.loads makes of n: an int as it is, a
// float in Python's shortest form ("1.0", "1e+20", "1e-07").
func number(n json.Number) string {
	s := n.String()
	if !strings.ContainsAny(s, ".eE") {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	if f != 0 && (abs(f) < 1e-4 || abs(f) >= 1e16) {
		m, e, _ := strings.Cut(strconv.FormatFloat(f, 'e', -1, 64), "e")
		if len(e) == 2 { // "e+7" → "e+07"
			e = e[:1] + "0" + e[1:]
		}
		return m + "e" + e
	}
	out := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(out, ".") {
		out += ".0"
	}
	return out
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// Quote quotes s the way Python's repr quotes a str: single quotes unless
// s has a single quote and no double one, and every character Python does
// not count as printable escaped.
func Quote(s string) string {
	q := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteRune(q)
	for _, r := range s {
		switch {
		case r == '\\' || r == q:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case printable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(q)
	return b.String()
}

// printable is Python's str.isprintable for one character: not a control,
// format, surrogate, private-use or unassigned character, and not a
// separator other than the space.
func printable(r rune) bool {
	if r == ' ' {
		return true
	}
	if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Cs, unicode.Co, unicode.Zs, unicode.Zl, unicode.Zp) {
		return false
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}

// PrettyDict is cinderclient's formatting of a dict in a show table
// (_pretty_format_dict): one "key : value" line per key, keys sorted,
// values as str() prints them.
func PrettyDict(o *Object) string {
	keys := slices.Clone(o.keys)
	slices.Sort(keys)
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = k + " : " + Str(o.vals[k])
	}
	return strings.Join(lines, "\n")
}
