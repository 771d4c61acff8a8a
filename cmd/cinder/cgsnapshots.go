package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/cgsnapshots"
)

// findCGSnapshot resolves a cgsnapshot name or ID (cgsnapshots.Find).
func (a *app) findCGSnapshot(ctx context.Context, ref string) (*cgsnapshots.CGSnapshot, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	s, err := c.CGSnapshots.Find(ctx, ref, lookupAll)
	return s, lookupErr("cgsnapshot", ref, err)
}

// cgsnapshotCommands: the legacy consistency group snapshot commands.
func (a *app) cgsnapshotCommands() []command {
	return []command{
		a.cgsnapshotListCommand(),
		{
			name: "cgsnapshot-show",
			help: "Shows cgsnapshot details.",
			args: []posArg{{name: "<cgsnapshot>", help: "Name or ID of cgsnapshot."}},
			run: func(ctx context.Context, args []string) error {
				found, err := a.findCGSnapshot(ctx, args[0])
				if err != nil {
					return err
				}
				// A name is found in the summary list; show the details.
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				s, err := c.CGSnapshots.Get(rctx, found.ID)
				if err != nil {
					return err
				}
				return a.printCGSnapshot(rb, s)
			},
		},
		a.cgsnapshotCreateCommand(),
		{
			name: "cgsnapshot-delete",
			help: "Removes one or more cgsnapshots.",
			args: []posArg{{name: "<cgsnapshot>", many: true, help: "Name or ID of one or more cgsnapshots to be deleted."}},
			run: func(ctx context.Context, refs []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
					s, err := a.findCGSnapshot(ctx, ref)
					if err != nil {
						return err
					}
					return c.CGSnapshots.Delete(ctx, s.ID)
				})
				return a.bulkReport(refs, errs, func(ref string) string { return "Delete for cgsnapshot " + ref + " failed" },
					"Unable to delete any of the specified cgsnapshots.", "delete", "cgsnapshots")
			},
		},
	}
}

// printCGSnapshot prints a cgsnapshot as the server sent it.
func (a *app) printCGSnapshot(rb *rawBodies, s *cgsnapshots.CGSnapshot) error {
	return a.printRaw(rb, "cgsnapshot", "cgsnapshots", s.ID, s)
}

func (a *app) cgsnapshotListCommand() command {
	var status, groupID string
	var allTenants int
	return command{
		name: "cgsnapshot-list",
		help: "Lists all cgsnapshots.",
		flags: func(fs *pflag.FlagSet) {
			allTenantsFlag(fs, &allTenants, "<0|1>")
			fs.StringVar(&status, "status", "", "Filters results by a status. Default=None.")
			setMeta(fs, "status", "<status>")
			fs.StringVar(&groupID, "consistencygroup-id", "", "Filters results by a consistency group ID. Default=None.")
			setMeta(fs, "consistencygroup-id", "<consistencygroup_id>")
		},
		run: func(ctx context.Context, _ []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			opts := &cgsnapshots.ListOptions{AllTenants: a.envAllTenants(allTenants) != 0}
			for _, err := range c.CGSnapshots.List(rctx, opts) {
				if err != nil {
					return err
				}
			}
			// Cinder ignores these filters on /cgsnapshots; apply them here.
			var keep []*pyfmt.Object
			for _, o := range rb.objects("cgsnapshots") {
				st, _ := o.Get("status")
				id, _ := o.Get("consistencygroup_id")
				if (status == "" || st == status) && (groupID == "" || id == groupID) {
					keep = append(keep, o)
				}
			}
			cols, rows := listRows(keep, []string{"ID", "Status", "Name"}, false)
			return a.printList(cols, rows, -1)
		},
	}
}

func (a *app) cgsnapshotCreateCommand() command {
	var name, desc string
	return command{
		name: "cgsnapshot-create",
		help: "Creates a cgsnapshot.",
		args: []posArg{{name: "<consistencygroup>", help: "Name or ID of a consistency group."}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&name, "name", "", "Cgsnapshot name. Default=None.")
			setMeta(fs, "name", "<name>")
			fs.StringVar(&desc, "description", "", "Cgsnapshot description. Default=None.")
			setMeta(fs, "description", "<description>")
		},
		run: func(ctx context.Context, args []string) error {
			g, err := a.findConsisgroup(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			s, err := c.CGSnapshots.Create(ctx, cgsnapshots.CreateRequest{ConsistencyGroupID: g.ID, Name: name, Description: desc})
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			s, err = c.CGSnapshots.Get(rctx, s.ID)
			if err != nil {
				return err
			}
			return a.printCGSnapshot(rb, s)
		},
	}
}
