package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	mv "github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/volumes"
)

// volumeCommands: list, show, create, delete, force-delete, rename, summary.
func (a *app) volumeCommands() []command {
	return []command{a.listCommand(), {
		name: "show",
		help: "Shows volume details.",
		args: []posArg{{name: "<volume>", help: "Name or ID of volume."}},
		run: func(ctx context.Context, args []string) error {
			ctx, rb := withRaw(ctx)
			v, err := a.findVolume(ctx, args[0])
			if err != nil {
				return err
			}
			info, err := a.rawVolume(ctx, rb, v)
			if err != nil {
				return err
			}
			return a.printDict(showInfo(info), "Property", "metadata", "volume_image_metadata", "attachment_ids", "attached_servers")
		},
	}, a.createCommand(), a.deleteCommand(), a.forceDeleteCommand(), a.renameCommand(), a.summaryCommand()}
}

// rawVolume returns the server's JSON for v: from the responses already
// captured in rb, or from a fresh GET.
func (a *app) rawVolume(ctx context.Context, rb *rawBodies, v *volumes.Volume) (*pyfmt.Object, error) {
	if o := rb.find("volume", "volumes", v.ID); o != nil {
		return o, nil
	}
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := c.Volumes.Get(ctx, v.ID); err != nil {
		return nil, err
	}
	if o := rb.find("volume", "volumes", v.ID); o != nil {
		return o, nil
	}
	o, err := pyfmt.FromValue(v)
	if err != nil {
		return nil, err
	}
	return o.(*pyfmt.Object), nil
}

// createInfo is what cinderclient prints of a volume it created or
// managed: the server's dict without links, readonly lifted from metadata.
func createInfo(o *pyfmt.Object) *pyfmt.Object {
	out := pyfmt.NewObject()
	for _, k := range o.Keys() {
		if k != "links" {
			out.Set(k, o.Value(k))
		}
	}
	if md, ok := out.Value("metadata").(*pyfmt.Object); ok {
		if ro, ok := md.Get("readonly"); ok {
			out.Set("readonly", ro)
		}
	}
	return out
}

// showInfo is createInfo with attachments split into attachment_ids and
// attached_servers, as cinderclient's show does.
func showInfo(o *pyfmt.Object) *pyfmt.Object {
	out := createInfo(o)
	ids, servers := []any{}, []any{}
	if list, ok := out.Value("attachments").([]any); ok {
		for _, e := range list {
			if at, ok := e.(*pyfmt.Object); ok {
				ids = append(ids, at.Value("attachment_id"))
				servers = append(servers, at.Value("server_id"))
			}
		}
	}
	out.Delete("attachments")
	out.Set("attachment_ids", ids)
	out.Set("attached_servers", servers)
	return out
}

func (a *app) listCommand() command {
	var (
		groupID, name, status, migration, marker, fields, sort, tenant string
		allTenants, limit                                              int
		bootable, withCount                                            string
		metadata, imageMetadata, filters                               []string
		flags                                                          *pflag.FlagSet
	)
	return command{
		name: "list",
		help: "Lists all volumes.",
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			fs.StringVar(&groupID, "group_id", "", "Filters results by a group_id. Default=None."+filterDeprecated)
			setMeta(fs, "group_id", "<group_id>")
			fs.IntVar(&allTenants, "all-tenants", 0, "Shows details for all tenants. Admin only.")
			setMeta(fs, "all-tenants", "<0|1>")
			optValue(fs, "all-tenants", "1", "0", "1")
			fs.StringVar(&name, "name", "", "Filters results by a name. Default=None. "+filterDeprecated)
			setMeta(fs, "name", "<name>")
			fs.StringVar(&status, "status", "", "Filters results by a status. Default=None. "+filterDeprecated)
			setMeta(fs, "status", "<status>")
			fs.StringVar(&bootable, "bootable", "", "Filters results by bootable status. Default=None. "+filterDeprecated)
			setMeta(fs, "bootable", "<True|true|False|false>")
			optValue(fs, "bootable", "True", "True", "true", "False", "false")
			fs.StringVar(&migration, "migration_status", "", "Filters results by a migration status. Default=None. Admin only. "+filterDeprecated)
			setMeta(fs, "migration_status", "<migration_status>")
			fs.StringArrayVar(&metadata, "metadata", nil, "Filters results by a metadata key and value pair. Default=None. "+filterDeprecated)
			setMeta(fs, "metadata", "[<key=value> ...]")
			multiValue(fs, "metadata")
			fs.StringArrayVar(&imageMetadata, "image_metadata", nil, "Filters results by a image metadata key and value pair. Require volume api version >=3.4. Default=None."+filterDeprecated)
			setMeta(fs, "image_metadata", "[<key=value> ...]")
			multiValue(fs, "image_metadata")
			fs.StringVar(&marker, "marker", "", "Begin returning volumes that appear later in the volume list than that represented by this volume id. Default=None.")
			setMeta(fs, "marker", "<marker>")
			fs.IntVar(&limit, "limit", 0, "Maximum number of volumes to return. Default=None.")
			setMeta(fs, "limit", "<limit>")
			fs.StringVar(&fields, "fields", "", "Comma-separated list of fields to display. Use the show command to see which fields are available. Unavailable/non-existent fields will be ignored. Default=None.")
			setMeta(fs, "fields", "<fields>")
			fs.StringVar(&sort, "sort", "", "Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: "+strings.Join(volumes.SortKeys(), ", ")+". Default=None.")
			setMeta(fs, "sort", "<key>[:<direction>]")
			fs.StringVar(&tenant, "tenant", "", "Display information from single tenant (Admin only).")
			setMeta(fs, "tenant", "<tenant>")
			optValue(fs, "tenant", " ", "*")
			fs.StringArrayVar(&filters, "filters", nil, "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server. Use 'key~=value' for inexact filtering if the key supports. Default=None.")
			setMeta(fs, "filters", "[<key=value> ...]")
			multiValue(fs, "filters")
			fs.StringVar(&withCount, "with-count", "", "Show total number of volume entities. This is useful when pagination is applied in the request.")
			setMeta(fs, "with-count", "<True|False>")
			optValue(fs, "with-count", "True", "True", "true", "False", "false")
		},
		run: func(ctx context.Context, _ []string) error {
			if limit < 0 {
				return usagef("argument --limit: must not be negative")
			}
			tenant = strings.TrimSpace(tenant)
			if allTenants == 0 && tenant == "" {
				if n, err := strconv.Atoi(a.getenv("ALL_TENANTS")); err == nil {
					allTenants = n
				}
			}
			opts := &volumes.ListOptions{
				Limit: limit, Marker: marker, Sort: sort,
				AllTenants: allTenants != 0 || tenant != "", ProjectID: tenant,
				Name: name, Status: volumes.Status(status), MigrationStatus: migration, GroupID: groupID,
			}
			var err error
			if bootable != "" {
				b, err := parseBool("--bootable", bootable)
				if err != nil {
					return err
				}
				opts.Bootable = &b
			}
			if opts.Metadata, err = keyValues(metadata); err != nil {
				return err
			}
			if opts.ImageMetadata, err = keyValues(imageMetadata); err != nil {
				return err
			}
			if opts.Filters, err = keyValues(filters); err != nil {
				return err
			}
			count := false
			if withCount != "" {
				if count, err = parseBool("--with-count", withCount); err != nil {
					return err
				}
			}
			// cinderclient sends limit=0, and Cinder returns no volume
			return a.list(ctx, opts, fields, count, flags.Changed("limit") && limit == 0)
		},
	}
}

// list prints the volume list as cinderclient does.
// none lists no volume at all (--limit 0).
func (a *app) list(ctx context.Context, opts *volumes.ListOptions, fields string, withCount, none bool) error {
	c, err := a.cinder(ctx)
	if err != nil {
		return err
	}
	total := 0
	if withCount { // first, so that an old microversion fails before any output
		if total, err = c.Volumes.Count(ctx, opts); err != nil {
			return err
		}
	}
	rctx, rb := withRaw(ctx)
	n := 0
	vols := c.Volumes.List(rctx, opts)
	if none {
		vols = func(func(volumes.Volume, error) bool) {}
	}
	for _, err := range vols {
		if err != nil {
			return err
		}
		n++
		if opts.Limit > 0 && n >= opts.Limit {
			break
		}
	}
	raws := rb.objects("volumes")
	raws = raws[:min(n, len(raws))]
	var cols []string
	if fields != "" {
		cols = []string{"ID"}
		for _, f := range strings.Split(fields, ",") {
			t := pyTitle(strings.TrimSpace(f))
			if t != "Id" && !contains(cols, t) {
				cols = append(cols, t)
			}
		}
	} else {
		cols = []string{"ID", "Status", "Name", "Size", "Consumes Quota", "Volume Type", "Bootable", "Attached to"}
		if opts.AllTenants {
			cols = append([]string{"ID", "Tenant ID"}, cols[1:]...)
		}
	}
	for _, o := range raws {
		var servers []string
		if list, ok := o.Value("attachments").([]any); ok {
			for _, e := range list {
				if at, ok := e.(*pyfmt.Object); ok {
					servers = append(servers, pyfmt.Str(at.Value("server_id")))
				}
			}
		}
		o.Set("attached_to", strings.Join(servers, ","))
		if t, ok := o.Get("os-vol-tenant-attr:tenant_id"); ok {
			if _, has := o.Get("tenant_id"); !has {
				o.Set("tenant_id", t)
			}
		}
	}
	// cinderclient drops a column that some volume lacks
	var keep []string
	for _, col := range cols {
		key := strings.ReplaceAll(strings.ToLower(col), " ", "_")
		ok := true
		for _, o := range raws {
			if _, has := o.Get(key); !has {
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, col)
		}
	}
	rows := make([][]any, len(raws))
	for i, o := range raws {
		for _, col := range keep {
			rows[i] = append(rows[i], o.Value(strings.ReplaceAll(strings.ToLower(col), " ", "_")))
		}
	}
	if err := a.printList(keep, rows, sortColumn(opts.Sort)); err != nil {
		return err
	}
	if withCount {
		fmt.Fprintf(a.stdout, "Volume in total: %d\n", total)
	}
	return nil
}

// pyTitle is Python's str.title(): upper case after every non-letter.
func pyTitle(s string) string {
	var b strings.Builder
	prevLetter := false
	for _, r := range s {
		isLetter := strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", r)
		switch {
		case isLetter && !prevLetter:
			b.WriteString(strings.ToUpper(string(r)))
		case isLetter:
			b.WriteString(strings.ToLower(string(r)))
		default:
			b.WriteRune(r)
		}
		prevLetter = isLetter
	}
	return b.String()
}

func (a *app) createCommand() command {
	var (
		cgID, groupID, snapshotID, sourceID, imageID, image, backupID string
		name, description, volumeType, az                             string
		metadata, hints                                               []string
		poll, wait                                                    bool
	)
	return command{
		name: "create",
		help: "Creates a volume.",
		args: []posArg{{name: "<size>", optional: true,
			help: "Size of volume, in GiBs. (Required unless snapshot-id/source-volid/backup-id is specified)."}},
		flags: func(fs *pflag.FlagSet) {
			s := func(dst *string, flag, meta, help string) {
				fs.StringVar(dst, flag, "", help)
				setMeta(fs, flag, meta)
			}
			s(&cgID, "consisgroup-id", "<consistencygroup-id>", "ID of a consistency group where the new volume belongs to. Default=None.")
			s(&groupID, "group-id", "<group-id>", "ID of a group where the new volume belongs to. Default=None.")
			s(&snapshotID, "snapshot-id", "<snapshot-id>", "Creates volume from snapshot ID. Default=None.")
			s(&sourceID, "source-volid", "<source-volid>", "Creates volume from volume ID. Default=None.")
			s(&imageID, "image-id", "<image-id>", "Creates volume from image ID. Default=None.")
			s(&image, "image", "<image>", "Creates a volume from image (ID). Default=None.")
			s(&backupID, "backup-id", "<backup-id>", "Creates a volume from backup ID. Default=None.")
			s(&name, "name", "<name>", "Volume name. Default=None.")
			s(&description, "description", "<description>", "Volume description. Default=None.")
			s(&volumeType, "volume-type", "<volume-type>", "Volume type. Default=None, that is, use the default volume type configured for the Block Storage API. You can see what type this is by using the 'cinder type-default' command.")
			s(&az, "availability-zone", "<availability-zone>", "Availability zone for volume. Default=None.")
			fs.StringArrayVar(&metadata, "metadata", nil, "Metadata key and value pairs. Default=None.")
			setMeta(fs, "metadata", "[<key=value> ...]")
			multiValue(fs, "metadata")
			fs.StringArrayVar(&hints, "hint", nil, "Scheduler hint, similar to nova. Repeat option to set multiple hints. Values with the same key will be stored as a list.")
			setMeta(fs, "hint", "<key=value>")
			fs.BoolVar(&poll, "poll", false, "Wait for volume creation until it completes.")
			fs.BoolVar(&wait, "wait", false, "Same as --poll: return when the volume is available.")
		},
		run: func(ctx context.Context, args []string) error {
			size := 0
			if len(args) > 0 {
				n, err := strconv.Atoi(args[0])
				if err != nil {
					return usagef("argument <size>: invalid int value: '%s'", args[0])
				}
				size = n // Cinder judges it (-1: HTTP 400), as in cinderclient
			}
			if size == 0 && snapshotID == "" && sourceID == "" && backupID == "" {
				return usagef("Size is a required parameter if snapshot or source volume or backup is not specified.")
			}
			md, err := keyValues(metadata)
			if err != nil {
				return err
			}
			req := volumes.CreateRequest{
				Size: size, Name: name, Description: description, VolumeType: volumeType, AvailabilityZone: az,
				Metadata: md, SnapshotID: snapshotID, SourceVolID: sourceID, ImageRef: firstOf(imageID, image),
				BackupID: backupID, GroupID: groupID, ConsistencyGroupID: cgID,
			}
			if req.SchedulerHints, err = schedulerHints(hints); err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			v, err := c.Volumes.Create(ctx, req)
			if err != nil {
				return err
			}
			if poll || wait {
				if _, err := a.waitStatus(ctx, v.ID, volumes.StatusAvailable); err != nil {
					return &createdError{"Volume", v.ID, err}
				}
			}
			rctx, rb := withRaw(ctx)
			if _, err := c.Volumes.Get(rctx, v.ID); err != nil {
				return &createdError{"Volume", v.ID, err}
			}
			info, err := a.rawVolume(rctx, rb, v)
			if err != nil {
				return err
			}
			return a.printDict(createInfo(info), "Property")
		},
	}
}

// schedulerHints reads --hint key=value options; a repeated key makes a list.
func schedulerHints(hints []string) (*volumes.SchedulerHints, error) {
	if len(hints) == 0 {
		return nil, nil
	}
	h := &volumes.SchedulerHints{}
	extra := map[string][]string{}
	for _, kv := range hints {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usagef("argument --hint: %q is not key=value", kv)
		}
		switch k {
		case "same_host":
			h.SameHost = append(h.SameHost, v)
		case "different_host":
			h.DifferentHost = append(h.DifferentHost, v)
		case "local_to_instance":
			h.LocalToInstance = v
		case "query":
			h.Query = v
		default:
			extra[k] = append(extra[k], v)
		}
	}
	for k, vs := range extra {
		if h.Extra == nil {
			h.Extra = map[string]any{}
		}
		if len(vs) == 1 {
			h.Extra[k] = vs[0]
		} else {
			h.Extra[k] = vs
		}
	}
	return h, nil
}

func (a *app) deleteCommand() command {
	var cascade, wait bool
	return command{
		name: "delete",
		help: "Removes one or more volumes.",
		args: []posArg{{name: "<volume>", many: true, help: "Name or ID of volume or volumes to delete."}},
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&cascade, "cascade", false, "Remove any snapshots along with volume. Default=False.")
			fs.BoolVar(&wait, "wait", false, "Return only when the volumes are gone.")
		},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			waitGone := a.waitDeleted
			if !wait {
				waitGone = nil
			}
			return a.deleteEach(ctx, refs, "volume", "volumes", func(ctx context.Context, ref string) (string, error) {
				v, err := a.findVolume(ctx, ref)
				if err != nil {
					return "", err
				}
				return v.ID, c.Volumes.Delete(ctx, v.ID, &volumes.DeleteOptions{Cascade: cascade})
			}, waitGone)
		},
	}
}

func (a *app) forceDeleteCommand() command {
	return command{
		name: "force-delete",
		help: "Attempts force-delete of volume, regardless of state.",
		args: []posArg{{name: "<volume>", many: true, help: "Name or ID of volume or volumes to delete."}},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
				v, err := a.findVolume(ctx, ref)
				if err != nil {
					return err
				}
				return c.Volumes.ForceDelete(ctx, v.ID)
			})
			return a.bulkReport(refs, errs, func(ref string) string { return "Delete for volume " + ref + " failed" },
				"Unable to force delete any of the specified volumes.", "force delete", "volumes")
		},
	}
}

func (a *app) renameCommand() command {
	var description string
	var flags *pflag.FlagSet
	return command{
		name: "rename",
		help: "Renames a volume.",
		args: []posArg{
			{name: "<volume>", help: "Name or ID of volume to rename."},
			{name: "<name>", help: "New name for volume.", optional: true},
		},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			fs.StringVar(&description, "description", "", "Volume description. Default=None.")
			setMeta(fs, "description", "<description>")
		},
		run: func(ctx context.Context, args []string) error {
			var req volumes.UpdateRequest
			if len(args) > 1 {
				req.Name = &args[1]
			}
			if description != "" || flags.Changed("description") {
				req.Description = &description
			}
			if req.Name == nil && req.Description == nil {
				return errors.New("Must supply either name or description.")
			}
			v, err := a.findVolume(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			_, err = c.Volumes.Update(ctx, v.ID, req)
			return err
		},
	}
}

func (a *app) summaryCommand() command {
	var allTenants int
	return command{
		name: "summary",
		help: "Get volumes summary.",
		flags: func(fs *pflag.FlagSet) {
			fs.IntVar(&allTenants, "all-tenants", 0, "Shows details for all tenants. Admin only.")
			setMeta(fs, "all-tenants", "<0|1>")
			optValue(fs, "all-tenants", "1", "0", "1")
		},
		run: func(ctx context.Context, _ []string) error {
			if allTenants == 0 {
				if n, err := strconv.Atoi(a.getenv("ALL_TENANTS")); err == nil {
					allTenants = n
				}
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			s, err := c.Volumes.Summary(rctx, allTenants != 0)
			if err != nil {
				return err
			}
			var info *pyfmt.Object
			if objs := rb.objects("volume-summary"); len(objs) > 0 {
				info = objs[len(objs)-1]
			} else {
				o, err := pyfmt.FromValue(s)
				if err != nil {
					return err
				}
				info = o.(*pyfmt.Object)
			}
			formatters := []string{"total_size", "total_count"}
			if c.Microversion().AtLeast(mv.V(3, 36)) {
				formatters = append(formatters, "metadata")
			}
			return a.printDict(info, "Property", formatters...)
		},
	}
}

// keyValues reads key=value words into a map; a bare key maps to "".
func keyValues(kvs []string) (map[string]string, error) {
	if len(kvs) == 0 {
		return nil, nil
	}
	m := make(map[string]string, len(kvs))
	for _, kv := range kvs {
		k, v, _ := strings.Cut(kv, "=")
		if k == "" {
			return nil, usagef("%q is not key=value", kv)
		}
		m[k] = v
	}
	return m, nil
}

// parseBool reads cinderclient's True|true|False|false (and 1/0, yes/no).
func parseBool(flag, s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "1", "yes", "y", "on", "t":
		return true, nil
	case "false", "0", "no", "n", "off", "f":
		return false, nil
	}
	return false, usagef("argument %s: invalid boolean value: '%s'", flag, s)
}
