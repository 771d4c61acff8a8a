package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/gocinder/cinder/internal/pyfmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
)

// groupCommands gathers the generic volume group commands, for newRoot.
func (a *app) groupCommands() []command {
	return slices.Concat(a.groupOnlyCommands(), a.groupReplicationCommands(),
		a.groupSnapshotCommands(), a.groupTypeCommands())
}

// groupOnlyCommands: the group-* commands of groups themselves.
func (a *app) groupOnlyCommands() []command {
	return []command{
		a.groupCreateCommand(), a.groupCreateFromSourceCommand(), a.groupDeleteCommand(),
		a.groupListCommand(), a.groupShowCommand(), a.groupUpdateCommand(),
	}
}

// printGroup prints the captured JSON of the group g, without links.
func (a *app) printGroup(rb *rawBodies, g *groups.Group) error {
	return a.printRaw(rb, "group", "groups", g.ID, g)
}

func (a *app) groupCreateCommand() command {
	var name, description, az string
	return command{
		name: "group-create",
		help: "Creates a group.",
		args: []posArg{
			{name: "<group-type>", help: "Group type."},
			{name: "<volume-types>", help: "Comma-separated list of volume types."},
		},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &name, "name", "<name>", "", "Name of a group.")
			strFlag(fs, &description, "description", "<description>", "", "Description of a group. Default=None.")
			strFlag(fs, &az, "availability-zone", "<availability-zone>", "", "Availability zone for group. Default=None.")
		},
		run: func(ctx context.Context, args []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			// the server resolves type names as well as IDs
			g, err := c.Groups.Create(ctx, groups.CreateRequest{GroupType: args[0], VolumeTypes: strings.Split(args[1], ","),
				Name: name, Description: description, AvailabilityZone: az})
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			if g, err = c.Groups.Get(rctx, g.ID); err != nil {
				return err
			}
			return a.printGroup(rb, g)
		},
	}
}

func (a *app) groupCreateFromSourceCommand() command {
	var snapshot, source, name, description string
	return command{
		name: "group-create-from-src",
		help: "Creates a group from a group snapshot or a source group.",
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &snapshot, "group-snapshot", "<group-snapshot>", "", "Name or ID of a group snapshot. Default=None.")
			strFlag(fs, &source, "source-group", "<source-group>", "", "Name or ID of a source group. Default=None.")
			strFlag(fs, &name, "name", "<name>", "", "Name of a group. Default=None.")
			strFlag(fs, &description, "description", "<description>", "", "Description of a group. Default=None.")
		},
		run: func(ctx context.Context, _ []string) error {
			switch {
			case snapshot == "" && source == "":
				return errors.New("Cannot create group because neither group snapshot nor source group is provided.")
			case snapshot != "" && source != "":
				return errors.New("Cannot create group because both group snapshot and source group are provided.")
			}
			req := groups.CreateFromSourceRequest{Name: name, Description: description}
			if snapshot != "" {
				s, err := a.findGroupSnapshot(ctx, snapshot)
				if err != nil {
					return err
				}
				req.GroupSnapshotID = s.ID
			} else {
				g, err := a.findGroup(ctx, source)
				if err != nil {
					return err
				}
				req.SourceGroupID = g.ID
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			g, err := c.Groups.CreateFromSource(rctx, req)
			if err != nil {
				return err
			}
			return a.printGroup(rb, g)
		},
	}
}

func (a *app) groupDeleteCommand() command {
	var deleteVolumes bool
	return command{
		name: "group-delete",
		help: "Removes one or more groups.",
		args: []posArg{{name: "<group>", many: true, help: "Name or ID of one or more groups to be deleted."}},
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&deleteVolumes, "delete-volumes", false, "Allows or disallows groups to be deleted if they are not empty. If the group is empty, it can be deleted without the delete-volumes flag. If the group is not empty, the delete-volumes flag is required for it to be deleted. If True, all volumes in the group will also be deleted.")
		},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
				g, err := a.findGroup(ctx, ref)
				if err != nil {
					return err
				}
				return c.Groups.Delete(ctx, g.ID, &groups.DeleteOptions{DeleteVolumes: deleteVolumes})
			})
			return a.bulkReport(refs, errs, func(ref string) string { return "Delete for group " + ref + " failed" },
				"Unable to delete any of the specified groups.", "delete", "groups")
		},
	}
}

func (a *app) groupListCommand() command {
	var allTenants int
	var filters []string
	return command{
		name: "group-list",
		help: "Lists all groups.",
		flags: func(fs *pflag.FlagSet) {
			allTenantsFlag(fs, &allTenants, "<0|1>")
			kvFlag(fs, &filters, "filters", "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server. Use 'key~=value' for inexact filtering if the key supports. Default=None.")
		},
		run: func(ctx context.Context, _ []string) error {
			opts := &groups.ListOptions{AllTenants: a.envAllTenants(allTenants) != 0}
			var err error
			if opts.Filters, err = keyValues(filters); err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			n := 0
			for _, err := range c.Groups.List(rctx, opts) {
				if err != nil {
					return err
				}
				n++
			}
			raws := rb.objects("groups")
			cols, rows := listRows(raws[:min(n, len(raws))], []string{"ID", "Status", "Name"}, false)
			return a.printList(cols, rows, 0)
		},
	}
}

func (a *app) groupShowCommand() command {
	var listVolume string
	return command{
		name: "group-show",
		help: "Shows details of a group.",
		args: []posArg{{name: "<group>", help: "Name or ID of a group."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &listVolume, "list-volume", "<False|True>", "False", "Shows volumes included in the group.")
			optValue(fs, "list-volume", "True", "True", "False", "true", "false")
		},
		run: func(ctx context.Context, args []string) error {
			withVolumes, err := parseBool("--list-volume", listVolume)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			g, err := a.findGroup(rctx, args[0])
			if err != nil {
				return err
			}
			// a group found by name is the list's summary: get it whole
			if withVolumes || rb.find("group", "group", g.ID) == nil {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				get := c.Groups.Get
				if withVolumes {
					get = c.Groups.GetWithVolumes
				}
				rctx, rb = withRaw(ctx)
				if g, err = get(rctx, g.ID); err != nil {
					return err
				}
			}
			return a.printGroup(rb, g)
		},
	}
}

func (a *app) groupUpdateCommand() command {
	var name, description, add, remove string
	var flags *pflag.FlagSet
	return command{
		name: "group-update",
		help: "Updates a group.",
		args: []posArg{{name: "<group>", help: "Name or ID of a group."}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &name, "name", "<name>", "", "New name for group. Default=None.")
			strFlag(fs, &description, "description", "<description>", "", "New description for group. Default=None.")
			strFlag(fs, &add, "add-volumes", "<uuid1,uuid2,......>", "", "UUID of one or more volumes to be added to the group, separated by commas. Default=None.")
			strFlag(fs, &remove, "remove-volumes", "<uuid3,uuid4,......>", "", "UUID of one or more volumes to be removed from the group, separated by commas. Default=None.")
		},
		run: func(ctx context.Context, args []string) error {
			var req groups.UpdateRequest
			if flags.Changed("name") {
				req.Name = &name
			}
			if flags.Changed("description") {
				req.Description = &description
			}
			req.AddVolumes, req.RemoveVolumes = uuidList(add), uuidList(remove)
			if req.Name == nil && req.Description == nil && req.AddVolumes == nil && req.RemoveVolumes == nil {
				return errors.New("At least one of the following args must be supplied: name, description, add-volumes, remove-volumes.")
			}
			g, err := a.findGroup(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			if err := c.Groups.Update(ctx, g.ID, req); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Request to update group '%s' has been accepted.\n", args[0])
			return nil
		},
	}
}

// uuidList splits a comma-separated list, dropping empty words.
func uuidList(s string) []string {
	var out []string
	for w := range strings.SplitSeq(s, ",") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// groupReplicationCommands: the group-*-replication commands (3.38).
func (a *app) groupReplicationCommands() []command {
	groupArg := []posArg{{name: "<group>", help: "Name or ID of the group."}}
	simple := func(name, help string, fn func(ctx context.Context, m *groups.Manager, id string) error) command {
		return command{name: name, help: help, args: groupArg,
			run: func(ctx context.Context, args []string) error {
				g, err := a.findGroup(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return fn(ctx, c.Groups, g.ID)
			}}
	}
	var allowAttached bool
	var secondary string
	failover := simple("group-failover-replication", "Fails over replication for group.",
		func(ctx context.Context, m *groups.Manager, id string) error {
			return m.FailoverReplication(ctx, id, groups.FailoverRequest{AllowAttachedVolume: allowAttached, SecondaryBackendID: secondary})
		})
	failover.flags = func(fs *pflag.FlagSet) {
		fs.BoolVar(&allowAttached, "allow-attached-volume", false, "Allows or disallows group with attached volumes to be failed over.")
		strFlag(fs, &secondary, "secondary-backend-id", "<secondary_backend_id>", "", "Secondary backend id. Default=None.")
	}
	return []command{
		simple("group-disable-replication", "Disables replication for group.",
			func(ctx context.Context, m *groups.Manager, id string) error { return m.DisableReplication(ctx, id) }),
		simple("group-enable-replication", "Enables replication for group.",
			func(ctx context.Context, m *groups.Manager, id string) error { return m.EnableReplication(ctx, id) }),
		failover,
		simple("group-list-replication-targets",
			"Lists replication targets for group. Example value for replication_targets: .. code-block: json { 'replication_targets': [{'backend_id': 'vendor-id-1', 'unique_key': 'val1', ......}, {'backend_id': 'vendor-id-2', 'unique_key': 'val2', ......}] }",
			a.printReplicationTargets),
	}
}

// printReplicationTargets prints a group's replication targets as a table
// whose columns are the keys of the first target; nothing when there is none.
func (a *app) printReplicationTargets(ctx context.Context, m *groups.Manager, id string) error {
	rctx, rb := withRaw(ctx)
	targets, err := m.ReplicationTargets(rctx, id)
	if err != nil || len(targets) == 0 {
		return err
	}
	raws := rb.objects("replication_targets")
	if len(raws) != len(targets) {
		raws = raws[:0]
		for _, t := range targets {
			o := pyfmt.NewObject()
			for _, k := range slices.Sorted(maps.Keys(t)) {
				o.Set(k, t[k])
			}
			raws = append(raws, o)
		}
	}
	// the column titles are the keys themselves, as in cinderclient
	cols := raws[0].Keys()
	rows := make([][]any, len(raws))
	for i, o := range raws {
		for _, k := range cols {
			v, ok := o.Get(k)
			if !ok {
				v = ""
			}
			rows[i] = append(rows[i], v)
		}
	}
	return a.printList(cols, rows, 0)
}

// resetGroups is reset-state --type group|group-snapshot.
func (a *app) resetGroups(ctx context.Context, typ string, refs []string, state string) error {
	if err := a.needVersion(ctx, "reset-state --type "+typ); err != nil {
		return err
	}
	c, err := a.cinder(ctx) // before the goroutines: the client is made once
	if err != nil {
		return err
	}
	errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
		if typ == "group" {
			g, err := a.findGroup(ctx, ref)
			if err != nil {
				return err
			}
			return c.Groups.ResetStatus(ctx, g.ID, groups.Status(state))
		}
		s, err := a.findGroupSnapshot(ctx, ref)
		if err != nil {
			return err
		}
		return c.GroupSnapshots.ResetStatus(ctx, s.ID, groupsnapshots.Status(state))
	})
	return a.bulkReport(refs, errs, func(ref string) string { return "Reset state for entity " + ref + " failed" },
		"Unable to reset the state for the specified entity(s).", "reset the state of", "entities")
}
