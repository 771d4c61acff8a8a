package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"slices"

	"github.com/spf13/pflag"

	mv "github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/replication"
	"github.com/gocinder/cinder/services"
)

// serviceCommands: the service, log-level and replication commands.
func (a *app) serviceCommands() []command {
	return []command{
		a.serviceListCommand(),
		{
			name: "service-enable",
			help: "Enables the service.",
			args: []posArg{{name: "<hostname>", help: "Host name."}, {name: "<binary>", help: "Service binary."}},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				ch, err := c.Services.Enable(rctx, args[0], args[1])
				if err != nil {
					return err
				}
				return a.printStatusChange(rb, ch, false)
			},
		},
		a.serviceDisableCommand(),
		a.serviceGetLogCommand(),
		a.serviceSetLogCommand(),
		a.hostActionCommand("freeze-host", "Freeze and disable the specified cinder-volume host.", "<hostname>", func(ctx context.Context, m *replication.Manager, host string) error {
			return m.Freeze(ctx, replication.Target{Host: host})
		}),
		a.hostActionCommand("thaw-host", "Thaw and enable the specified cinder-volume host.", "<hostname>", func(ctx context.Context, m *replication.Manager, host string) error {
			return m.Thaw(ctx, replication.Target{Host: host})
		}),
		a.failoverCommand(),
	}
}

func (a *app) serviceListCommand() command {
	var host, binary, withRepl string
	return command{
		name:  "service-list",
		short: "Lists all services. Filter by host and service binary.",
		help:  "Lists all services. Filter by host and service binary.",
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&host, "host", "", "Host name. Default=None.")
			setMeta(fs, "host", "<hostname>")
			fs.StringVar(&binary, "binary", "", "Service binary. Default=None.")
			setMeta(fs, "binary", "<binary>")
			fs.StringVar(&withRepl, "withreplication", "", "Enables or disables display of Replication info for c-vol services. Default=False.")
			setMeta(fs, "withreplication", "<True|False>")
			optValue(fs, "withreplication", "True", "*")
		},
		run: func(ctx context.Context, _ []string) error {
			repl := false
			if withRepl != "" {
				var err error
				if repl, err = strictBool(withRepl); err != nil {
					return err
				}
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			if _, err := c.Services.List(rctx, &services.ListOptions{Host: host, Binary: binary}); err != nil {
				return err
			}
			have := c.Microversion()
			cols := []string{"Binary", "Host", "Zone", "Status", "State", "Updated_at"}
			if !have.Less(mv.V(3, 7)) {
				cols = append(cols, "Cluster")
			}
			if repl {
				cols = append(cols, "Replication Status", "Active Backend ID", "Frozen")
			}
			cols = append(cols, "Disabled Reason")
			if !have.Less(mv.V(3, 49)) {
				cols = append(cols, "Backend State")
			}
			cols, rows := listRows(rb.objects("services"), cols, false)
			return a.printList(cols, rows, -1)
		},
	}
}

func (a *app) serviceDisableCommand() command {
	var reason string
	return command{
		name: "service-disable",
		help: "Disables the service.",
		args: []posArg{{name: "<hostname>", help: "Host name."}, {name: "<binary>", help: "Service binary."}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&reason, "reason", "", "Reason for disabling service.")
			setMeta(fs, "reason", "<reason>")
		},
		run: func(ctx context.Context, args []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			ch, err := c.Services.Disable(rctx, services.DisableRequest{Host: args[0], Binary: args[1], Reason: reason})
			if err != nil {
				return err
			}
			return a.printStatusChange(rb, ch, reason != "")
		},
	}
}

// printStatusChange prints the answer of service-enable/disable.
func (a *app) printStatusChange(rb *rawBodies, ch *services.StatusChange, withReason bool) error {
	o := lastObject(rb)
	if o == nil {
		var err error
		if o, err = orderedObject(ch); err != nil {
			return err
		}
	}
	cols := []string{"Host", "Binary", "Status"}
	if withReason {
		cols = append(cols, "Disabled Reason")
	}
	cols, rows := listRows([]*pyfmt.Object{o}, cols, false)
	return a.printList(cols, rows, -1)
}

// logBinaries are the binaries service-get-log and service-set-log take.
var logBinaries = []string{"", "*", "cinder-api", "cinder-volume", "cinder-scheduler", "cinder-backup"}

func logFilterFlags(fs *pflag.FlagSet, f *services.LogFilter, binaryHelp, prefixExample string) {
	fs.StringVar(&f.Binary, "binary", "", binaryHelp)
	setMeta(fs, "binary", "{,*,cinder-api,cinder-volume,cinder-scheduler,cinder-backup}")
	fs.StringVar(&f.Server, "server", "", "Host or cluster value for service.")
	setMeta(fs, "server", "SERVER")
	fs.StringVar(&f.Prefix, "prefix", "", `Prefix for the log. ie: "`+prefixExample+`".`)
	setMeta(fs, "prefix", "PREFIX")
}

func checkLogBinary(b string) error {
	if !slices.Contains(logBinaries, b) {
		return usagef("argument --binary: invalid choice: '%s' (choose from '', '*', 'cinder-api', 'cinder-volume', 'cinder-scheduler', 'cinder-backup')", b)
	}
	return nil
}

func (a *app) serviceGetLogCommand() command {
	var f services.LogFilter
	return command{
		name:  "service-get-log",
		help:  "Gets the service log level.",
		flags: func(fs *pflag.FlagSet) { logFilterFlags(fs, &f, "Binary to query.", "sqlalchemy.") },
		run: func(ctx context.Context, _ []string) error {
			if err := checkLogBinary(f.Binary); err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			levels, err := c.Services.LogLevels(ctx, f)
			if err != nil {
				return err
			}
			var rows [][]any
			for _, l := range levels {
				prefixes := make([]string, 0, len(l.Levels))
				for p := range l.Levels {
					prefixes = append(prefixes, p)
				}
				slices.Sort(prefixes)
				for _, p := range prefixes {
					rows = append(rows, []any{l.Binary, l.Host, p, l.Levels[p]})
				}
			}
			return a.printList([]string{"Binary", "Host", "Prefix", "Level"}, rows, -1)
		},
	}
}

// logLevels are the levels service-set-log takes.
var logLevels = []string{"INFO", "WARNING", "ERROR", "DEBUG", "info", "warning", "error", "debug"}

func (a *app) serviceSetLogCommand() command {
	var f services.LogFilter
	return command{
		name:  "service-set-log",
		help:  "Sets the service log level.",
		args:  []posArg{{name: "<log-level>", help: "Desired log level."}},
		flags: func(fs *pflag.FlagSet) { logFilterFlags(fs, &f, "Binary to change.", "cinder.volume.drivers.") },
		run: func(ctx context.Context, args []string) error {
			if !slices.Contains(logLevels, args[0]) {
				return usagef("argument <log-level>: invalid choice: '%s' (choose from 'INFO', 'WARNING', 'ERROR', 'DEBUG', 'info', 'warning', 'error', 'debug')", args[0])
			}
			if err := checkLogBinary(f.Binary); err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			return c.Services.SetLogLevels(ctx, f, args[0])
		},
	}
}

// hostActionCommand is a command that acts on one cinder-volume host.
func (a *app) hostActionCommand(name, help, arg string, do func(context.Context, *replication.Manager, string) error) command {
	return command{
		name: name,
		help: help,
		args: []posArg{{name: arg, help: "Host name."}},
		run: func(ctx context.Context, args []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			return do(ctx, c.Replication, args[0])
		},
	}
}

func (a *app) failoverCommand() command {
	var backendID string
	return command{
		name: "failover-host",
		help: "Failover a replicating cinder-volume host.",
		args: []posArg{{name: "<hostname>", help: "Host name."}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&backendID, "backend_id", "", "ID of backend to failover to (Default=None)")
			setMeta(fs, "backend_id", "<backend-id>")
		},
		run: func(ctx context.Context, args []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			return c.Replication.Failover(ctx, replication.FailoverRequest{Target: replication.Target{Host: args[0]}, BackendID: backendID})
		},
	}
}
