package main

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const helpWidth = 80

// printCommandHelp prints "cinder help COMMAND" in cinderclient's layout:
// usage, description, microversion range, positional arguments, options.
func (a *app) printCommandHelp(w io.Writer, cmd *cobra.Command) error {
	var b strings.Builder
	var parts []string
	local := cmd.LocalNonPersistentFlags()
	local.SortFlags = false
	local.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			parts = append(parts, "["+flagInvocation(f)+"]")
		}
	})
	ps := a.positionals[cmd.Name()]
	for _, p := range ps {
		s := p.name
		if p.many {
			s += " [" + p.name + " ...]"
		}
		if p.optional {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	b.WriteString(wrapUsage("usage: cinder "+cmd.Name()+" ", parts))
	b.WriteString(fill(cmd.Long, helpWidth, ""))
	if since := cmd.Annotations["since"]; since != "" {
		b.WriteString(fill("(Supported by API version "+since+" and later)", helpWidth, ""))
	}
	var items [][2]string
	for _, p := range ps {
		items = append(items, [2]string{p.name, p.help})
	}
	if len(items) > 0 {
		b.WriteString("\nPositional Arguments:\n")
		b.WriteString(formatItems(items))
	}
	items = nil
	local.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			items = append(items, [2]string{flagInvocation(f), f.Usage})
		}
	})
	if len(items) > 0 {
		b.WriteString("\nOptions:\n")
		b.WriteString(formatItems(items))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// printMainHelp prints "cinder help": usage, the commands and the global options.
func (a *app) printMainHelp(w io.Writer) error {
	var b strings.Builder
	b.WriteString("usage: cinder [--version] [-d] [-f <format>] [-c <column>] [<global options>]\n")
	b.WriteString("              <subcommand> ...\n\n")
	b.WriteString("Command-line interface to the OpenStack Cinder API.\n\n")
	b.WriteString("Positional Arguments:\n  <subcommand>\n")
	var items [][2]string
	for _, c := range a.root.Commands() {
		if !c.Hidden {
			items = append(items, [2]string{"  " + c.Name(), c.Short})
		}
	}
	b.WriteString(formatItems(items))
	b.WriteString("\nOptions:\n")
	items = [][2]string{{"--version", "show program's version number and exit"}}
	a.root.PersistentFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			items = append(items, [2]string{flagInvocation(f), f.Usage})
		}
	})
	b.WriteString(formatItems(items))
	b.WriteString("\nSee \"cinder help COMMAND\" for help on a specific command.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

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

// formatItems lays out "  name   help" like argparse: the help column at
// most at 24, longer names on a line of their own, help wrapped at 80.
func formatItems(items [][2]string) string {
	longest := 0
	for _, it := range items {
		longest = max(longest, len(it[0])+2)
	}
	col := min(longest+2, 24)
	var b strings.Builder
	for _, it := range items {
		name := "  " + it[0]
		lines := wrap(it[1], helpWidth-col)
		if len(name)+2 <= col {
			b.WriteString(name + strings.Repeat(" ", col-len(name)))
		} else {
			b.WriteString(name + "\n")
			if len(lines) > 0 {
				b.WriteString(strings.Repeat(" ", col))
			}
		}
		for i, l := range lines {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", col))
			}
			b.WriteString(l + "\n")
		}
		if len(lines) == 0 && len(name)+2 <= col {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// wrapUsage wraps the usage parts after prefix, continuation lines aligned.
func wrapUsage(prefix string, parts []string) string {
	var b strings.Builder
	line := prefix
	for _, p := range parts {
		if len(line)+len(p) > helpWidth-2 && strings.TrimSpace(line) != strings.TrimSpace(prefix) {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = strings.Repeat(" ", len(prefix))
		}
		line += p + " "
	}
	b.WriteString(strings.TrimRight(line, " ") + "\n")
	return b.String()
}

// fill wraps each paragraph of s at width.
func fill(s string, width int, indent string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		b.WriteString("\n")
		for _, l := range wrap(para, width-len(indent)) {
			b.WriteString(indent + l + "\n")
		}
	}
	return b.String()
}

func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
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
