package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strings"

	"github.com/spf13/pflag"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	mv "github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/volumes"
)

// backupCommands: the backup-* commands.
func (a *app) backupCommands() []command {
	return []command{
		a.backupCreateCommand(), a.backupDeleteCommand(), a.backupListCommand(),
		{
			name: "backup-show",
			help: "Shows backup details.",
			args: []posArg{{name: "<backup>", help: "Name or ID of backup."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				b, err := a.findBackup(rctx, args[0])
				if err != nil {
					return err
				}
				return a.printRaw(rb, "backup", "backups", b.ID, b)
			},
		},
		{
			name: "backup-export",
			help: "Export backup metadata record.",
			args: []posArg{{name: "<backup>", help: "ID of the backup to export."}},
			run: func(ctx context.Context, args []string) error {
				b, err := a.findBackup(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				rec, err := c.Backups.ExportRecord(rctx, b.ID)
				if err != nil {
					return err
				}
				var o *pyfmt.Object
				if objs := rb.objects("backup-record"); len(objs) > 0 {
					o = objs[len(objs)-1]
				} else if o, err = orderedObject(rec); err != nil {
					return err
				}
				return a.printDict(o, "Property")
			},
		},
		{
			name: "backup-import",
			help: "Import backup metadata record.",
			args: []posArg{
				{name: "<backup_service>", help: "Backup service to use for importing the backup."},
				{name: "<backup_url>", help: "Backup URL for importing the backup metadata."},
			},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				b, err := c.Backups.ImportRecord(rctx, backups.Record{BackupService: args[0], BackupURL: args[1]})
				if err != nil {
					return err
				}
				return a.printRaw(rb, "backup", "backups", b.ID, b)
			},
		},
		a.backupResetStateCommand(), a.backupRestoreCommand(), a.backupUpdateCommand(),
	}
}

func (a *app) backupCreateCommand() command {
	var container, name, description, snapshotID, az string
	var incremental, force, wait bool
	var metadata []string
	return command{
		name: "backup-create",
		help: "Creates a volume backup.",
		args: []posArg{{name: "<volume>", help: "Name or ID of volume to backup."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &container, "container", "<container>", "", "Backup container name. Default=None.")
			strFlag(fs, &name, "name", "<name>", "", "Backup name. Default=None.")
			strFlag(fs, &description, "description", "<description>", "", "Backup description. Default=None.")
			fs.BoolVar(&incremental, "incremental", false, "Incremental backup. Default=False.")
			fs.BoolVar(&force, "force", false, `Allows or disallows backup of a volume when the volume is attached to an instance. If set to True, backs up the volume whether its status is "available" or "in-use". The backup of an "in-use" volume means your data is crash consistent. Default=False.`)
			strFlag(fs, &snapshotID, "snapshot-id", "<snapshot-id>", "", "ID of snapshot to backup. Default=None.")
			kvFlag(fs, &metadata, "metadata", "Metadata key and value pairs. Default=None.")
			strFlag(fs, &az, "availability-zone", "AVAILABILITY_ZONE", "", "AZ where the backup should be stored, by default it will be the same as the source.")
			fs.BoolVar(&wait, "wait", false, "Return when the backup is available.")
		},
		run: func(ctx context.Context, args []string) error {
			md, err := keyValues(metadata)
			if err != nil {
				return err
			}
			v, err := a.findVolume(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			b, err := c.Backups.Create(rctx, backups.CreateRequest{VolumeID: v.ID, Container: container, Name: name,
				Description: description, Incremental: incremental, Force: force, SnapshotID: snapshotID,
				Metadata: md, AvailabilityZone: az})
			if err != nil {
				return err
			}
			o, err := rawObject(rb, "backup", "backups", b.ID, b)
			if err != nil {
				return err
			}
			info := pyfmt.NewObject()
			info.Set("volume_id", v.ID)
			for _, k := range o.Keys() {
				info.Set(k, o.Value(k))
			}
			if wait {
				if _, err := a.waitBackup(ctx, b.ID); err != nil {
					return err
				}
			}
			return a.printDict(without(info, "links"), "Property")
		},
	}
}

func (a *app) backupDeleteCommand() command {
	var force, wait bool
	return command{
		name: "backup-delete",
		help: "Removes one or more backups.",
		args: []posArg{{name: "<backup>", many: true, help: "Name or ID of backup(s) to delete."}},
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&force, "force", false, `Allows deleting backup of a volume when its status is other than "available" or "error". Default=False.`)
			fs.BoolVar(&wait, "wait", false, "Return only when the backups are gone.")
		},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			waitGone := a.waitBackupDeleted
			if !wait {
				waitGone = nil
			}
			return a.deleteEach(ctx, refs, "backup", "backups", func(ctx context.Context, ref string) (string, error) {
				b, err := a.findBackup(ctx, ref)
				if err != nil {
					return "", err
				}
				if force {
					return b.ID, c.Backups.ForceDelete(ctx, b.ID)
				}
				return b.ID, c.Backups.Delete(ctx, b.ID)
			}, waitGone)
		},
	}
}

func (a *app) backupListCommand() command {
	var (
		name, status, volumeID, marker, sort, withCount string
		allTenants, limit                               int
		filters                                         []string
		flags                                           *pflag.FlagSet
	)
	return command{
		name: "backup-list",
		help: "Lists all backups.",
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			allTenantsFlag(fs, &allTenants, "<all_tenants>")
			strFlag(fs, &name, "name", "<name>", "", "Filters results by a name. Default=None. "+filterDeprecated)
			strFlag(fs, &status, "status", "<status>", "", "Filters results by a status. Default=None. "+filterDeprecated)
			strFlag(fs, &volumeID, "volume-id", "<volume-id>", "", "Filters results by a volume ID. Default=None. "+filterDeprecated)
			strFlag(fs, &marker, "marker", "<marker>", "", "Begin returning backups that appear later in the backup list than that represented by this id. Default=None.")
			fs.IntVar(&limit, "limit", 0, "Maximum number of backups to return. Default=None.")
			setMeta(fs, "limit", "<limit>")
			strFlag(fs, &sort, "sort", "<key>[:<direction>]", "", "Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: "+strings.Join(backups.SortKeys(), ", ")+". Default=None.")
			kvFlag(fs, &filters, "filters", "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server. Use 'key~=value' for inexact filtering if the key supports. Default=None.")
			withCountFlag(fs, &withCount, "backup")
		},
		run: func(ctx context.Context, _ []string) error {
			if limit < 0 {
				return usagef("argument --limit: must not be negative")
			}
			opts := &backups.ListOptions{Limit: limit, Marker: marker, Sort: sort, AllTenants: a.envAllTenants(allTenants) != 0,
				Name: name, Status: backups.Status(status), VolumeID: volumeID}
			var err error
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
				if total, err = c.Backups.Count(ctx, opts); err != nil {
					return err
				}
			}
			raws, err := listRaw(ctx, c.Backups.List, opts, limit, zeroLimit(flags, limit), "backups")
			if err != nil {
				return err
			}
			cols := []string{"ID", "Volume ID", "Status", "Name", "Size", "Object Count", "Container"}
			if c.Microversion().AtLeast(mv.V(3, 56)) {
				cols = append(cols, "User ID")
			}
			cols, rows := listRows(raws, cols, false)
			if err := a.printList(cols, rows, sortColumn(sort)); err != nil {
				return err
			}
			if count {
				fmt.Fprintf(a.stdout, "Backup in total: %d\n", total)
			}
			return nil
		},
	}
}

func (a *app) backupResetStateCommand() command {
	var state string
	return command{
		name: "backup-reset-state",
		help: "Explicitly updates the backup state.",
		args: []posArg{{name: "<backup>", many: true, help: "Name or ID of the backup to modify."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &state, "state", "<state>", "available", `The state to assign to the backup. Valid values are "available", "error". Default=available.`)
		},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx) // before the goroutines: the client is made once
			if err != nil {
				return err
			}
			errs := a.resetBackups(ctx, c, refs, state)
			for i, ref := range refs {
				if errs[i] == nil {
					fmt.Fprintf(a.stdout, "Request to update backup '%s' has been accepted.\n", ref)
				}
			}
			return a.resetReport(refs, errs, func(ref string) string { return "Reset state for backup " + ref + " failed" },
				"Unable to reset the state for any of the specified backups.", "backups")
		},
	}
}

// resetBackups resets the status of every backup in refs.
func (a *app) resetBackups(ctx context.Context, c *cinder.Client, refs []string, state string) []error {
	return bulk(ctx, refs, func(ctx context.Context, ref string) error {
		b, err := a.findBackup(ctx, ref)
		if err != nil {
			return err
		}
		return c.Backups.ResetStatus(ctx, b.ID, backups.Status(state))
	})
}

func (a *app) backupRestoreCommand() command {
	var volume, name, volumeType, az string
	var wait bool
	return command{
		name: "backup-restore",
		help: "Restores a backup.",
		args: []posArg{{name: "<backup>", help: "Name or ID of backup to restore."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &volume, "volume", "<volume>", "", "Name or ID of existing volume to which to restore. This is mutually exclusive with --name and takes priority. Default=None.")
			strFlag(fs, &name, "name", "<name>", "", "Use the name for new volume creation to restore. This is mutually exclusive with --volume and --volume takes priority. Default=None.")
			strFlag(fs, &volumeType, "volume-type", "<volume-type>", "", `Volume type for the new volume creation to restore. This option is not valid when used with the "volume" option. Default=None.`)
			strFlag(fs, &az, "availability-zone", "<AZ>", "", `AZ for the new volume creation to restore. By default it will be the same as backup AZ. This option is not valid when used with the "volume" option. Default=None.`)
			fs.BoolVar(&wait, "wait", false, "Return when the restore is done (the backup and the volume are available).")
		},
		run: func(ctx context.Context, args []string) error {
			var req backups.RestoreRequest
			if volume != "" {
				if volumeType != "" || az != "" {
					return errors.New(`The "volume-type" and "availability-zone" options are not valid when used with the "volume" option.`)
				}
				v, err := a.findVolume(ctx, volume)
				if err != nil {
					return err
				}
				req.VolumeID = v.ID
				if name != "" {
					name = ""
					fmt.Fprintln(a.stdout, `Mutually exclusive options are specified simultaneously: "volume" and "name". The volume option takes priority.`)
				}
			}
			b, err := a.findBackup(ctx, args[0])
			if err != nil {
				return err
			}
			req.Name = name
			if volumeType != "" || (az != "" && az != b.AvailabilityZone) {
				// a new volume of a type or in another AZ: POST /volumes,
				// named the way Cinder names restored volumes
				req.VolumeType, req.AvailabilityZone = volumeType, az
				if req.Name == "" {
					req.Name = "restore_backup_" + b.ID
				}
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			res, err := c.Backups.Restore(ctx, b.ID, req)
			if err != nil {
				return err
			}
			if wait {
				if _, err := a.waitBackup(ctx, b.ID); err != nil {
					return err
				}
				if _, err := a.waitStatus(ctx, res.VolumeID, volumes.StatusAvailable); err != nil {
					return err
				}
			}
			info := pyfmt.NewObject()
			info.Set("backup_id", b.ID)
			info.Set("volume_id", res.VolumeID)
			info.Set("volume_name", res.VolumeName)
			return a.printDict(info, "Property")
		},
	}
}

func (a *app) backupUpdateCommand() command {
	var name, description string
	var metadata []string
	var flags *pflag.FlagSet
	return command{
		name: "backup-update",
		help: "Updates a backup.",
		args: []posArg{{name: "<backup>", help: "Name or ID of backup to rename."}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &name, "name", "<name>", "", "New name for backup.")
			optValue(fs, "name", " ", "*")
			strFlag(fs, &description, "description", "<description>", "", "Backup description. Default=None.")
			kvFlag(fs, &metadata, "metadata", "Metadata key and value pairs. Default=None.")
		},
		run: func(ctx context.Context, args []string) error {
			var req backups.UpdateRequest
			if flags.Changed("name") && name != " " {
				req.Name = &name
			}
			if flags.Changed("description") {
				req.Description = &description
			}
			if flags.Changed("metadata") {
				md, err := keyValues(metadata)
				if err != nil {
					return err
				}
				if md == nil {
					md = map[string]string{}
				}
				req.Metadata = md
			}
			if req.Name == nil && req.Description == nil && req.Metadata == nil {
				return errors.New("Must supply at least one: name, description or metadata.")
			}
			b, err := a.findBackup(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			if _, err := c.Backups.Update(ctx, b.ID, req); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Request to update backup '%s' has been accepted.\n", args[0])
			return nil
		},
	}
}

// waitBackup waits until the backup is available, showing progress.
func (a *app) waitBackup(ctx context.Context, id string) (*backups.Backup, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	p := a.newProgress()
	defer p.done()
	return c.Backups.WaitForStatus(ctx, id, backups.StatusAvailable,
		&backups.WaitOptions{Progress: func(b *backups.Backup) { p.show("Backup", id, string(b.Status)) }})
}

// waitBackupDeleted waits until the backup is gone, showing progress.
func (a *app) waitBackupDeleted(ctx context.Context, id string) error {
	c, err := a.cinder(ctx)
	if err != nil {
		return err
	}
	p := a.newProgress()
	defer p.done()
	return c.Backups.WaitForDeleted(ctx, id,
		&backups.WaitOptions{Progress: func(b *backups.Backup) { p.show("Backup", id, string(b.Status)) }})
}
