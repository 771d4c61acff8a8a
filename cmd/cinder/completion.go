package main

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// completionCommand is cinder's bash-completion: on one line, every
// command and every option of a command (not the global ones), for the
// cinder.bash_completion script. cinderclient prints them in no
// particular order; these are sorted.
func (a *app) completionCommand() command {
	return command{
		name:     "bash-completion",
		help:     "Prints arguments for bash_completion. Prints all commands and options to stdout so that the cinder.bash_completion script does not have to hard code them.",
		noClient: true,
		run: func(_ context.Context, _ []string) error {
			seen := map[string]bool{}
			for _, c := range a.root.Commands() {
				if c.Name() != "bash-completion" {
					seen[c.Name()] = true
				}
				c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
					seen["--"+f.Name] = true
					if f.Shorthand != "" {
						seen["-"+f.Shorthand] = true
					}
				})
			}
			words := slices.Sorted(maps.Keys(seen))
			_, err := fmt.Fprintln(a.stdout, strings.Join(words, " "))
			return err
		},
	}
}
