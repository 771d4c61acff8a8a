package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Annotations on flags that take cinderclient's argparse forms.
const (
	// annOptValues lists the values an optional-value flag may take as the
	// next word ("--all-tenants 1"), argparse nargs='?'.
	annOptValues = "optvalues"
	// annMulti marks a flag that takes every following key=value word
	// ("--metadata a=1 b=2"), argparse nargs='*'.
	annMulti = "multi"
)

// normalizeArgs rewrites cinderclient's argparse forms into ones pflag
// reads: "--all-tenants 1" → "--all-tenants=1", "--metadata a=1 b=2" →
// "--metadata=a=1 --metadata=b=2".
func normalizeArgs(root *cobra.Command, args []string) []string {
	var cmd *cobra.Command
	out := make([]string, 0, len(args))
	// argparse takes "-1" for a positional value when no option looks
	// like a negative number; pflag takes it for a flag. Such values are
	// moved after a "--", with the other positionals after the command.
	var pos []string
	negative := false
	cmdName := func() string {
		if cmd == nil {
			return ""
		}
		return cmd.Name()
	}
	lookup := func(tok string) *pflag.Flag {
		name, _, _ := strings.Cut(strings.TrimLeft(tok, "-"), "=")
		if cmd != nil {
			if f := cmd.Flags().Lookup(name); f != nil {
				return f
			}
		}
		if strings.HasPrefix(tok, "--") {
			return root.PersistentFlags().Lookup(name)
		}
		return root.PersistentFlags().ShorthandLookup(name)
	}
	for i := 0; i < len(args); i++ {
		tok := args[i]
		if tok == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if isNegativeNumber(tok) && cmd != nil {
			negative = true
			pos = append(pos, tok)
			continue
		}
		if !strings.HasPrefix(tok, "-") || tok == "-" {
			if cmd == nil {
				if c, _, err := root.Find([]string{tok}); err == nil && c != root {
					cmd = c
				}
				out = append(out, tok)
				continue
			}
			pos = append(pos, tok)
			continue
		}
		tok, drop := unalias(cmdName(), tok)
		if drop {
			if !strings.Contains(args[i], "=") && i+1 < len(args) {
				i++
			}
			continue
		}
		f := lookup(tok)
		if f == nil || strings.Contains(tok, "=") {
			out = append(out, tok)
			continue
		}
		switch {
		case f.Annotations[annMulti] != nil:
			n := 0
			for i+1 < len(args) && strings.Contains(args[i+1], "=") && !strings.HasPrefix(args[i+1], "-") {
				i++
				n++
				out = append(out, "--"+f.Name+"="+args[i])
			}
			if n == 0 {
				out = append(out, tok)
			}
		case f.Annotations[annOptValues] != nil:
			vals := f.Annotations[annOptValues]
			if i+1 < len(args) && (contains(vals, args[i+1]) || (contains(vals, "*") && !strings.HasPrefix(args[i+1], "-"))) {
				i++
				out = append(out, "--"+f.Name+"="+args[i])
			} else {
				out = append(out, tok)
			}
		case f.NoOptDefVal == "" && i+1 < len(args):
			// a flag with a value: keep the value with it so that it is
			// not taken for the command name
			i++
			out = append(out, tok, args[i])
		default:
			out = append(out, tok)
		}
	}
	if negative || slices.ContainsFunc(pos, func(p string) bool { return strings.HasPrefix(p, "-") }) {
		return append(append(out, "--"), pos...)
	}
	return append(out, pos...)
}

// isNegativeNumber reports whether tok is a number with a minus sign, which
// argparse takes as a positional value ("create -1").
func isNegativeNumber(tok string) bool {
	if len(tok) < 2 || tok[0] != '-' {
		return false
	}
	_, err := strconv.ParseFloat(tok[1:], 64)
	return err == nil && tok[1] != '+' && tok[1] != '-'
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// optValue makes f an argparse nargs='?' flag: alone it means def, or it
// takes one of values as the next word.
func optValue(fs *pflag.FlagSet, name, def string, values ...string) {
	f := fs.Lookup(name)
	f.NoOptDefVal = def
	if f.Annotations == nil {
		f.Annotations = map[string][]string{}
	}
	f.Annotations[annOptValues] = values
}

// multiValue makes f an argparse nargs='*' flag of key=value words.
func multiValue(fs *pflag.FlagSet, name string) {
	f := fs.Lookup(name)
	if f.Annotations == nil {
		f.Annotations = map[string][]string{}
	}
	f.Annotations[annMulti] = []string{"true"}
}
