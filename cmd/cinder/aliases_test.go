package main

import (
	"encoding/json"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pythonOptions is testdata/python_aliases.json, written by
// testdata/python_aliases.py from python-cinderclient's own parsers.
type pythonOptions struct {
	Cinderclient string `json:"cinderclient"`
	Hidden       []struct {
		Command    string   `json:"command"`
		Options    []string `json:"options"`
		Dest       string   `json:"dest"`
		Visible    []string `json:"visible"`
		TakesValue bool     `json:"takes_value"`
	} `json:"hidden"`
	Globals []struct {
		Options []string `json:"options"`
		Dest    string   `json:"dest"`
		Hidden  bool     `json:"hidden"`
	} `json:"globals"`
}

func readPythonOptions(t *testing.T) pythonOptions {
	t.Helper()
	data, err := os.ReadFile("testdata/python_aliases.json")
	require.NoError(t, err)
	var p pythonOptions
	require.NoError(t, json.Unmarshal(data, &p))
	require.Equal(t, "9.1.0", p.Cinderclient)
	return p
}

// parse runs args through our parser up to flag parsing (no command runs)
// and returns the command found and its flags.
func parse(t *testing.T, args ...string) (*cobra.Command, *pflag.FlagSet, []string) {
	t.Helper()
	a := &app{env: map[string]string{}, stdout: io.Discard, stderr: io.Discard}
	a.root = a.newRoot()
	norm := normalizeArgs(a.root, args)
	cmd, rest, err := a.root.Find(norm)
	require.NoError(t, err, "%q → %q", args, norm)
	require.NoError(t, cmd.ParseFlags(rest), "%q → %q", args, norm)
	return cmd, cmd.Flags(), cmd.Flags().Args()
}

// TestPythonAliases runs every option python-cinderclient parses but hides
// (help=argparse.SUPPRESS) through our parser: it must be accepted and set
// the option its visible twin sets (or, without a twin in python, the one
// python's code copies it to).
func TestPythonAliases(t *testing.T) {
	p := readPythonOptions(t)
	n := 0
	for _, h := range p.Hidden {
		for _, opt := range h.Options {
			n++
			t.Run(strings.TrimSpace(h.Command+" "+opt), func(t *testing.T) {
				command := h.Command
				if command == "" {
					command = "list"
				}
				args := []string{opt}
				if h.TakesValue {
					args = append(args, "7")
				}
				if h.Command == "" {
					args = append(args, command)
				} else {
					args = append([]string{command}, args...)
				}
				cmd, fs, _ := parse(t, args...)
				require.Equal(t, command, cmd.Name())
				to, ok := pythonAliases[h.Command][strings.TrimLeft(opt, "-")]
				if !ok {
					to = strings.TrimLeft(opt, "-") // hidden in python, visible in ours
				}
				if to == "" {
					return // dropped: python's positional wins
				}
				f := fs.Lookup(to)
				require.NotNil(t, f, "%s maps to --%s, which %s lacks", opt, to, command)
				assert.True(t, f.Changed, "%s did not set --%s", opt, to)
				if h.TakesValue && f.NoOptDefVal == "" {
					assert.Contains(t, f.Value.String(), "7")
				}
				if len(h.Visible) > 0 {
					assert.True(t, slices.ContainsFunc(h.Visible, func(v string) bool {
						return strings.TrimLeft(v, "-") == to || slices.Contains(f.Annotations[annAliases], v)
					}), "%s maps to --%s, python's twin is %v", opt, to, h.Visible)
				}
			})
		}
	}
	t.Logf("%d hidden python spellings parsed", n)
	assert.Equal(t, 55, n, "testdata/python_aliases.json changed: review the table")
}

// TestPythonGlobals runs every global option of python's `cinder`
// (visible and hidden) through our parser.
func TestPythonGlobals(t *testing.T) {
	p := readPythonOptions(t)
	n := 0
	for _, g := range p.Globals {
		for _, opt := range g.Options {
			if opt == "-h" || opt == "--help" || opt == "--version" {
				continue
			}
			n++
			t.Run(opt, func(t *testing.T) {
				args := []string{opt}
				bool_ := opt == "-d" || opt == "--debug" || opt == "--insecure" || opt == "--collect-timing"
				if !bool_ {
					args = append(args, "7")
				}
				cmd, fs, _ := parse(t, append(args, "list")...)
				require.Equal(t, "list", cmd.Name())
				name := strings.TrimLeft(opt, "-")
				if to, ok := pythonAliases[""][name]; ok {
					name = to
				}
				var f *pflag.Flag
				if len(name) == 1 {
					f = fs.ShorthandLookup(name)
				} else {
					f = fs.Lookup(name)
				}
				require.NotNil(t, f, "python's %s has no counterpart", opt)
				assert.True(t, f.Changed)
			})
		}
	}
	t.Logf("%d python global option spellings parsed", n)
}

// TestNegativePositionals: argparse takes "-1" for a value, not an option.
func TestNegativePositionals(t *testing.T) {
	_, _, args := parse(t, "create", "-1")
	assert.Equal(t, []string{"-1"}, args)
	_, fs, args := parse(t, "extend", "vol", "-1")
	assert.Equal(t, []string{"vol", "-1"}, args)
	assert.False(t, fs.Changed("wait"))
	_, fs, args = parse(t, "create", "-1", "--name", "x")
	assert.Equal(t, []string{"-1"}, args)
	assert.Equal(t, "x", fs.Lookup("name").Value.String())
}
