package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// completionCommand is cinder's bash-completion: every command and option
// on one line, for the cinder.bash_completion script.
func (a *app) completionCommand() command {
	return command{
		name:     "bash-completion",
		help:     "Prints arguments for bash_completion. Prints all commands and options to stdout so that the cinder.bash_completion script does not have to hard code them.",
		noClient: true,
		run: func(_ context.Context, _ []string) error {
			seen := map[string]bool{}
			add := func(fs *pflag.FlagSet) {
				fs.VisitAll(func(f *pflag.Flag) {
					if !f.Hidden {
						seen["--"+f.Name] = true
						if f.Shorthand != "" {
							seen["-"+f.Shorthand] = true
						}
					}
				})
			}
			add(a.root.PersistentFlags())
			for _, c := range a.root.Commands() {
				if c.Name() != "bash-completion" {
					seen[c.Name()] = true
				}
				add(c.LocalNonPersistentFlags())
			}
			seen["-h"], seen["--help"], seen["--version"] = true, true, true
			words := make([]string, 0, len(seen))
			for w := range seen {
				words = append(words, w)
			}
			slices.Sort(words)
			_, err := fmt.Fprintln(a.stdout, strings.Join(words, " "))
			return err
		},
	}
}
