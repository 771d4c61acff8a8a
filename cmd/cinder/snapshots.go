package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/snapshots"
)

const filterDeprecated = "This option is deprecated and will be removed in newer release. Please use '--filters' option which is introduced since 3.33 instead."

// snapshotCommands: the snapshot-* commands and revert-to-snapshot.
func (a *app) snapshotCommands() []command {
	return []command{
		a.snapshotCreateCommand(), a.snapshotDeleteCommand(), a.snapshotListCommand(),
		{
			name: "snapshot-show",
			help: "Shows snapshot details.",
			args: []posArg{{name: "<snapshot>", help: "Name or ID of snapshot."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				s, err := a.findSnapshot(rctx, args[0])
				if err != nil {
					return err
				}
				o, err := rawObject(rb, "snapshot", "snapshots", s.ID, s)
				if err != nil {
					return err
				}
				return a.printDict(o, "Property")
			},
		},
		a.snapshotRenameCommand(), a.snapshotResetStateCommand(),
		{
			name: "snapshot-unmanage",
			help: "Stop managing a snapshot.",
			args: []posArg{{name: "<snapshot>", help: "Name or ID of the snapshot to unmanage."}},
			run: func(ctx context.Context, args []string) error {
				s, err := a.findSnapshot(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.Snapshots.Unmanage(ctx, s.ID)
			},
		},
		{
			name: "revert-to-snapshot",
			help: "Revert a volume to the specified snapshot.",
			args: []posArg{{name: "<snapshot>",
				help: "Name or ID of the snapshot to restore. The snapshot must be the most recent one known to cinder."}},
			run: func(ctx context.Context, args []string) error {
				s, err := a.findSnapshot(ctx, args[0])
				if err != nil {
					return err
				}
				v, err := a.findVolume(ctx, s.VolumeID)
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.Volumes.RevertToSnapshot(ctx, v.ID, s.ID)
			},
		},
	}
}

func (a *app) snapshotCreateCommand() command {
	var name, description, force string
	var metadata []string
	var wait bool
	var flags *pflag.FlagSet
	return command{
		name:  "snapshot-create",
		help:  "Creates a snapshot.",
		short: "Creates a snapshot.",
		args:  []posArg{{name: "<volume>", help: "Name or ID of volume to snapshot."}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			fs.StringVar(&force, "force", "False", `Allows or disallows snapshot of a volume when the volume is attached to an instance. If set to True, ignores the current status of the volume when attempting to snapshot it rather than forcing it to be available. From microversion 3.66, all snapshots are "forced" and this option is invalid. Default=False.`)
			setMeta(fs, "force", "<True|False>")
			optValue(fs, "force", "True", "True", "False", "true", "false")
			strFlag(fs, &name, "name", "<name>", "", "Snapshot name. Default=None.")
			strFlag(fs, &description, "description", "<description>", "", "Snapshot description. Default=None.")
			kvFlag(fs, &metadata, "metadata", "Snapshot metadata key and value pairs. Default=None.")
			fs.BoolVar(&wait, "wait", false, "Return when the snapshot is available.")
		},
		run: func(ctx context.Context, args []string) error {
			md, err := keyValues(metadata)
			if err != nil {
				return err
			}
			req := snapshots.CreateRequest{Name: name, Description: description, Metadata: md}
			if flags.Changed("force") {
				f, err := parseBool("--force", force)
				if err != nil {
					return err
				}
				// from 3.66 on every snapshot is forced: True is silently
				// accepted, False is invalid (as in cinderclient)
				if !f {
					if err := a.needVersion(ctx, "snapshot-create --force False"); err != nil {
						return err
					}
				}
				have, err := a.microversion(ctx)
				if err != nil {
					return err
				}
				if versions["snapshot-create --force"].allows(have) {
					req.Force = &f
				}
			}
			v, err := a.findVolume(ctx, args[0])
			if err != nil {
				return err
			}
			req.VolumeID = v.ID
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			s, err := c.Snapshots.Create(rctx, req)
			if err != nil {
				return err
			}
			if wait {
				if _, err := a.waitSnapshot(ctx, s.ID, snapshots.StatusAvailable); err != nil {
					return &createdError{"Snapshot", s.ID, err}
				}
				rctx, rb = withRaw(ctx)
				if s, err = c.Snapshots.Get(rctx, s.ID); err != nil {
					return &createdError{"Snapshot", s.ID, err}
				}
			}
			o, err := rawObject(rb, "snapshot", "snapshots", s.ID, s)
			if err != nil {
				return err
			}
			return a.printDict(o, "Property")
		},
	}
}

func (a *app) snapshotDeleteCommand() command {
	var force, wait bool
	return command{
		name: "snapshot-delete",
		help: "Removes one or more snapshots.",
		args: []posArg{{name: "<snapshot>", many: true, help: "Name or ID of the snapshot(s) to delete."}},
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&force, "force", false, `Allows deleting snapshot of a volume when its status is other than "available" or "error". Default=False.`)
			fs.BoolVar(&wait, "wait", false, "Return only when the snapshots are gone.")
		},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
				s, err := a.findSnapshot(ctx, ref)
				if err != nil {
					return err
				}
				if force {
					err = c.Snapshots.ForceDelete(ctx, s.ID)
				} else {
					err = c.Snapshots.Delete(ctx, s.ID)
				}
				if err != nil || !wait {
					return err
				}
				return a.waitSnapshotDeleted(ctx, s.ID)
			})
			return a.bulkReport(refs, errs, func(ref string) string { return "Delete for snapshot " + ref + " failed" },
				"Unable to delete any of the specified snapshots.", "delete", "snapshots")
		},
	}
}

func (a *app) snapshotListCommand() command {
	var (
		name, status, volumeID, marker, sort, tenant, withCount string
		allTenants, limit                                       int
		metadata, filters                                       []string
		flags                                                   *pflag.FlagSet
	)
	return command{
		name: "snapshot-list",
		help: "Lists all snapshots.",
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			allTenantsFlag(fs, &allTenants, "<0|1>")
			strFlag(fs, &name, "name", "<name>", "", "Filters results by a name. Default=None. "+filterDeprecated)
			strFlag(fs, &status, "status", "<status>", "", "Filters results by a status. Default=None. "+filterDeprecated)
			strFlag(fs, &volumeID, "volume-id", "<volume-id>", "", "Filters results by a volume ID. Default=None. "+filterDeprecated)
			strFlag(fs, &marker, "marker", "<marker>", "", "Begin returning snapshots that appear later in the snapshot list than that represented by this id. Default=None.")
			fs.IntVar(&limit, "limit", 0, "Maximum number of snapshots to return. Default=None.")
			setMeta(fs, "limit", "<limit>")
			strFlag(fs, &sort, "sort", "<key>[:<direction>]", "", "Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: "+strings.Join(snapshots.SortKeys(), ", ")+". Default=None.")
			strFlag(fs, &tenant, "tenant", "<tenant>", "", "Display information from single tenant (Admin only).")
			optValue(fs, "tenant", " ", "*")
			kvFlag(fs, &metadata, "metadata", "Filters results by a metadata key and value pair. Require volume api version >=3.22. Default=None. "+filterDeprecated)
			kvFlag(fs, &filters, "filters", "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server. Use 'key~=value' for inexact filtering if the key supports. Default=None.")
			withCountFlag(fs, &withCount, "snapshot")
		},
		run: func(ctx context.Context, _ []string) error {
			if limit < 0 {
				return usagef("argument --limit: must not be negative")
			}
			tenant = strings.TrimSpace(tenant)
			if tenant == "" {
				allTenants = a.envAllTenants(allTenants)
			}
			opts := &snapshots.ListOptions{Limit: limit, Marker: marker, Sort: sort,
				AllTenants: allTenants != 0 || tenant != "", ProjectID: tenant,
				Name: name, Status: snapshots.Status(status), VolumeID: volumeID}
			var err error
			if opts.Metadata, err = keyValues(metadata); err != nil {
				return err
			}
			if opts.Filters, err = keyValues(filters); err != nil {
				return err
			}
			count, err := optBool("--with-count", withCount)
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			total := 0
			if count {
				if total, err = c.Snapshots.Count(ctx, opts); err != nil {
					return err
				}
			}
			raws, err := listRaw(ctx, c.Snapshots.List, opts, limit, zeroLimit(flags, limit), "snapshots")
			if err != nil {
				return err
			}
			cols, rows := listRows(raws, []string{"ID", "Volume ID", "Status", "Name", "Size", "Consumes Quota", "User ID"}, true)
			if err := a.printList(cols, rows, sortColumn(sort)); err != nil {
				return err
			}
			if count {
				fmt.Fprintf(a.stdout, "Snapshot in total: %d\n", total)
			}
			return nil
		},
	}
}

func (a *app) snapshotRenameCommand() command {
	var description string
	var flags *pflag.FlagSet
	return command{
		name: "snapshot-rename",
		help: "Renames a snapshot.",
		args: []posArg{
			{name: "<snapshot>", help: "Name or ID of snapshot."},
			{name: "<name>", optional: true, help: "New name for snapshot."},
		},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &description, "description", "<description>", "", "Snapshot description. Default=None.")
		},
		run: func(ctx context.Context, args []string) error {
			var req snapshots.UpdateRequest
			if len(args) > 1 {
				req.Name = &args[1]
			}
			if flags.Changed("description") {
				req.Description = &description
			}
			if req.Name == nil && req.Description == nil {
				return errors.New("Must supply either name or description.")
			}
			s, err := a.findSnapshot(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			if _, err := c.Snapshots.Update(ctx, s.ID, req); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Request to rename snapshot '%s' has been accepted.\n", args[0])
			return nil
		},
	}
}

func (a *app) snapshotResetStateCommand() command {
	var state string
	return command{
		name: "snapshot-reset-state",
		help: "Explicitly updates the snapshot state.",
		args: []posArg{{name: "<snapshot>", many: true, help: "Name or ID of snapshot to modify."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &state, "state", "<state>", "available", `The state to assign to the snapshot. Valid values are "available", "error", "creating", "deleting", and "error_deleting". NOTE: This command simply changes the state of the Snapshot in the DataBase with no regard to actual status, exercise caution when using. Default=available.`)
		},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx) // before the goroutines: the client is made once
			if err != nil {
				return err
			}
			errs := a.resetSnapshots(ctx, c, refs, state)
			return a.resetReport(refs, errs, func(ref string) string { return "Reset state for snapshot " + ref + " failed" },
				"Unable to reset the state for any of the specified snapshots.", "snapshots")
		},
	}
}

// resetSnapshots resets the status of every snapshot in refs.
func (a *app) resetSnapshots(ctx context.Context, c *cinder.Client, refs []string, state string) []error {
	return bulk(ctx, refs, func(ctx context.Context, ref string) error {
		s, err := a.findSnapshot(ctx, ref)
		if err != nil {
			return err
		}
		return c.Snapshots.ResetStatus(ctx, s.ID, snapshots.Status(state))
	})
}

// waitSnapshot waits until the snapshot reaches want, showing progress.
func (a *app) waitSnapshot(ctx context.Context, id string, want snapshots.Status) (*snapshots.Snapshot, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	p := a.newProgress()
	defer p.done()
	return c.Snapshots.WaitForStatus(ctx, id, want,
		&snapshots.WaitOptions{Progress: func(s *snapshots.Snapshot) { p.show("Snapshot", id, string(s.Status)) }})
}

// waitSnapshotDeleted waits until the snapshot is gone, showing progress.
func (a *app) waitSnapshotDeleted(ctx context.Context, id string) error {
	c, err := a.cinder(ctx)
	if err != nil {
		return err
	}
	p := a.newProgress()
	defer p.done()
	return c.Snapshots.WaitForDeleted(ctx, id,
		&snapshots.WaitOptions{Progress: func(s *snapshots.Snapshot) { p.show("Snapshot", id, string(s.Status)) }})
}
