package main

import (
	"context"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/groupsnapshots"
	mv "github.com/gocinder/cinder/microversion"
)

// groupSnapshotCommands: the group-snapshot-* commands.
func (a *app) groupSnapshotCommands() []command {
	return []command{
		a.groupSnapshotCreateCommand(),
		{
			name: "group-snapshot-delete",
			help: "Removes one or more group snapshots.",
			args: []posArg{{name: "<group_snapshot>", many: true, help: "Name or ID of one or more group snapshots to be deleted."}},
			run: func(ctx context.Context, refs []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
					s, err := a.findGroupSnapshot(ctx, ref)
					if err != nil {
						return err
					}
					return c.GroupSnapshots.Delete(ctx, s.ID)
				})
				return a.bulkReport(refs, errs, func(ref string) string { return "Delete for group snapshot " + ref + " failed" },
					"Unable to delete any of the specified group snapshots.", "delete", "group snapshots")
			},
		},
		a.groupSnapshotListCommand(),
		{
			name: "group-snapshot-show",
			help: "Shows group snapshot details.",
			args: []posArg{{name: "<group_snapshot>", help: "Name or ID of group snapshot."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				s, err := a.findGroupSnapshot(rctx, args[0])
				if err != nil {
					return err
				}
				// one found by name is the list's summary: get it whole
				if rb.find("group_snapshot", "group_snapshot", s.ID) == nil {
					c, err := a.cinder(ctx)
					if err != nil {
						return err
					}
					rctx, rb = withRaw(ctx)
					if s, err = c.GroupSnapshots.Get(rctx, s.ID); err != nil {
						return err
					}
				}
				return a.printGroupSnapshot(rb, s)
			},
		},
	}
}

// printGroupSnapshot prints the captured JSON of s, without links.
func (a *app) printGroupSnapshot(rb *rawBodies, s *groupsnapshots.GroupSnapshot) error {
	return a.printRaw(rb, "group_snapshot", "group_snapshots", s.ID, s)
}

func (a *app) groupSnapshotCreateCommand() command {
	var name, description string
	return command{
		name: "group-snapshot-create",
		help: "Creates a group snapshot.",
		args: []posArg{{name: "<group>", help: "Name or ID of a group."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &name, "name", "<name>", "", "Group snapshot name. Default=None.")
			strFlag(fs, &description, "description", "<description>", "", "Group snapshot description. Default=None.")
		},
		run: func(ctx context.Context, args []string) error {
			g, err := a.findGroup(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			s, err := c.GroupSnapshots.Create(ctx, groupsnapshots.CreateRequest{GroupID: g.ID, Name: name, Description: description})
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			if s, err = c.GroupSnapshots.Get(rctx, s.ID); err != nil {
				return err
			}
			return a.printGroupSnapshot(rb, s)
		},
	}
}

func (a *app) groupSnapshotListCommand() command {
	var (
		status, groupID string
		allTenants      int
		filters         []string
	)
	return command{
		name: "group-snapshot-list",
		help: "Lists all group snapshots.",
		flags: func(fs *pflag.FlagSet) {
			allTenantsFlag(fs, &allTenants, "<0|1>")
			strFlag(fs, &status, "status", "<status>", "", "Filters results by a status. Default=None. "+filterDeprecated)
			strFlag(fs, &groupID, "group-id", "<group_id>", "", "Filters results by a group ID. Default=None. "+filterDeprecated)
			kvFlag(fs, &filters, "filters", "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server. Use 'key~=value' for inexact filtering if the key supports. Default=None.")
		},
		run: func(ctx context.Context, _ []string) error {
			opts := &groupsnapshots.ListOptions{AllTenants: a.envAllTenants(allTenants) != 0,
				Status: groupsnapshots.Status(status), GroupID: groupID}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			if c.Microversion().Less(mv.V(3, 29)) {
				opts.AllTenants = false // from ALL_TENANTS, which cinderclient sends in vain
			}
			if opts.Filters, err = keyValues(filters); err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			n := 0
			for _, err := range c.GroupSnapshots.List(rctx, opts) {
				if err != nil {
					return err
				}
				n++
			}
			raws := rb.objects("group_snapshots")
			cols, rows := listRows(raws[:min(n, len(raws))], []string{"ID", "Status", "Name"}, false)
			return a.printList(cols, rows, 0)
		},
	}
}
