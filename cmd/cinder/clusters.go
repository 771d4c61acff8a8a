package main

import (
	"context"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/clusters"
)

// clusterCommands: the clustered service commands (microversion 3.7).
func (a *app) clusterCommands() []command {
	clusterArgs := func(help string) []posArg {
		return []posArg{
			{name: "<binary>", optional: true, help: "Binary to filter by. Default: cinder-volume."},
			{name: "<cluster-name>", help: help},
		}
	}
	var reason string
	return []command{
		a.clusterListCommand(),
		{
			name: "cluster-show",
			help: "Show detailed information on a clustered service.",
			args: clusterArgs("Name of the clustered service to show."),
			run: func(ctx context.Context, args []string) error {
				name, binary := clusterTarget(args)
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				cl, err := c.Clusters.Get(rctx, name, binary)
				if err != nil {
					return err
				}
				return a.printCluster(rb, cl)
			},
		},
		{
			name: "cluster-enable",
			help: "Enables clustered services.",
			args: clusterArgs("Name of the clustered services to update."),
			run: func(ctx context.Context, args []string) error {
				name, binary := clusterTarget(args)
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				cl, err := c.Clusters.Enable(rctx, name, binary)
				if err != nil {
					return err
				}
				return a.printCluster(rb, cl)
			},
		},
		{
			name: "cluster-disable",
			help: "Disables clustered services.",
			args: clusterArgs("Name of the clustered services to update."),
			flags: func(fs *pflag.FlagSet) {
				fs.StringVar(&reason, "reason", "", "Reason for disabling clustered service.")
				setMeta(fs, "reason", "<reason>")
			},
			run: func(ctx context.Context, args []string) error {
				name, binary := clusterTarget(args)
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				cl, err := c.Clusters.Disable(rctx, clusters.DisableRequest{Name: name, Binary: binary, Reason: reason})
				if err != nil {
					return err
				}
				return a.printCluster(rb, cl)
			},
		},
	}
}

// clusterTarget reads "[<binary>] <cluster-name>".
func clusterTarget(args []string) (name, binary string) {
	if len(args) == 2 {
		return args[1], args[0]
	}
	return args[0], "cinder-volume"
}

// printCluster prints a cluster as the server sent it.
func (a *app) printCluster(rb *rawBodies, cl *clusters.Cluster) error {
	o, err := lastNamed(rb, "cluster", cl)
	if err != nil {
		return err
	}
	return a.printDict(o, "Property")
}

func (a *app) clusterListCommand() command {
	var name, binary, isUp, disabled string
	var numHosts, numDown int
	var detailed bool
	var flags *pflag.FlagSet
	return command{
		name: "cluster-list",
		help: "Lists clustered services with optional filtering.",
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			fs.StringVar(&name, "name", "", "Filter by cluster name, without backend will list all clustered services from the same cluster. Default=None.")
			setMeta(fs, "name", "<name>")
			fs.StringVar(&binary, "binary", "", "Cluster binary. Default=None.")
			setMeta(fs, "binary", "<binary>")
			fs.StringVar(&isUp, "is-up", "", "Filter by up/down status. Default=None.")
			setMeta(fs, "is-up", "<True|true|False|false>")
			fs.StringVar(&disabled, "disabled", "", "Filter by disabled status. Default=None.")
			setMeta(fs, "disabled", "<True|true|False|false>")
			fs.IntVar(&numHosts, "num-hosts", 0, "Filter by number of hosts in the cluster.")
			setMeta(fs, "num-hosts", "<num-hosts>")
			fs.IntVar(&numDown, "num-down-hosts", 0, "Filter by number of hosts that are down.")
			setMeta(fs, "num-down-hosts", "<num-down-hosts>")
			fs.BoolVar(&detailed, "detailed", false, "Get detailed clustered service information (Default=False).")
		},
		run: func(ctx context.Context, _ []string) error {
			opts := &clusters.ListOptions{Name: name, Binary: binary}
			var err error
			if opts.IsUp, err = triBool("--is-up", isUp); err != nil {
				return err
			}
			if opts.Disabled, err = triBool("--disabled", disabled); err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			if flags.Changed("num-hosts") {
				opts.NumHosts = &numHosts
			}
			if flags.Changed("num-down-hosts") {
				opts.NumDownHosts = &numDown
			}
			rctx, rb := withRaw(ctx)
			list := c.Clusters.ListSummary
			if detailed {
				list = c.Clusters.List
			}
			if _, err := list(rctx, opts); err != nil {
				return err
			}
			cols := []string{"Name", "Binary", "State", "Status"}
			if detailed {
				cols = append(cols, "Num Hosts", "Num Down Hosts", "Last Heartbeat", "Disabled Reason", "Created At", "Updated at")
			}
			cols, rows := listRows(rb.objects("clusters"), cols, false)
			return a.printList(cols, rows, -1)
		},
	}
}

// triBool reads an optional True|False filter ("" is unset).
func triBool(flag, s string) (*bool, error) {
	if s == "" {
		return nil, nil
	}
	b, err := parseBool(flag, s)
	if err != nil {
		return nil, err
	}
	return &b, nil
}
