package main

import (
	"context"
	"errors"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/quotas"
)

// quotaResources are the quota names cinderclient shows; a key is shown
// when it starts with one of them (volumes_<type> too).
var quotaResources = []string{"volumes", "snapshots", "gigabytes", "backups", "backup_gigabytes", "per_volume_gigabytes", "groups"}

func isQuotaKey(k string) bool {
	for _, r := range quotaResources {
		if strings.HasPrefix(k, r) {
			return true
		}
	}
	return false
}

// quotaCommands: quota-show, quota-usage, quota-defaults, quota-update,
// quota-delete, quota-class-show, quota-class-update.
func (a *app) quotaCommands() []command {
	tenant := func(help string) []posArg { return []posArg{{name: "<tenant_id>", help: help}} }
	return []command{
		{
			name: "quota-show",
			help: "Lists quotas for a tenant.",
			args: tenant("ID of tenant for which to list quotas."),
			run: func(ctx context.Context, args []string) error {
				return a.showQuota(ctx, "quota_set", func(ctx context.Context, m *quotas.Manager) (any, error) {
					return m.Get(ctx, args[0])
				})
			},
		},
		{
			name: "quota-usage",
			help: "Lists quota usage for a tenant.",
			args: tenant("ID of tenant for which to list quota usage."),
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				u, err := c.Quotas.Usage(rctx, args[0])
				if err != nil {
					return err
				}
				o, err := lastNamed(rb, "quota_set", u)
				if err != nil {
					return err
				}
				cols := []string{"Type", "In_use", "Reserved", "Limit", "Allocated"}
				var rows [][]any
				for _, k := range o.Keys() {
					usage, ok := o.Value(k).(*pyfmt.Object)
					if !ok || !isQuotaKey(k) {
						continue
					}
					row := []any{k}
					for _, col := range cols[1:] {
						v, ok := usage.Get(strings.ToLower(col))
						if !ok {
							v = ""
						}
						row = append(row, v)
					}
					rows = append(rows, row)
				}
				return a.printList(cols, rows, 0)
			},
		},
		{
			name: "quota-defaults",
			help: "Lists default quotas for a tenant.",
			args: tenant("ID of tenant for which to list quota defaults."),
			run: func(ctx context.Context, args []string) error {
				return a.showQuota(ctx, "quota_set", func(ctx context.Context, m *quotas.Manager) (any, error) {
					return m.Defaults(ctx, args[0])
				})
			},
		},
		a.quotaUpdateCommand("quota-update", "Updates quotas for a tenant.",
			posArg{name: "<tenant_id>", help: "ID of tenant for which to set quotas."}),
		{
			name: "quota-delete",
			help: "Delete the quotas for a tenant.",
			args: tenant("UUID of tenant to delete the quotas for."),
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.Quotas.Delete(ctx, args[0])
			},
		},
		{
			name: "quota-class-show",
			help: "Lists quotas for a quota class.",
			args: []posArg{{name: "<class>", help: "Name of quota class for which to list quotas."}},
			run: func(ctx context.Context, args []string) error {
				return a.showQuota(ctx, "quota_class_set", func(ctx context.Context, m *quotas.Manager) (any, error) {
					return m.GetClass(ctx, args[0])
				})
			},
		},
		a.quotaUpdateCommand("quota-class-update", "Updates quotas for a quota class.",
			posArg{name: "<class_name>", help: "Name of quota class for which to set quotas."}),
	}
}

// showQuota runs get and prints the quotas as cinderclient's quota_show:
// the quota keys of the server's key object, sorted.
func (a *app) showQuota(ctx context.Context, key string, get func(context.Context, *quotas.Manager) (any, error)) error {
	c, err := a.cinder(ctx)
	if err != nil {
		return err
	}
	rctx, rb := withRaw(ctx)
	q, err := get(rctx, c.Quotas)
	if err != nil {
		return err
	}
	o, err := lastNamed(rb, key, q)
	if err != nil {
		return err
	}
	out := pyfmt.NewObject()
	for _, k := range o.Keys() {
		if isQuotaKey(k) {
			out.Set(k, o.Value(k))
		}
	}
	return a.printDict(out, "Property")
}

// lastNamed is the last captured object under key, or v converted.
func lastNamed(rb *rawBodies, key string, v any) (*pyfmt.Object, error) {
	if objs := rb.objects(key); len(objs) > 0 {
		return objs[len(objs)-1], nil
	}
	return orderedObject(v)
}

func (a *app) quotaUpdateCommand(name, help string, target posArg) command {
	class := name == "quota-class-update"
	var (
		vals                       [6]int
		groups                     int
		volumeType, skipValidation string
		flags                      *pflag.FlagSet
	)
	names := []string{"volumes", "snapshots", "gigabytes", "backups", "backup-gigabytes", "per-volume-gigabytes"}
	return command{
		name: name,
		help: help,
		args: []posArg{target},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			intFlag := func(dst *int, flag, meta, help string) {
				fs.IntVar(dst, flag, 0, help)
				setMeta(fs, flag, meta)
			}
			intFlag(&vals[0], "volumes", "<volumes>", `The new "volumes" quota value. Default=None.`)
			intFlag(&vals[1], "snapshots", "<snapshots>", `The new "snapshots" quota value. Default=None.`)
			intFlag(&vals[2], "gigabytes", "<gigabytes>", `The new "gigabytes" quota value. Default=None.`)
			intFlag(&vals[3], "backups", "<backups>", `The new "backups" quota value. Default=None.`)
			intFlag(&vals[4], "backup-gigabytes", "<backup_gigabytes>", `The new "backup_gigabytes" quota value. Default=None.`)
			if !class {
				intFlag(&groups, "groups", "<groups>", `The new "groups" quota value. Default=None.`)
			}
			strFlag(fs, &volumeType, "volume-type", "<volume_type_name>", "", "Volume type. Default=None.")
			intFlag(&vals[5], "per-volume-gigabytes", "<per_volume_gigabytes>", "Set max volume size limit. Default=None.")
			if !class {
				strFlag(fs, &skipValidation, "skip-validation", "<skip_validation>", "False",
					"Skip validate the existing resource quota. Default=False. (Cinder validates new limits against usage whatever this says since the Queens release.)")
			}
		},
		run: func(ctx context.Context, args []string) error {
			var req quotas.UpdateRequest
			fields := []**int{&req.Volumes, &req.Snapshots, &req.Gigabytes, &req.Backups, &req.BackupGigabytes, &req.PerVolumeGigabytes}
			n := 0
			for i, f := range names {
				if flags.Changed(f) {
					*fields[i] = &vals[i]
					n++
				}
			}
			if !class && flags.Changed("groups") {
				req.Groups = &groups
				n++
			}
			if n == 0 {
				return errors.New("Must supply at least one quota field to update.")
			}
			if volumeType != "" {
				if req.Backups != nil || req.BackupGigabytes != nil || req.PerVolumeGigabytes != nil || req.Groups != nil {
					return usagef("--volume-type applies to --volumes, --snapshots and --gigabytes only")
				}
				req = quotas.UpdateRequest{Types: map[string]quotas.TypeUpdate{volumeType: {
					Volumes: req.Volumes, Snapshots: req.Snapshots, Gigabytes: req.Gigabytes}}}
			}
			key := "quota_set"
			if class {
				key = "quota_class_set"
			}
			return a.showQuota(ctx, key, func(ctx context.Context, m *quotas.Manager) (any, error) {
				if class {
					return m.UpdateClass(ctx, args[0], req)
				}
				return m.Update(ctx, args[0], req)
			})
		},
	}
}
