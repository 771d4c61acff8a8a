package main

import (
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/workers"
)

// workCleanupCommand: work-cleanup (microversion 3.24).
func (a *app) workCleanupCommand() command {
	var r workers.CleanupRequest
	var isUp, disabled, resType string
	return command{
		name: "work-cleanup",
		help: "Request cleanup of services with optional filtering.",
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&r.ClusterName, "cluster", "", "Cluster name. Default=None.")
			setMeta(fs, "cluster", "<cluster-name>")
			fs.StringVar(&r.Host, "host", "", "Service host name. Default=None.")
			setMeta(fs, "host", "<hostname>")
			fs.StringVar(&r.Binary, "binary", "", "Service binary. Default=None.")
			setMeta(fs, "binary", "<binary>")
			fs.StringVar(&isUp, "is-up", "", "Filter by up/down status, if set to true services need to be up, if set to false services need to be down.  Default is None, which means up/down status is ignored.")
			setMeta(fs, "is-up", "<True|true|False|false>")
			fs.StringVar(&disabled, "disabled", "", "Filter by disabled status. Default=None.")
			setMeta(fs, "disabled", "<True|true|False|false>")
			fs.StringVar(&r.ResourceID, "resource-id", "", "UUID of a resource to cleanup. Default=None.")
			setMeta(fs, "resource-id", "<resource-id>")
			fs.StringVar(&resType, "resource-type", "", "Type of resource to cleanup.")
			setMeta(fs, "resource-type", "<Volume|Snapshot>")
			fs.IntVar(&r.ServiceID, "service-id", 0, "The service id field from the DB, not the uuid of the service. Default=None.")
			setMeta(fs, "service-id", "<service-id>")
		},
		run: func(ctx context.Context, _ []string) error {
			var err error
			if r.IsUp, err = triBool("--is-up", isUp); err != nil {
				return err
			}
			if r.Disabled, err = triBool("--disabled", disabled); err != nil {
				return err
			}
			switch resType {
			case "", string(workers.ResourceVolume), string(workers.ResourceSnapshot):
				r.ResourceType = workers.ResourceType(resType)
			default:
				return usagef("argument --resource-type: invalid choice: '%s' (choose from 'Volume', 'Snapshot')", resType)
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			res, err := c.Workers.Cleanup(ctx, r)
			if err != nil {
				return err
			}
			if len(res.Cleaning) == 0 && len(res.Unavailable) == 0 {
				fmt.Fprintln(a.stdout, "No cleanable services matched cleanup criteria.")
				return nil
			}
			if len(res.Cleaning) > 0 {
				if err := a.printCleanup("Following services will be cleaned:", res.Cleaning); err != nil {
					return err
				}
			}
			if len(res.Unavailable) > 0 {
				return a.printCleanup("There are no alive services to cleanup the following services:", res.Unavailable)
			}
			return nil
		},
	}
}

// printCleanup prints one list of work-cleanup's answer.
func (a *app) printCleanup(title string, list []workers.Service) error {
	fmt.Fprintln(a.stdout, title)
	rows := make([][]any, len(list))
	for i, s := range list {
		var cluster any
		if s.ClusterName != "" {
			cluster = s.ClusterName
		}
		rows[i] = []any{s.ID, cluster, s.Host, s.Binary}
	}
	return a.printList([]string{"ID", "Cluster Name", "Host", "Binary"}, rows, -1)
}
