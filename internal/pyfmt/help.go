package pyfmt

import (
	"regexp"
	"slices"
	"strings"
)

// HelpWidth is argparse's line width for help: the terminal's 80 columns
// minus 2.
const HelpWidth = 78

// maxHelpColumn is argparse's max_help_position.
const maxHelpColumn = 24

// Item is one argument in a help section: "--name <name>" and its help.
type Item struct {
	Indent int // 2, or 4 for subcommands
	Name   string
	Help   string
}

// Section is a titled list of arguments with an optional description, as
// argparse prints an argument group.
type Section struct {
	Title, Description string
	Items              []Item
}

// FormatSections lays the sections out like argparse: one help column for
// all of them, at most at column 24, names too long for it on a line of
// their own, help texts wrapped at 78 columns. Empty sections are left out.
func FormatSections(sections []Section) string {
	longest := 0
	for _, s := range sections {
		for _, it := range s.Items {
			longest = max(longest, it.Indent+runes(it.Name))
		}
	}
	col := min(longest+2, maxHelpColumn)
	var b strings.Builder
	for _, s := range sections {
		if len(s.Items) == 0 {
			continue
		}
		b.WriteString("\n" + s.Title + ":\n")
		if s.Description != "" {
			for _, l := range Wrap(s.Description, HelpWidth-2) {
				b.WriteString("  " + l + "\n")
			}
			b.WriteString("\n")
		}
		for _, it := range s.Items {
			b.WriteString(formatItem(it, col))
		}
	}
	return b.String()
}

func formatItem(it Item, col int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", it.Indent))
	lines := Wrap(it.Help, max(HelpWidth-col, 11))
	room := col - it.Indent - 2
	switch {
	case len(lines) == 0:
		b.WriteString(it.Name + "\n")
		return b.String()
	case runes(it.Name) <= room:
		b.WriteString(it.Name + strings.Repeat(" ", room-runes(it.Name)+2) + lines[0] + "\n")
		lines = lines[1:]
	default:
		b.WriteString(it.Name + "\n")
	}
	for _, l := range lines {
		b.WriteString(strings.Repeat(" ", col) + l + "\n")
	}
	return b.String()
}

// usagePart splits a usage line into the pieces argparse keeps together.
var usagePart = regexp.MustCompile(`\(.*?\)+(?:\s|$)|\[.*?\]+(?:\s|$)|\S+`)

// Usage is argparse's usage line for prog with the given option and
// positional parts ("[--name <name>]", "<volume>"): on one line when it
// fits in 78 columns, else the options wrapped after "usage: prog " and the
// positional arguments on lines of their own, aligned with them.
func Usage(prog string, opts, pos []string) string {
	const prefix = "usage: "
	all := strings.Join(slices.Concat([]string{prog}, opts, pos), " ")
	if len(prefix)+runes(all) <= HelpWidth {
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
	if len(prefix)+runes(prog) <= HelpWidth*3/4 {
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
		if n+1+runes(p) > HelpWidth && len(line) > 0 {
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

// Fill is argparse's description paragraph: s wrapped at 78 columns after
// an empty line, or "" when s is empty.
func Fill(s string) string {
	lines := Wrap(s, HelpWidth)
	if len(lines) == 0 {
		return ""
	}
	return "\n" + strings.Join(lines, "\n") + "\n"
}
