package main

import (
	"context"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpWidth is argparse's: the terminal's 80 columns minus 2.
const helpWidth = 78

// Groups of global options in "cinder help", as cinderclient shows them.
const (
	annGroup      = "group"
	groupConn     = "Api Connection Options"
	groupAuth     = "Authentication Options"
	annAliases    = "aliases"  // other spellings shown with the flag: "--os-tenant-id"
	annRequired   = "required" // an option shown without brackets in the usage
	maxHelpColumn = 24
)

var groupDescription = map[string]string{
	groupConn: "Options controlling the HTTP API Connections",
	groupAuth: "Options specific to the password plugin.",
}

// helpItem is one argument in a help section.
type helpItem struct {
	indent int // 2, or 4 for the subcommands
	name   string
	help   string
}

// helpSection is a titled list of arguments, with an optional description.
type helpSection struct {
	title, description string
	items              []helpItem
}

// printCommandHelp prints "cinder help COMMAND" in cinderclient's layout:
// usage, description, microversion range, positional arguments, options.
func (a *app) printCommandHelp(w io.Writer, cmd *cobra.Command) error {
	var opts, pos []string
	pargs := helpSection{title: "Positional Arguments"}
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
		pargs.items = append(pargs.items, helpItem{indent: 2, name: p.name, help: p.help})
	}
	options := helpSection{title: "Options"}
	local := cmd.LocalNonPersistentFlags()
	local.SortFlags = false
	local.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			if f.Annotations[annRequired] != nil {
				opts = append(opts, usageInvocation(f))
			} else {
				opts = append(opts, "["+usageInvocation(f)+"]")
			}
			options.items = append(options.items, helpItem{indent: 2, name: flagInvocation(f), help: f.Usage})
		}
	})
	var b strings.Builder
	b.WriteString(usage("cinder "+cmd.Name(), opts, pos))
	b.WriteString(fill(cmd.Long))
	if since := cmd.Annotations["since"]; since != "" {
		b.WriteString(fill("(Supported by API version " + since + " and later)"))
	}
	b.WriteString(formatSections([]helpSection{pargs, options}))
	_, err := io.WriteString(w, b.String())
	return err
}

// printMainHelp prints "cinder help": usage, the commands and the global
// options, grouped and ordered as in cinderclient.
func (a *app) printMainHelp(w io.Writer) error {
	opts := []string{"[--version]"}
	main := helpSection{title: "Options", items: []helpItem{{2, "--version", "show program's version number and exit"}}}
	groups := map[string]*helpSection{}
	for _, g := range []string{groupConn, groupAuth} {
		groups[g] = &helpSection{title: g, description: groupDescription[g]}
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
		it := helpItem{indent: 2, name: name, help: f.Usage}
		if g := f.Annotations[annGroup]; len(g) > 0 {
			groups[g[0]].items = append(groups[g[0]].items, it)
		} else {
			main.items = append(main.items, it)
		}
	})
	cmds := helpSection{title: "Positional Arguments", items: []helpItem{{indent: 2, name: "<subcommand>"}}}
	var last []helpItem
	for _, c := range a.root.Commands() {
		if c.Hidden {
			continue
		}
		help := c.Short
		if since := c.Annotations["since"]; since != "" {
			help += " (Supported by API versions " + since + " - 3.latest)"
		}
		it := helpItem{indent: 4, name: c.Name(), help: help}
		if slices.Contains(shellCommandNames, c.Name()) {
			last = append(last, it)
		} else {
			cmds.items = append(cmds.items, it)
		}
	}
	slices.SortStableFunc(last, func(x, y helpItem) int {
		return slices.Index(shellCommandNames, x.name) - slices.Index(shellCommandNames, y.name)
	})
	cmds.items = append(cmds.items, last...)
	var b strings.Builder
	b.WriteString(usage("cinder", opts, []string{"<subcommand>", "..."}))
	b.WriteString(fill(a.root.Short))
	b.WriteString(formatSections([]helpSection{cmds, main, *groups[groupConn], *groups[groupAuth]}))
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

// formatSections lays the sections out like argparse: one help column for
// all of them, at most at 24, names too long for it on a line of their
// own, help texts wrapped at 78.
func formatSections(sections []helpSection) string {
	longest := 0
	for _, s := range sections {
		for _, it := range s.items {
			longest = max(longest, it.indent+runes(it.name))
		}
	}
	col := min(longest+2, maxHelpColumn)
	var b strings.Builder
	for _, s := range sections {
		if len(s.items) == 0 {
			continue
		}
		b.WriteString("\n" + s.title + ":\n")
		if s.description != "" {
			for _, l := range wrap(s.description, helpWidth-2) {
				b.WriteString("  " + l + "\n")
			}
			b.WriteString("\n")
		}
		for _, it := range s.items {
			b.WriteString(formatItem(it, col))
		}
	}
	return b.String()
}

func formatItem(it helpItem, col int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", it.indent))
	lines := wrap(it.help, max(helpWidth-col, 11))
	room := col - it.indent - 2
	switch {
	case len(lines) == 0:
		b.WriteString(it.name + "\n")
		return b.String()
	case runes(it.name) <= room:
		b.WriteString(it.name + strings.Repeat(" ", room-runes(it.name)+2) + lines[0] + "\n")
		lines = lines[1:]
	default:
		b.WriteString(it.name + "\n")
	}
	for _, l := range lines {
		b.WriteString(strings.Repeat(" ", col) + l + "\n")
	}
	return b.String()
}

// usagePart splits a usage line into the pieces argparse keeps together.
var usagePart = regexp.MustCompile(`\(.*?\)+(?:\s|$)|\[.*?\]+(?:\s|$)|\S+`)

// usage is argparse's usage line: on one line when it fits in 78
// columns, else the options wrapped after "usage: prog " and the
// positional arguments on lines of their own, aligned with them.
func usage(prog string, opts, pos []string) string {
	const prefix = "usage: "
	all := strings.Join(slices.Concat([]string{prog}, opts, pos), " ")
	if len(prefix)+runes(all) <= helpWidth {
		return prefix + all + "\n"
	}
	split := func(parts []string) []string {
		var out []string
		for _, p := range usagePart.FindAllString(strings.Join(parts, " "), -1) {
			out = append(out, strings.TrimSpace(p))
		}
		return out
	}
	opts, pos = split(opts), split(pos)
	indent := strings.Repeat(" ", len(prefix)+runes(prog)+1)
	var lines []string
	if len(prefix)+runes(prog) <= helpWidth*3/4 {
		if len(opts) > 0 {
			lines = usageLines(slices.Concat([]string{prog}, opts), indent, len(prefix))
			lines = append(lines, usageLines(pos, indent, -1)...)
		} else {
			lines = usageLines(slices.Concat([]string{prog}, pos), indent, len(prefix))
		}
	} else {
		indent = strings.Repeat(" ", len(prefix))
		lines = usageLines(slices.Concat(opts, pos), indent, -1)
		if len(lines) > 1 {
			lines = slices.Concat(usageLines(opts, indent, -1), usageLines(pos, indent, -1))
		}
		lines = slices.Concat([]string{prog}, lines)
	}
	return prefix + strings.Join(lines, "\n") + "\n"
}

// usageLines fills parts into lines of at most 78 columns, each starting
// with indent; the first starts after a prefix of prefixLen columns
// instead when prefixLen ≥ 0.
func usageLines(parts []string, indent string, prefixLen int) []string {
	var lines, line []string
	n := len(indent) - 1
	if prefixLen >= 0 {
		n = prefixLen - 1
	}
	for _, p := range parts {
		if n+1+runes(p) > helpWidth && len(line) > 0 {
			lines = append(lines, indent+strings.Join(line, " "))
			line, n = nil, len(indent)-1
		}
		line = append(line, p)
		n += runes(p) + 1
	}
	if len(line) > 0 {
		lines = append(lines, indent+strings.Join(line, " "))
	}
	if prefixLen >= 0 && len(lines) > 0 {
		lines[0] = lines[0][len(indent):]
	}
	return lines
}

// fill wraps a description at 78 columns, after an empty line.
func fill(s string) string {
	lines := wrap(s, helpWidth)
	if len(lines) == 0 {
		return ""
	}
	return "\n" + strings.Join(lines, "\n") + "\n"
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
	}, a.completionCommand()}
}
