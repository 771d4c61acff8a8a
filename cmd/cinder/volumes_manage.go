package main

import (
	"context"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/volumes"
)

// volumeManageCommands: manage and manageable-list.
func (a *app) volumeManageCommands() []command {
	return []command{a.manageCommand(), a.manageableListCommand()}
}

func (a *app) manageCommand() command {
	var cluster, idType, name, description, volumeType, az string
	var metadata []string
	var bootable bool
	return command{
		name: "manage",
		help: "Manage an existing volume.",
		args: []posArg{
			{name: "<host>", help: "Cinder host on which the existing volume resides; takes the form: host@backend-name#pool"},
			{name: "<identifier>", help: "Name or other Identifier for existing volume"},
		},
		flags: func(fs *pflag.FlagSet) {
			s := func(dst *string, flag, meta, def, help string) {
				fs.StringVar(dst, flag, def, help)
				setMeta(fs, flag, meta)
			}
			s(&cluster, "cluster", "CLUSTER", "", "Cinder cluster on which the existing volume resides; takes the form: cluster@backend-name#pool")
			s(&idType, "id-type", "<id-type>", "source-name", "Type of backend device identifier provided, typically source-name or source-id (Default=source-name)")
			s(&name, "name", "<name>", "", "Volume name (Default=None)")
			s(&description, "description", "<description>", "", "Volume description (Default=None)")
			s(&volumeType, "volume-type", "<volume-type>", "", "Volume type (Default=None)")
			s(&az, "availability-zone", "<availability-zone>", "", "Availability zone for volume (Default=None)")
			fs.StringArrayVar(&metadata, "metadata", nil, "Metadata key=value pairs (Default=None)")
			setMeta(fs, "metadata", "[<key=value> ...]")
			multiValue(fs, "metadata")
			fs.BoolVar(&bootable, "bootable", false, "Specifies that the newly created volume should be marked as bootable")
		},
		run: func(ctx context.Context, args []string) error {
			req := volumes.ManageRequest{Cluster: cluster, Name: name, Description: description,
				VolumeType: volumeType, AvailabilityZone: az, Bootable: bootable}
			switch {
			case len(args) == 2 && cluster == "":
				req.Host = args[0]
			case len(args) == 1 && cluster != "":
			default:
				return usagef("one of the arguments <host> --cluster is required (and only one)")
			}
			req.Ref = map[string]string{idType: args[len(args)-1]}
			var err error
			if req.Metadata, err = keyValues(metadata); err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			v, err := c.Volumes.Manage(ctx, req)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			info, err := a.rawVolume(rctx, rb, v)
			if err != nil {
				return err
			}
			return a.printDict(createInfo(info), "Property")
		},
	}
}

func (a *app) manageableListCommand() command {
	var detailed, marker, sort, cluster string
	var limit, offset int
	var flags *pflag.FlagSet
	return command{
		name: "manageable-list",
		help: "Lists all manageable volumes.",
		args: []posArg{{name: "<host>", optional: true,
			help: "Cinder host on which to list manageable volumes; takes the form: host@backend-name#pool"}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			fs.StringVar(&detailed, "detailed", "true", "Returned detailed information (default true).")
			setMeta(fs, "detailed", "<detailed>")
			fs.StringVar(&marker, "marker", "", "Begin returning volumes that appear later in the volume list than that represented by this reference. This reference should be json like. Default=None.")
			setMeta(fs, "marker", "<marker>")
			fs.IntVar(&limit, "limit", 0, "Maximum number of volumes to return. Default=None.")
			setMeta(fs, "limit", "<limit>")
			fs.IntVar(&offset, "offset", 0, "Number of volumes to skip after marker. Default=None.")
			setMeta(fs, "offset", "<offset>")
			fs.StringVar(&sort, "sort", "", "Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None.")
			setMeta(fs, "sort", "<key>[:<direction>]")
			fs.StringVar(&cluster, "cluster", "", "Cinder cluster on which to list manageable volumes; takes the form: cluster@backend-name#pool")
			setMeta(fs, "cluster", "CLUSTER")
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
			opts := &volumes.ManageableListOptions{Host: host, Cluster: cluster, Marker: marker, Limit: limit, Offset: offset, Sort: sort}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			raws, err := listRaw(ctx, c.Volumes.ListManageable, opts, limit, zeroLimit(flags, limit), "manageable-volumes")
			if err != nil {
				return err
			}
			cols := []string{"reference", "size", "safe_to_manage"}
			if det {
				cols = append(cols, "reason_not_safe", "cinder_id", "extra_info")
			}
			rows := make([][]any, len(raws))
			for i, o := range raws {
				for _, col := range cols {
					rows[i] = append(rows[i], o.Value(col))
				}
			}
			return a.printList(cols, rows, -1)
		},
	}
}
