package main

import (
	"context"
	"errors"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strconv"

	"github.com/spf13/pflag"

	mv "github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/volumes"
)

// volumeActionCommands: the os-* volume actions.
func (a *app) volumeActionCommands() []command {
	return []command{
		a.extendCommand(), a.retypeCommand(), a.migrateCommand(), a.resetStateCommand(),
		a.boolActionCommand("set-bootable", "Update bootable status of a volume.", "ID of the volume to update.",
			"Flag to indicate whether volume is bootable.",
			func(ctx context.Context, m *volumes.Manager, id string, b bool) error {
				return m.SetBootable(ctx, id, b)
			}),
		a.boolActionCommand("readonly-mode-update", "Updates volume read-only access-mode flag.", "ID of volume to update.",
			"Enables or disables update of volume to read-only access mode.",
			func(ctx context.Context, m *volumes.Manager, id string, b bool) error {
				return m.SetReadOnly(ctx, id, b)
			}),
		a.uploadToImageCommand(), a.reimageCommand(),
		a.simpleVolumeCommand("unmanage", "Stop managing a volume.", "Name or ID of the volume to unmanage.",
			func(ctx context.Context, m *volumes.Manager, id string) error { return m.Unmanage(ctx, id) }),
	}
}

// volumeManager resolves ref and returns the volume and the manager.
func (a *app) volumeManager(ctx context.Context, ref string) (*volumes.Volume, *volumes.Manager, error) {
	v, err := a.findVolume(ctx, ref)
	if err != nil {
		return nil, nil, err
	}
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, nil, err
	}
	return v, c.Volumes, nil
}

func (a *app) simpleVolumeCommand(name, help, argHelp string, fn func(context.Context, *volumes.Manager, string) error) command {
	return command{
		name: name,
		help: help,
		args: []posArg{{name: "<volume>", help: argHelp}},
		run: func(ctx context.Context, args []string) error {
			v, m, err := a.volumeManager(ctx, args[0])
			if err != nil {
				return err
			}
			return fn(ctx, m, v.ID)
		},
	}
}

func (a *app) boolActionCommand(name, help, volHelp, flagHelp string, fn func(context.Context, *volumes.Manager, string, bool) error) command {
	return command{
		name: name,
		help: help,
		args: []posArg{{name: "<volume>", help: volHelp}, {name: "<True|true|False|false>", help: flagHelp}},
		run: func(ctx context.Context, args []string) error {
			b, err := strictBool(args[1])
			if err != nil {
				return err
			}
			v, m, err := a.volumeManager(ctx, args[0])
			if err != nil {
				return err
			}
			return fn(ctx, m, v.ID, b)
		},
	}
}

// strictBool is oslo's bool_from_string(strict=True).
func strictBool(s string) (bool, error) {
	switch s {
	case "1", "t", "true", "on", "y", "yes", "True", "TRUE", "T", "On", "ON", "Y", "Yes", "YES":
		return true, nil
	case "0", "f", "false", "off", "n", "no", "False", "FALSE", "F", "Off", "OFF", "N", "No", "NO":
		return false, nil
	}
	return false, usagef("Unrecognized value '%s', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'", s)
}

func (a *app) extendCommand() command {
	var wait bool
	return command{
		name: "extend",
		help: "Attempts to extend size of an existing volume.",
		args: []posArg{{name: "<volume>", help: "Name or ID of volume to extend."}, {name: "<new_size>", help: "New size of volume, in GiBs."}},
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&wait, "wait", false, "Return when the volume has its new size.")
		},
		run: func(ctx context.Context, args []string) error {
			size, err := strconv.Atoi(args[1])
			if err != nil {
				return usagef("argument <new_size>: invalid int value: '%s'", args[1])
			}
			v, m, err := a.volumeManager(ctx, args[0])
			if err != nil {
				return err
			}
			if err := m.Extend(ctx, v.ID, size); err != nil {
				return err
			}
			if !wait {
				return nil
			}
			final := volumes.StatusAvailable
			if v.Status == volumes.StatusInUse {
				final = volumes.StatusInUse
			}
			_, err = a.waitStatus(ctx, v.ID, final)
			return err
		},
	}
}

func (a *app) retypeCommand() command {
	var policy string
	return command{
		name: "retype",
		help: "Changes the volume type for a volume.",
		args: []posArg{{name: "<volume>", help: "Name or ID of volume for which to modify type."}, {name: "<volume-type>", help: "New volume type."}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&policy, "migration-policy", "never", "Migration policy during retype of volume.")
			setMeta(fs, "migration-policy", "<never|on-demand>")
		},
		run: func(ctx context.Context, args []string) error {
			if policy != "never" && policy != "on-demand" {
				return usagef("argument --migration-policy: invalid choice: '%s' (choose from 'never', 'on-demand')", policy)
			}
			v, m, err := a.volumeManager(ctx, args[0])
			if err != nil {
				return err
			}
			return m.Retype(ctx, v.ID, args[1], volumes.MigrationPolicy(policy))
		},
	}
}

func (a *app) migrateCommand() command {
	var forceHostCopy, lockVolume, cluster string
	return command{
		name: "migrate",
		help: "Migrates volume to a new host.",
		args: []posArg{{name: "<volume>", help: "ID of volume to migrate."},
			{name: "<host>", optional: true, help: "Destination host. Takes the form: host@backend-name#pool"}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&forceHostCopy, "force-host-copy", "False", "Enables or disables generic host-based force-migration, which bypasses driver optimizations. Default=False.")
			setMeta(fs, "force-host-copy", "<True|False>")
			optValue(fs, "force-host-copy", "True", "True", "False", "true", "false")
			fs.StringVar(&lockVolume, "lock-volume", "False", "Enables or disables the termination of volume migration caused by other commands. This option applies to the available volume. True means it locks the volume state and does not allow the migration to be aborted. The volume status will be in maintenance during the migration. False means it allows the volume migration to be aborted. The volume status is still in the original status. Default=False.")
			setMeta(fs, "lock-volume", "<True|False>")
			optValue(fs, "lock-volume", "True", "True", "False", "true", "false")
			fs.StringVar(&cluster, "cluster", "", "Destination cluster. Takes the form: cluster@backend-name#pool")
			setMeta(fs, "cluster", "CLUSTER")
		},
		run: func(ctx context.Context, args []string) error {
			req := volumes.MigrateRequest{Cluster: cluster}
			if len(args) > 1 {
				req.Host = args[1]
			}
			if (req.Host == "") == (cluster == "") {
				return usagef("one of the arguments <host> --cluster is required (and only one)")
			}
			var err error
			if req.ForceHostCopy, err = parseBool("--force-host-copy", forceHostCopy); err != nil {
				return err
			}
			if req.LockVolume, err = parseBool("--lock-volume", lockVolume); err != nil {
				return err
			}
			v, m, err := a.volumeManager(ctx, args[0])
			if err != nil {
				return err
			}
			return m.Migrate(ctx, v.ID, req)
		},
	}
}

func (a *app) resetStateCommand() command {
	var typ, state, attachStatus string
	var resetMigration bool
	return command{
		name: "reset-state",
		help: "Explicitly updates the entity state in the Cinder database. Being a database change only, this has no impact on the true state of the entity and may not match the actual state. This can render a entity unusable in the case of changing to the 'available' state.",
		args: []posArg{{name: "<entity>", many: true, help: "Name or ID of entity to update."}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&typ, "type", "volume", "Type of entity to update. Available resources are: 'volume', 'snapshot', 'backup', 'group' (since 3.20) and 'group-snapshot' (since 3.19), Default=volume.")
			setMeta(fs, "type", "<type>")
			fs.StringVar(&state, "state", "", "The state to assign to the entity. NOTE: This command simply changes the state of the entity in the database with no regard to actual status, exercise caution when using. Default=None, that means the state is unchanged.")
			setMeta(fs, "state", "<state>")
			fs.StringVar(&attachStatus, "attach-status", "", `This is only used for a volume entity. The attach status to assign to the volume in the database, with no regard to the actual status. Valid values are "attached" and "detached". Default=None, that means the status is unchanged.`)
			setMeta(fs, "attach-status", "<attach-status>")
			fs.BoolVar(&resetMigration, "reset-migration-status", false, "This is only used for a volume entity. Clears the migration status of the volume in the DataBase that indicates the volume is source or destination of volume migration, with no regard to the actual status.")
		},
		run: func(ctx context.Context, refs []string) error {
			switch typ {
			case "volume":
			case "snapshot", "backup":
				return a.resetOther(ctx, typ, refs, state)
			case "group", "group-snapshot":
				return a.resetGroups(ctx, typ, refs, state)
			default:
				return usagef("argument --type: invalid choice: '%s' (choose from 'volume', 'snapshot', 'backup', 'group', 'group-snapshot')", typ)
			}
			req := volumes.ResetStatusRequest{Status: volumes.Status(state), AttachStatus: volumes.AttachStatus(attachStatus)}
			if resetMigration {
				req.MigrationStatus = "none"
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
				v, err := a.findVolume(ctx, ref)
				if err != nil {
					return err
				}
				return c.Volumes.ResetStatus(ctx, v.ID, req)
			})
			return a.bulkReport(refs, errs, func(ref string) string { return "Reset state for entity " + ref + " failed" },
				"Unable to reset the state for the specified entity(s).", "reset the state of", "entities")
		},
	}
}

func (a *app) uploadToImageCommand() command {
	var force, containerFormat, diskFormat, visibility, protected string
	var flags *pflag.FlagSet
	return command{
		name: "upload-to-image",
		help: "Uploads volume to Image Service as an image.",
		args: []posArg{{name: "<volume>", help: "Name or ID of volume to snapshot."}, {name: "<image-name>", help: "The new image name."}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			fs.StringVar(&force, "force", "False", "Enables or disables upload of a volume that is attached to an instance. Default=False. This option may not be supported by your cloud.")
			setMeta(fs, "force", "<True|False>")
			optValue(fs, "force", "True", "True", "False", "true", "false")
			fs.StringVar(&containerFormat, "container-format", "bare", "Container format type. Default is bare.")
			setMeta(fs, "container-format", "<container-format>")
			fs.StringVar(&diskFormat, "disk-format", "raw", "Disk format type. Default is raw.")
			setMeta(fs, "disk-format", "<disk-format>")
			fs.StringVar(&visibility, "visibility", "private", "Set image visibility to public, private, community or shared. Default=private.")
			setMeta(fs, "visibility", "<public|private|community|shared>")
			fs.StringVar(&protected, "protected", "False", "Prevents image from being deleted. Default=False.")
			setMeta(fs, "protected", "<True|False>")
		},
		run: func(ctx context.Context, args []string) error {
			req := volumes.UploadImageRequest{ImageName: args[1], ContainerFormat: containerFormat, DiskFormat: diskFormat}
			var err error
			if req.Force, err = parseBool("--force", force); err != nil {
				return err
			}
			prot, err := parseBool("--protected", protected)
			if err != nil {
				return err
			}
			v, m, err := a.volumeManager(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			if c.Microversion().AtLeast(mv.V(3, 1)) {
				req.Visibility, req.Protected = visibility, prot
			} else if flags.Changed("visibility") || flags.Changed("protected") {
				return errors.New("--visibility and --protected require API version 3.1 or later")
			}
			rctx, rb := withRaw(ctx)
			res, err := m.UploadToImage(rctx, v.ID, req)
			if err != nil {
				return err
			}
			var info *pyfmt.Object
			if objs := rb.objects("os-volume_upload_image"); len(objs) > 0 {
				info = objs[len(objs)-1]
			} else {
				o, err := pyfmt.FromValue(res)
				if err != nil {
					return err
				}
				info = o.(*pyfmt.Object)
			}
			if vt, ok := info.Value("volume_type").(*pyfmt.Object); ok {
				info.Set("volume_type", vt.Value("name"))
			}
			return a.printDict(info, "Property")
		},
	}
}

func (a *app) reimageCommand() command {
	var reserved string
	return command{
		name: "reimage",
		help: "Rebuilds a volume, overwriting all content with the specified image",
		args: []posArg{{name: "<volume>", help: "Name or ID of volume to reimage"},
			{name: "<image-id>", help: "The image id of the image that will be used to reimage the volume."}},
		flags: func(fs *pflag.FlagSet) {
			fs.StringVar(&reserved, "reimage-reserved", "False", `Enables or disables reimage for a volume that is in reserved state otherwise only volumes in "available" or "error" status may be re-imaged. Default=False.`)
			setMeta(fs, "reimage-reserved", "<True|False>")
		},
		run: func(ctx context.Context, args []string) error {
			r, err := parseBool("--reimage-reserved", reserved)
			if err != nil {
				return err
			}
			v, m, err := a.volumeManager(ctx, args[0])
			if err != nil {
				return err
			}
			return m.Reimage(ctx, v.ID, args[1], r)
		},
	}
}
