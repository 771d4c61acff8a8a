package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// writeMan writes the man pages of cinder(1) and of every command
// (cinder-create(1), …) into dir, from the command table: the same names,
// options and help texts "cinder help" prints. make man calls it.
func (a *app) writeMan(dir string) error {
	header := &doc.GenManHeader{
		Title:   "CINDER",
		Section: "1",
		Source:  "gocinder " + a.root.Version,
		Manual:  "OpenStack Block Storage CLI",
	}
	a.root.DisableAutoGenTag = true
	a.root.Long = a.root.Short + "\n\nThe Go twin of python-cinderclient's cinder: the same commands, options, tables and exit statuses. Run \"cinder help COMMAND\" for a command's help."
	visit(a.root, func(c *cobra.Command) { c.DisableAutoGenTag = true })
	return doc.GenManTree(a.root, header, dir)
}

func visit(c *cobra.Command, f func(*cobra.Command)) {
	f(c)
	for _, sub := range c.Commands() {
		visit(sub, f)
	}
}
