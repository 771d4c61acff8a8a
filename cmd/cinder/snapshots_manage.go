package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/snapshots"
)

// snapshotMoreCommands: snapshot metadata, manage and manageable-list.
func (a *app) snapshotMoreCommands() []command {
	return []command{
		{
			name: "snapshot-metadata",
			help: "Sets or deletes snapshot metadata.",
			args: []posArg{
				{name: "<snapshot>", help: "ID of snapshot for which to update metadata."},
				{name: "<action>", help: `The action. Valid values are "set" or "unset."`},
				{name: "<key=value>", many: true, help: "Metadata key and value pair to set or unset. For unset, specify only the key."},
			},
			run: a.snapshotMetadata,
		},
		{
			name: "snapshot-metadata-show",
			help: "Shows snapshot metadata.",
			args: []posArg{{name: "<snapshot>", help: "ID of snapshot."}},
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
				return a.printMetadataOf(o)
			},
		},
		{
			name: "snapshot-metadata-update-all",
			help: "Updates snapshot metadata.",
			args: []posArg{
				{name: "<snapshot>", help: "ID of snapshot for which to update metadata."},
				{name: "<key=value>", many: true, help: "Metadata key and value pair to update."},
			},
			run: func(ctx context.Context, args []string) error {
				md, err := keyValues(args[1:])
				if err != nil {
					return err
				}
				s, err := a.findSnapshot(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				got, err := c.Snapshots.ReplaceMetadata(rctx, s.ID, md)
				if err != nil {
					return err
				}
				// cinderclient prints the whole answer: {"metadata": {…}}
				o := lastObject(rb)
				if o == nil {
					o = pyfmt.NewObject()
					o.Set("metadata", rawMetadata(rb, got))
				}
				return a.printDict(o, "Property")
			},
		},
		a.snapshotManageCommand(), a.snapshotManageableListCommand(),
	}
}

// snapshotMetadata runs "snapshot-metadata <snapshot> set|unset <key=value>…".
func (a *app) snapshotMetadata(ctx context.Context, args []string) error {
	action, _, md, err := setUnsetArgs(args[1], args[2:])
	if err != nil {
		return err
	}
	s, err := a.findSnapshot(ctx, args[0])
	if err != nil {
		return err
	}
	c, err := a.cinder(ctx)
	if err != nil {
		return err
	}
	if action == "unset" {
		for _, kv := range dedupe(args[2:]) {
			k, _, _ := strings.Cut(kv, "=")
			if err := c.Snapshots.DeleteMetadataItem(ctx, s.ID, k); err != nil {
				return err
			}
		}
		return nil
	}
	rctx, rb := withRaw(ctx)
	got, err := c.Snapshots.SetMetadata(rctx, s.ID, md)
	if err != nil {
		return err
	}
	return a.printDict(rawMetadata(rb, got), "Property")
}

func (a *app) snapshotManageCommand() command {
	var idType, name, description string
	var metadata []string
	return command{
		name: "snapshot-manage",
		help: "Manage an existing snapshot.",
		args: []posArg{
			{name: "<volume>", help: "Cinder volume that already exists in the volume backend."},
			{name: "<identifier>", help: "Name or other identifier for existing snapshot. This is backend specific."},
		},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &idType, "id-type", "<id-type>", "source-name", "Type of backend device identifier provided, typically source-name or source-id (Default=source-name).")
			strFlag(fs, &name, "name", "<name>", "", "Snapshot name (Default=None).")
			strFlag(fs, &description, "description", "<description>", "", "Snapshot description (Default=None).")
			kvFlag(fs, &metadata, "metadata", "Metadata key=value pairs (Default=None).")
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
			s, err := c.Snapshots.Manage(ctx, snapshots.ManageRequest{VolumeID: v.ID,
				Ref: map[string]string{idType: args[1]}, Name: name, Description: description, Metadata: md})
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			got, err := c.Snapshots.Get(rctx, s.ID)
			if err != nil {
				return err
			}
			return a.printRaw(rb, "snapshot", "snapshots", got.ID, got)
		},
	}
}

func (a *app) snapshotManageableListCommand() command {
	var detailed, marker, sort, cluster string
	var limit, offset int
	var flags *pflag.FlagSet
	return command{
		name: "snapshot-manageable-list",
		help: "Lists all manageable snapshots.",
		args: []posArg{{name: "<host>", optional: true,
			help: "Cinder host on which to list manageable snapshots; takes the form: host@backend-name#pool"}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &detailed, "detailed", "<detailed>", "true", "Returned detailed information (default true).")
			strFlag(fs, &marker, "marker", "<marker>", "", "Begin returning volumes that appear later in the volume list than that represented by this reference. This reference should be json like. Default=None.")
			fs.IntVar(&limit, "limit", 0, "Maximum number of volumes to return. Default=None.")
			setMeta(fs, "limit", "<limit>")
			fs.IntVar(&offset, "offset", 0, "Number of volumes to skip after marker. Default=None.")
			setMeta(fs, "offset", "<offset>")
			strFlag(fs, &sort, "sort", "<key>[:<direction>]", "", "Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None.")
			strFlag(fs, &cluster, "cluster", "CLUSTER", "", "Cinder cluster on which to list manageable snapshots; takes the form: cluster@backend-name#pool")
		},
		run: func(ctx context.Context, args []string) error {
			det, err := strictBool(detailed)
			if err != nil {
				return err
			}
			host, err := manageableHost(args, cluster)
			if err != nil {
				return err
			}
			opts := &snapshots.ManageableListOptions{Host: host, Cluster: cluster, Marker: marker, Limit: limit, Offset: offset, Sort: sort}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			raws, err := listRaw(ctx, c.Snapshots.ListManageable, opts, limit, zeroLimit(flags, limit), "manageable-snapshots")
			if err != nil {
				return err
			}
			cols := []string{"reference", "size", "safe_to_manage", "source_reference"}
			if det {
				cols = append(cols, "reason_not_safe", "cinder_id", "extra_info")
			}
			cols, rows := listRows(raws, cols, false)
			return a.printList(cols, rows, -1)
		},
	}
}
