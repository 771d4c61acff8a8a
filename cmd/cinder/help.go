package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Groups of global options in "cinder help", as cinderclient shows them.
const (
	annGroup    = "group"
	groupConn   = "Api Connection Options"
	groupAuth   = "Authentication Options"
	annAliases  = "aliases"  // other spellings shown with the flag: "--os-tenant-id"
	annRequired = "required" // an option shown without brackets in the usage
)

var groupDescription = map[string]string{
	groupConn: "Options controlling the HTTP API Connections",
	groupAuth: "Options specific to the password plugin.",
}

// printCommandHelp prints "cinder help COMMAND" in cinderclient's layout:
// usage, description, microversion range, positional arguments, options.
func (a *app) printCommandHelp(w io.Writer, cmd *cobra.Command) error {
	var opts, pos []string
	pargs := pyfmt.Section{Title: "Positional Arguments"}
	for _, p := range a.positionals[cmd.Name()] {
		switch {
		case p.many && p.optional:
			pos = append(pos, "["+p.name+" ["+p.name+" ...]]")
		case p.many:
			pos = append(pos, p.name, "["+p.name+" ...]")
		case p.optional:
			pos = append(pos, "["+p.name+"]")
		default:
			pos = append(pos, p.name)
		}
		pargs.Items = append(pargs.Items, pyfmt.Item{Indent: 2, Name: p.name, Help: p.help})
	}
	options := pyfmt.Section{Title: "Options"}
	local := cmd.LocalNonPersistentFlags()
	local.SortFlags = false
	local.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			if f.Annotations[annRequired] != nil {
				opts = append(opts, usageInvocation(f))
			} else {
				opts = append(opts, "["+usageInvocation(f)+"]")
			}
			options.Items = append(options.Items, pyfmt.Item{Indent: 2, Name: flagInvocation(f), Help: f.Usage})
		}
	})
	var b strings.Builder
	b.WriteString(pyfmt.Usage("cinder "+cmd.Name(), opts, pos))
	b.WriteString(pyfmt.Fill(cmd.Long))
	if since := commandSince(cmd.Name()); !since.IsZero() && since != v(0) {
		b.WriteString(pyfmt.Fill("(Supported by API version " + since.String() + " and later)"))
	}
	b.WriteString(pyfmt.FormatSections([]pyfmt.Section{pargs, options}))
	_, err := io.WriteString(w, b.String())
	return err
}

// printMainHelp prints "cinder help": usage, the commands and the global
// options, grouped and ordered as in cinderclient.
func (a *app) printMainHelp(w io.Writer) error {
	opts := []string{"[--version]"}
	main := pyfmt.Section{Title: "Options", Items: []pyfmt.Item{{Indent: 2, Name: "--version", Help: "show program's version number and exit"}}}
	groups := map[string]*pyfmt.Section{}
	for _, g := range []string{groupConn, groupAuth} {
		groups[g] = &pyfmt.Section{Title: g, Description: groupDescription[g]}
	}
	a.root.PersistentFlags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		opts = append(opts, "["+usageInvocation(f)+"]")
		name := flagInvocation(f)
		meta := strings.TrimPrefix(name, "--"+f.Name)
		for _, alias := range f.Annotations[annAliases] {
			name += ", " + alias + meta
		}
		it := pyfmt.Item{Indent: 2, Name: name, Help: f.Usage}
		if g := f.Annotations[annGroup]; len(g) > 0 {
			groups[g[0]].Items = append(groups[g[0]].Items, it)
		} else {
			main.Items = append(main.Items, it)
		}
	})
	cmds := pyfmt.Section{Title: "Positional Arguments", Items: []pyfmt.Item{{Indent: 2, Name: "<subcommand>"}}}
	var last []pyfmt.Item
	for _, c := range a.root.Commands() {
		if c.Hidden {
			continue
		}
		help := c.Short + versions[c.Name()].commandHelp()
		it := pyfmt.Item{Indent: 4, Name: c.Name(), Help: help}
		if slices.Contains(shellCommandNames, c.Name()) {
			last = append(last, it)
		} else {
			cmds.Items = append(cmds.Items, it)
		}
	}
	slices.SortStableFunc(last, func(x, y pyfmt.Item) int {
		return slices.Index(shellCommandNames, x.Name) - slices.Index(shellCommandNames, y.Name)
	})
	cmds.Items = append(cmds.Items, last...)
	var b strings.Builder
	b.WriteString(pyfmt.Usage("cinder", opts, []string{"<subcommand>", "..."}))
	b.WriteString(pyfmt.Fill(a.root.Short))
	b.WriteString(pyfmt.FormatSections([]pyfmt.Section{cmds, main, *groups[groupConn], *groups[groupAuth]}))
	b.WriteString("\nRun \"cinder help SUBCOMMAND\" for help on a subcommand.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// shellCommandNames are listed last in "cinder help", in this order, as
// cinderclient adds them after the API commands.
var shellCommandNames = []string{"bash-completion", "help", "list-extensions"}

// flagInvocation is "--name <meta>", "-d, --debug" or "--all-tenants [<0|1>]".
func flagInvocation(f *pflag.Flag) string {
	s := "--" + f.Name
	if f.Shorthand != "" {
		s = "-" + f.Shorthand + ", " + s
	}
	if f.Value.Type() == "bool" && f.NoOptDefVal == "true" {
		return s
	}
	meta := "<" + f.Name + ">"
	if m := f.Annotations["metavar"]; len(m) > 0 {
		meta = m[0]
	}
	if f.NoOptDefVal != "" {
		return s + " [" + meta + "]"
	}
	return s + " " + meta
}

// usageInvocation is a flag in a usage line: its short form if it has one
// ("-f <format>"), else as in flagInvocation.
func usageInvocation(f *pflag.Flag) string {
	s := flagInvocation(f)
	if f.Shorthand != "" {
		s = "-" + f.Shorthand + strings.TrimPrefix(s, "-"+f.Shorthand+", --"+f.Name)
	}
	return s
}

// shellCommands are the built-ins that never talk to the server.
func (a *app) shellCommands() []command {
	return []command{{
		name:     "help",
		help:     "Shows help about this program or one of its subcommands.",
		args:     []posArg{{name: "<subcommand>", help: "Shows help for <subcommand>.", optional: true}},
		noClient: true,
		run: func(_ context.Context, args []string) error {
			if len(args) == 0 {
				return a.printMainHelp(a.stdout)
			}
			cmd, _, err := a.root.Find(args)
			if err != nil || cmd == a.root {
				return usagef("'%s' is not a valid subcommand", args[0])
			}
			return a.printCommandHelp(a.stdout, cmd)
		},
	}, a.completionCommand(), a.shellCompletionCommand()}
}
