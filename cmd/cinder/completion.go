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
				// python lists its hidden spellings too
				for alias := range pythonAliases[c.Name()] {
					seen["--"+alias] = true
				}
			}
			words := slices.Sorted(maps.Keys(seen))
			_, err := fmt.Fprintln(a.stdout, strings.Join(words, " "))
			return err
		},
	}
}

// shellCompletionCommand is "cinder completion bash|zsh|fish": the shell
// script cobra generates, which asks the binary itself (cinder __complete)
// for commands and options as the user types.
func (a *app) shellCompletionCommand() command {
	return command{
		name:     "completion",
		help:     "Prints the shell completion script for bash, zsh or fish. Load it with: source <(cinder completion bash)",
		args:     []posArg{{name: "<shell>", help: "bash, zsh or fish."}},
		noClient: true,
		run: func(_ context.Context, args []string) error {
			switch args[0] {
			case "bash":
				return a.root.GenBashCompletionV2(a.stdout, true)
			case "zsh":
				return a.root.GenZshCompletion(a.stdout)
			case "fish":
				return a.root.GenFishCompletion(a.stdout, true)
			}
			return usagef("argument <shell>: invalid choice: '%s' (choose from 'bash', 'zsh', 'fish')", args[0])
		},
	}
}
