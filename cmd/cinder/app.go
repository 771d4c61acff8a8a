package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	cinder "github.com/gocinder/cinder"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // API or runtime error
	exitUsage = 2 // bad command line
)

// app is one invocation of the CLI: its environment, output streams,
// global options and (once a command needs it) its client.
type app struct {
	env    map[string]string
	stdout io.Writer
	stderr io.Writer
	g      globals
	root   *cobra.Command
	// positionals are the positional arguments of each command, for help.
	positionals map[string][]posArg

	client *cinder.Client // created on first use by (*app).cinder
}

// usageError is a bad command line (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// run executes one cinder command line and returns the exit status. It is
// the whole program minus os.Args, os.Environ and os.Exit, for tests.
func run(ctx context.Context, args []string, env map[string]string, stdout, stderr io.Writer) (code int) {
	a := &app{env: env, stdout: stdout, stderr: stderr}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "ERROR: internal error: %v\n", r)
			code = exitError
		}
	}()
	a.root = a.newRoot()
	a.root.SetArgs(normalizeArgs(a.root, args))
	a.root.SetOut(stdout)
	a.root.SetErr(stderr)
	err := a.root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "ERROR: "+errorLine(err))
	var ue *usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitError
}

// command describes one subcommand, cinder style.
type command struct {
	name string
	help string // first paragraph of the help; the first sentence is the summary
	// short replaces that summary in "cinder help" where cinderclient's differs.
	short string
	args  []posArg
	// flags registers the command's options.
	flags func(fs *pflag.FlagSet)
	// run does the work; it is called after the arguments were checked.
	run func(ctx context.Context, args []string) error
	// noClient marks commands that never talk to the server (help, bash-completion).
	noClient bool
}

// posArg is a positional argument.
type posArg struct {
	name     string // "<volume>"
	help     string
	optional bool // [<name>]
	many     bool // <name> [<name> ...]
}

// add builds the cobra command for c under the root.
func (a *app) add(c command) *cobra.Command {
	min, max := 0, 0
	for _, p := range c.args {
		if !p.optional {
			min++
		}
		max++
		if p.many {
			max = -1
		}
	}
	cc := &cobra.Command{
		Use:   c.name,
		Short: cmp.Or(c.short, summary(c.help)),
		Long:  c.help,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) < min:
				return usagef("too few arguments for %q: expected %s (see 'cinder help %s')", c.name, argNames(c.args), c.name)
			case max >= 0 && len(args) > max:
				return usagef("unrecognized arguments for %q: %s (see 'cinder help %s')", c.name, strings.Join(args[max:], " "), c.name)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.resolveGlobals(cmd); err != nil {
				return err
			}
			ctx := cmd.Context()
			if !c.noClient {
				if err := a.checkVersions(ctx, cmd); err != nil {
					return err
				}
			}
			return c.run(ctx, args)
		},
		DisableFlagsInUseLine: true,
		SilenceErrors:         true,
		SilenceUsage:          true,
	}
	a.positionals[c.name] = c.args
	if c.flags != nil {
		c.flags(cc.Flags())
		annotateVersions(c.name, cc.Flags())
	}
	cc.Flags().BoolP("help", "h", false, "Show this help.")
	cc.Flags().Lookup("help").Hidden = true
	cc.Flags().SortFlags = false
	cc.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usagef("%s (see 'cinder help %s')", flagError(err), c.name)
	})
	if c.name == "help" {
		a.root.SetHelpCommand(cc)
	} else {
		a.root.AddCommand(cc)
	}
	return cc
}

// flagError words a bad option value as argparse does: "argument
// --limit: invalid int value: 'x'".
func flagError(err error) string {
	var bad *pflag.InvalidValueError
	if !errors.As(err, &bad) {
		return err.Error()
	}
	kind := bad.GetFlag().Value.Type()
	switch kind {
	case "float64":
		kind = "float"
	case "stringArray", "string":
		return err.Error()
	}
	return fmt.Sprintf("argument --%s: invalid %s value: '%s'", bad.GetFlag().Name, kind, bad.GetValue())
}

// summary is the first sentence of a help text.
func summary(help string) string {
	s, _, _ := strings.Cut(help, "\n")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	return s
}

func argNames(ps []posArg) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.name
	}
	return strings.Join(names, " ")
}

// newRoot builds the root command with the global options and every subcommand.
func (a *app) newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "cinder",
		Short:         "Command-line interface to the OpenStack Cinder API.",
		Version:       version(debug.ReadBuildInfo),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("invalid choice: %q (see 'cinder help')", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.printMainHelp(cmd.OutOrStdout())
		},
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usagef("%s (see 'cinder help')", flagError(err))
	})
	a.root = root
	a.positionals = map[string][]posArg{}
	a.g.register(root.PersistentFlags())
	root.PersistentFlags().SortFlags = false
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		var err error
		if cmd == root {
			err = a.printMainHelp(cmd.OutOrStdout())
		} else {
			err = a.printCommandHelp(cmd.OutOrStdout(), cmd)
		}
		if err != nil {
			fmt.Fprintln(a.stderr, "ERROR: "+errorLine(err))
		}
	})
	for _, group := range [][]command{
		a.volumeCommands(),
		a.volumeActionCommands(),
		a.volumeMetadataCommands(),
		a.volumeManageCommands(),
		a.snapshotCommands(),
		a.snapshotMoreCommands(),
		a.backupCommands(),
		a.transferCommands(),
		a.attachmentCommands(),
		a.discoveryCommands(),
		a.typesAndQuotaCommands(),
		a.groupCommands(),
		a.shellCommands(),
		a.serviceCommands(),
		a.poolCommands(),
		a.clusterCommands(),
		{a.workCleanupCommand()},
		a.consisgroupCommands(),
		a.cgsnapshotCommands(),
	} {
		for _, c := range group {
			a.add(c)
		}
	}
	slices.SortFunc(root.Commands(), func(x, y *cobra.Command) int { return strings.Compare(x.Name(), y.Name()) })
	return root
}
