package main

import (
	"context"
	"errors"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/consistencygroups"
)

// findConsisgroup resolves a consistency group name or ID (consistencygroups.Find).
func (a *app) findConsisgroup(ctx context.Context, ref string) (*consistencygroups.ConsistencyGroup, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	g, err := c.ConsistencyGroups.Find(ctx, ref, lookupAll)
	return g, lookupErr("consistencygroup", ref, err)
}

// consisgroupCommands: the legacy consistency group commands.
func (a *app) consisgroupCommands() []command {
	cgArg := posArg{name: "<consistencygroup>", help: "Name or ID of a consistency group."}
	return []command{
		a.consisgroupListCommand(),
		{
			name: "consisgroup-show",
			help: "Shows details of a consistency group.",
			args: []posArg{cgArg},
			run: func(ctx context.Context, args []string) error {
				found, err := a.findConsisgroup(ctx, args[0])
				if err != nil {
					return err
				}
				// A name is found in the summary list; show the details.
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				g, err := c.ConsistencyGroups.Get(rctx, found.ID)
				if err != nil {
					return err
				}
				return a.printConsisgroup(rb, g)
			},
		},
		a.consisgroupCreateCommand(),
		a.consisgroupCreateFromSrcCommand(),
		a.consisgroupUpdateCommand(cgArg),
		a.consisgroupDeleteCommand(),
	}
}

// printConsisgroup prints a consistency group as the server sent it.
func (a *app) printConsisgroup(rb *rawBodies, g *consistencygroups.ConsistencyGroup) error {
	return a.printRaw(rb, "consistencygroup", "consistencygroups", g.ID, g)
}

func (a *app) consisgroupListCommand() command {
	var allTenants int
	return command{
		name: "consisgroup-list",
		help: "Lists all consistency groups.",
		flags: func(fs *pflag.FlagSet) {
			allTenantsFlag(fs, &allTenants, "<0|1>")
		},
		run: func(ctx context.Context, _ []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			opts := &consistencygroups.ListOptions{AllTenants: a.envAllTenants(allTenants) != 0}
			for _, err := range c.ConsistencyGroups.List(rctx, opts) {
				if err != nil {
					return err
				}
			}
			cols, rows := listRows(rb.objects("consistencygroups"), []string{"ID", "Status", "Name"}, false)
			return a.printList(cols, rows, -1)
		},
	}
}

func (a *app) consisgroupCreateCommand() command {
	var name, desc, zone string
	return command{
		name: "consisgroup-create",
		help: "Creates a consistency group.",
		args: []posArg{{name: "<volume-types>", help: "Volume types."}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&name, "name", "", "Name of a consistency group.")
			setMeta(fs, "name", "<name>")
			fs.StringVar(&desc, "description", "", "Description of a consistency group. Default=None.")
			setMeta(fs, "description", "<description>")
			fs.StringVar(&zone, "availability-zone", "", "Availability zone for volume. Default=None.")
			setMeta(fs, "availability-zone", "<availability-zone>")
		},
		run: func(ctx context.Context, args []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			g, err := c.ConsistencyGroups.Create(ctx, consistencygroups.CreateRequest{
				VolumeTypes: strings.Split(args[0], ","), Name: name, Description: desc, AvailabilityZone: zone})
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			g, err = c.ConsistencyGroups.Get(rctx, g.ID)
			if err != nil {
				return err
			}
			return a.printConsisgroup(rb, g)
		},
	}
}

func (a *app) consisgroupCreateFromSrcCommand() command {
	var snap, source, name, desc string
	return command{
		name: "consisgroup-create-from-src",
		help: "Creates a consistency group from a cgsnapshot or a source CG.",
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&snap, "cgsnapshot", "", "Name or ID of a cgsnapshot. Default=None.")
			setMeta(fs, "cgsnapshot", "<cgsnapshot>")
			fs.StringVar(&source, "source-cg", "", "Name or ID of a source CG. Default=None.")
			setMeta(fs, "source-cg", "<source-cg>")
			fs.StringVar(&name, "name", "", "Name of a consistency group. Default=None.")
			setMeta(fs, "name", "<name>")
			fs.StringVar(&desc, "description", "", "Description of a consistency group. Default=None.")
			setMeta(fs, "description", "<description>")
		},
		run: func(ctx context.Context, _ []string) error {
			switch {
			case snap == "" && source == "":
				return errors.New("Either cgsnapshot or source CG must be provided.")
			case snap != "" && source != "":
				return errors.New("Cannot provide both cgsnapshot and source CG.")
			}
			r := consistencygroups.CreateFromSourceRequest{Name: name, Description: desc}
			if snap != "" {
				s, err := a.findCGSnapshot(ctx, snap)
				if err != nil {
					return err
				}
				r.CGSnapshotID = s.ID
			} else {
				g, err := a.findConsisgroup(ctx, source)
				if err != nil {
					return err
				}
				r.SourceCGID = g.ID
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			g, err := c.ConsistencyGroups.CreateFromSource(rctx, r)
			if err != nil {
				return err
			}
			return a.printConsisgroup(rb, g)
		},
	}
}

func (a *app) consisgroupUpdateCommand(cgArg posArg) command {
	var name, desc, add, remove string
	var flags *pflag.FlagSet
	return command{
		name: "consisgroup-update",
		help: "Updates a consistency group.",
		args: []posArg{cgArg},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			fs.StringVar(&name, "name", "", "New name for consistency group. Default=None.")
			setMeta(fs, "name", "<name>")
			fs.StringVar(&desc, "description", "", "New description for consistency group. Default=None.")
			setMeta(fs, "description", "<description>")
			fs.StringVar(&add, "add-volumes", "", "UUID of one or more volumes to be added to the consistency group, separated by commas. Default=None.")
			setMeta(fs, "add-volumes", "<uuid1,uuid2,......>")
			fs.StringVar(&remove, "remove-volumes", "", "UUID of one or more volumes to be removed from the consistency group, separated by commas. Default=None.")
			setMeta(fs, "remove-volumes", "<uuid3,uuid4,......>")
		},
		run: func(ctx context.Context, args []string) error {
			var r consistencygroups.UpdateRequest
			if flags.Changed("name") {
				r.Name = &name
			}
			if flags.Changed("description") {
				r.Description = &desc
			}
			if add != "" {
				r.AddVolumes = strings.Split(add, ",")
			}
			if remove != "" {
				r.RemoveVolumes = strings.Split(remove, ",")
			}
			if r.Name == nil && r.Description == nil && r.AddVolumes == nil && r.RemoveVolumes == nil {
				return errors.New("At least one of the following args must be supplied: name, description, add-volumes, remove-volumes.")
			}
			g, err := a.findConsisgroup(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			return c.ConsistencyGroups.Update(ctx, g.ID, r)
		},
	}
}

func (a *app) consisgroupDeleteCommand() command {
	var force bool
	return command{
		name: "consisgroup-delete",
		help: "Removes one or more consistency groups.",
		args: []posArg{{name: "<consistencygroup>", many: true, help: "Name or ID of one or more consistency groups to be deleted."}},
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&force, "force", false, "Allows or disallows consistency groups to be deleted. If the consistency group is empty, it can be deleted without the force flag. If the consistency group is not empty, the force flag is required for it to be deleted.")
		},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
				g, err := a.findConsisgroup(ctx, ref)
				if err != nil {
					return err
				}
				return c.ConsistencyGroups.Delete(ctx, g.ID, &consistencygroups.DeleteOptions{Force: force})
			})
			return a.bulkReport(refs, errs, func(ref string) string { return "Delete for consistency group " + ref + " failed" },
				"Unable to delete any of the specified consistency groups.", "delete", "consistency groups")
		},
	}
}
