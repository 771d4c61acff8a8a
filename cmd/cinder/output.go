package main

import (
	"encoding/json"
	"fmt"
	"github.com/gocinder/cinder/internal/pyfmt"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// printDict prints o as cinderclient's print_dict does: a "Property | Value"
// table sorted by property; the keys in formatters, when dicts, as one
// "key : value" line per key. -f json|yaml|value and -c apply.
func (a *app) printDict(o *pyfmt.Object, property string, formatters ...string) error {
	keys := o.Keys()
	if len(a.g.columns) > 0 {
		keys = nil
		for _, c := range a.g.columns {
			if _, ok := o.Get(c); !ok {
				return usagef("no property %q (choose from %s)", c, strings.Join(o.Keys(), ", "))
			}
			keys = append(keys, c)
		}
	}
	switch a.g.format {
	case "json", "yaml":
		sub := pyfmt.NewObject()
		for _, k := range keys {
			sub.Set(k, o.Value(k))
		}
		return a.encode(sub)
	case "value":
		for _, k := range keys {
			fmt.Fprintln(a.stdout, pyfmt.Str(o.Value(k)))
		}
		return nil
	case "csv":
		// the openstack CLI has no csv for one resource: ours prints
		// the two columns of the table
		out := pyfmt.CSVRow([]any{property, "Value"})
		if len(a.g.columns) == 0 {
			keys = slices.Sorted(slices.Values(keys))
		}
		for _, k := range keys {
			out += pyfmt.CSVRow([]any{k, o.Value(k)})
		}
		_, err := io.WriteString(a.stdout, out)
		return err
	}
	t := &pyfmt.Table{Header: []string{property, "Value"}}
	for _, k := range keys {
		v := o.Value(k)
		s := pyfmt.Str(v)
		if d, ok := v.(*pyfmt.Object); ok && slices.Contains(formatters, k) {
			s = pyfmt.PrettyDict(d)
		}
		t.Rows = append(t.Rows, []string{k, strings.ReplaceAll(s, "\r", " ")})
	}
	if len(a.g.columns) == 0 {
		t.SortBy(0)
	}
	return t.Render(a.stdout)
}

// printList prints rows as cinderclient's print_list does: None as "-",
// sorted by column sortCol (-1: as given). -f json|yaml|value and -c apply.
func (a *app) printList(header []string, rows [][]any, sortCol int) error {
	idx := make([]int, len(header))
	for i := range header {
		idx[i] = i
	}
	if len(a.g.columns) > 0 {
		idx = idx[:0]
		for _, c := range a.g.columns {
			i := slices.IndexFunc(header, func(h string) bool { return strings.EqualFold(h, c) })
			if i < 0 {
				return usagef("no column %q (choose from %s)", c, strings.Join(header, ", "))
			}
			idx = append(idx, i)
		}
		if !slices.Contains(idx, sortCol) {
			sortCol = -1
		} else {
			sortCol = slices.Index(idx, sortCol)
		}
	}
	hdr := make([]string, len(idx))
	for j, i := range idx {
		hdr[j] = header[i]
	}
	pick := func(row []any) []any {
		out := make([]any, len(idx))
		for j, i := range idx {
			out[j] = row[i]
		}
		return out
	}
	switch a.g.format {
	case "json", "yaml":
		list := make([]any, 0, len(rows))
		for _, r := range rows {
			o := pyfmt.NewObject()
			for j, v := range pick(r) {
				o.Set(hdr[j], v)
			}
			list = append(list, o)
		}
		return a.encode(list)
	case "csv":
		// as openstack -f csv: header, then the rows as the server
		// sent the values, sorted as the table is
		var b strings.Builder
		b.WriteString(pyfmt.CSVRow(anySlice(hdr)))
		picked := make([][]any, len(rows))
		for i, r := range rows {
			picked[i] = pick(r)
		}
		if sortCol >= 0 {
			slices.SortStableFunc(picked, func(x, y []any) int {
				return strings.Compare(pyfmt.Str(x[sortCol]), pyfmt.Str(y[sortCol]))
			})
		}
		for _, r := range picked {
			b.WriteString(pyfmt.CSVRow(r))
		}
		_, err := io.WriteString(a.stdout, b.String())
		return err
	}
	t := &pyfmt.Table{Header: hdr}
	for _, r := range rows {
		cells := make([]string, len(idx))
		for j, v := range pick(r) {
			if v == nil {
				cells[j] = "-"
			} else {
				cells[j] = strings.ReplaceAll(pyfmt.Str(v), "\r", " ")
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	if sortCol >= 0 {
		t.SortBy(sortCol)
	}
	if a.g.format == "value" {
		for _, r := range t.Rows {
			fmt.Fprintln(a.stdout, strings.Join(r, " "))
		}
		return nil
	}
	return t.Render(a.stdout)
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// encode writes v (ordered values) as JSON or YAML.
func (a *app) encode(v any) error {
	if a.g.format == "yaml" {
		b, err := yaml.Marshal(yamlNode(v))
		if err != nil {
			return err
		}
		_, err = a.stdout.Write(b)
		return err
	}
	// Not json.MarshalIndent: it escapes <, > and & for HTML, and extra
	// specs such as "<is> True" must print as they are.
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// yamlNode converts an ordered value to a YAML node, keeping key order.
func yamlNode(v any) *yaml.Node {
	switch x := v.(type) {
	case *pyfmt.Object:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for _, k := range x.Keys() {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, yamlNode(x.Value(k)))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range x {
			n.Content = append(n.Content, yamlNode(e))
		}
		return n
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(x)}
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(x.String(), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: x.String()}
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: x}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprint(v)}
}
