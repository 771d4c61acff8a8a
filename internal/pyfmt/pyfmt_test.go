package pyfmt_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/pyfmt"
)

// python is testdata/python.json: the inputs and what Python's prettytable,
// argparse, textwrap and repr() print for them (written by
// testdata/python.py; never by this package).
type python struct {
	Tables []struct {
		Name   string
		Header []string
		Rows   [][]string
		SortBy *int
		Out    string
	}
	Wraps []struct {
		Text  string
		Width int
		Out   []string
	}
	Reprs []struct {
		JSON string
		Repr string
		Str  string
	}
	CSVs []struct {
		JSON string
		Out  string
	}
	Dicts []struct {
		JSON string
		Out  string
	}
	Helps []struct {
		Name, Prog, Description string
		Positionals             []struct {
			Name, Help, Nargs string
		}
		Options []struct {
			Flags         []string
			Metavar, Help string
			Nargs         string
			Bool          bool
			Required      bool
		}
		Out string
	}
}

func load(t *testing.T) python {
	t.Helper()
	data, err := os.ReadFile("testdata/python.json")
	require.NoError(t, err)
	var p python
	require.NoError(t, json.Unmarshal(data, &p))
	return p
}

func TestTable(t *testing.T) {
	t.Parallel()
	p := load(t)
	require.NotEmpty(t, p.Tables)
	for _, tc := range p.Tables {
		t.Run(tc.Name, func(t *testing.T) {
			tab := &pyfmt.Table{Header: tc.Header, Rows: tc.Rows}
			if tc.SortBy != nil {
				tab.SortBy(*tc.SortBy)
			}
			var b strings.Builder
			require.NoError(t, tab.Render(&b))
			assert.Equal(t, tc.Out, b.String())
		})
	}
}

func TestWrap(t *testing.T) {
	t.Parallel()
	p := load(t)
	require.NotEmpty(t, p.Wraps)
	for _, tc := range p.Wraps {
		want := tc.Out
		if len(want) == 0 {
			want = nil
		}
		assert.Equal(t, want, pyfmt.Wrap(tc.Text, tc.Width), "Wrap(%q, %d)", tc.Text, tc.Width)
	}
}

func TestReprStr(t *testing.T) {
	t.Parallel()
	p := load(t)
	require.NotEmpty(t, p.Reprs)
	for _, tc := range p.Reprs {
		v, err := pyfmt.Decode([]byte(tc.JSON))
		require.NoError(t, err, tc.JSON)
		assert.Equal(t, tc.Repr, pyfmt.Repr(v), "repr(%s)", tc.JSON)
		assert.Equal(t, tc.Str, pyfmt.Str(v), "str(%s)", tc.JSON)
	}
}

func TestCSVRow(t *testing.T) {
	t.Parallel()
	p := load(t)
	require.NotEmpty(t, p.CSVs)
	for _, tc := range p.CSVs {
		v, err := pyfmt.Decode([]byte(tc.JSON))
		require.NoError(t, err, tc.JSON)
		list, ok := v.([]any)
		require.True(t, ok)
		assert.Equal(t, tc.Out, pyfmt.CSVRow(list), tc.JSON)
	}
}

func TestPrettyDict(t *testing.T) {
	t.Parallel()
	p := load(t)
	require.NotEmpty(t, p.Dicts)
	for _, tc := range p.Dicts {
		v, err := pyfmt.Decode([]byte(tc.JSON))
		require.NoError(t, err, tc.JSON)
		o, ok := v.(*pyfmt.Object)
		require.True(t, ok)
		assert.Equal(t, tc.Out, pyfmt.PrettyDict(o), tc.JSON)
	}
}

// TestHelp builds each parser's help from the same spec python.py gave
// argparse: usage parts and invocations as argparse forms them.
func TestHelp(t *testing.T) {
	t.Parallel()
	p := load(t)
	require.NotEmpty(t, p.Helps)
	nargs := func(meta, n string) string {
		switch n {
		case "?":
			return "[" + meta + "]"
		case "*":
			return "[" + meta + " ...]"
		case "+":
			return meta + " [" + meta + " ...]"
		}
		return meta
	}
	for _, tc := range p.Helps {
		t.Run(tc.Name, func(t *testing.T) {
			var opts, pos []string
			posSec := pyfmt.Section{Title: "Positional Arguments"}
			for _, a := range tc.Positionals {
				pos = append(pos, nargs(a.Name, a.Nargs))
				posSec.Items = append(posSec.Items, pyfmt.Item{Indent: 2, Name: a.Name, Help: a.Help})
			}
			optSec := pyfmt.Section{Title: "Options"}
			for _, o := range tc.Options {
				arg := ""
				if !o.Bool {
					arg = " " + nargs(o.Metavar, o.Nargs)
				}
				u := o.Flags[0] + arg
				if !o.Required {
					u = "[" + u + "]"
				}
				opts = append(opts, u)
				names := make([]string, len(o.Flags))
				for i, f := range o.Flags {
					names[i] = f + arg
				}
				optSec.Items = append(optSec.Items, pyfmt.Item{Indent: 2, Name: strings.Join(names, ", "), Help: o.Help})
			}
			got := pyfmt.Usage(tc.Prog, opts, pos) + pyfmt.Fill(tc.Description) +
				pyfmt.FormatSections([]pyfmt.Section{posSec, optSec})
			assert.Equal(t, tc.Out, got)
		})
	}
}

// TestSectionDescription checks a group description, wrapped at 76 and
// indented by 2, as argparse prints cinder's "Api Connection Options".
func TestSectionDescription(t *testing.T) {
	t.Parallel()
	got := pyfmt.FormatSections([]pyfmt.Section{{
		Title: "Api Connection Options", Description: "Options controlling the HTTP API Connections",
		Items: []pyfmt.Item{{Indent: 2, Name: "--insecure", Help: "Explicitly allow client to perform \"insecure\" TLS (https) requests."}},
	}})
	// python3 -c 'import argparse; p=argparse.ArgumentParser(prog="x", add_help=False); g=p.add_argument_group("Api Connection Options", "Options controlling the HTTP API Connections"); g.add_argument("--insecure", action="store_true", help="Explicitly allow client to perform \"insecure\" TLS (https) requests."); print(p.format_help())' (COLUMNS=80)
	assert.Equal(t, "\nApi Connection Options:\n  Options controlling the HTTP API Connections\n\n"+
		"  --insecure  Explicitly allow client to perform \"insecure\" TLS (https)\n              requests.\n", got)
}

func TestObject(t *testing.T) {
	t.Parallel()
	o := pyfmt.NewObject()
	o.Set("b", "1")
	o.Set("a", json.Number("2"))
	o.Set("b", "3")
	assert.Equal(t, []string{"b", "a"}, o.Keys())
	assert.Equal(t, 2, o.Len())
	v, ok := o.Get("b")
	assert.True(t, ok)
	assert.Equal(t, "3", v)
	o.Delete("b")
	o.Delete("missing")
	_, ok = o.Get("b")
	assert.False(t, ok)
	assert.Nil(t, o.Value("b"))
	o.Set("c", "<is> True")
	data, err := o.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"a":2,"c":"<is> True"}`, string(data))

	_, err = pyfmt.Decode([]byte(`{"a": `))
	assert.Error(t, err)
	v, err = pyfmt.FromValue(struct {
		Z string `json:"z"`
		A int    `json:"a"`
	}{"x", 1})
	require.NoError(t, err)
	assert.Equal(t, `{'z': 'x', 'a': 1}`, pyfmt.Repr(v))
}
