package main

import (
	"context"
	"errors"
	"fmt"
	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/pyfmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/types"
)

// typeColumns are the columns of cinderclient's volume type tables.
var typeColumns = []string{"ID", "Name", "Description", "Is_Public"}

// findType resolves a volume type name or ID (types.Find), with
// cinderclient's messages ("volumetype") when nothing or several match.
func (a *app) findType(ctx context.Context, ref string) (*types.VolumeType, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	t, err := c.Types.Find(ctx, ref, lookupAll)
	var amb *cinder.AmbiguousError
	if errors.As(err, &amb) {
		return nil, &lookupError{fmt.Sprintf("Multiple volumetype matches found for '%s', use an ID to be more specific.", ref)}
	}
	return t, lookupErr("volumetype", ref, err)
}

// typeCommands: the volume type commands.
func (a *app) typeCommands() []command {
	return []command{
		a.typeListCommand(),
		{
			name: "type-default",
			help: "List the default volume type. The Block Storage service allows configuration of a default type for each project, as well as the system default, so use this command to determine what your effective default volume type is.",
			run: func(ctx context.Context, _ []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				t, err := c.Types.Default(rctx)
				if err != nil {
					return err
				}
				return a.printTypes(rb, []types.VolumeType{*t})
			},
		},
		{
			name: "type-show",
			help: "Show volume type details.",
			args: []posArg{{name: "<volume_type>", help: "Name or ID of the volume type."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				t, err := a.findType(rctx, args[0])
				if err != nil {
					return err
				}
				return a.printRaw(rb, "volume_type", "volume_types", t.ID, t, "extra_specs")
			},
		},
		a.typeCreateCommand(),
		a.typeUpdateCommand(),
		{
			name: "type-delete",
			help: "Deletes volume type or types.",
			args: []posArg{{name: "<vol_type>", many: true, help: "Name or ID of volume type or types to delete."}},
			run: func(ctx context.Context, refs []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return a.deleteEach(ctx, refs, "volume type", "types", func(ctx context.Context, ref string) (string, error) {
					t, err := a.findType(ctx, ref)
					if err != nil {
						return "", err
					}
					return t.ID, c.Types.Delete(ctx, t.ID)
				}, nil)
			},
		},
		{
			name: "type-key",
			help: "Sets or unsets extra_spec for a volume type.",
			args: []posArg{
				{name: "<vtype>", help: "Name or ID of volume type."},
				{name: "<action>", help: `The action. Valid values are "set" or "unset."`},
				{name: "<key=value>", many: true, help: "The extra specs key and value pair to set or unset. For unset, specify only the key."},
			},
			run: func(ctx context.Context, args []string) error {
				action, keys, specs, err := setUnsetArgs(args[1], args[2:])
				if err != nil {
					return err
				}
				t, err := a.findType(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return setOrUnsetKeys(action, keys, specs,
					func(specs map[string]string) error { _, err := c.Types.SetExtraSpecs(ctx, t.ID, specs); return err },
					func(k string) error { return c.Types.DeleteExtraSpec(ctx, t.ID, k) })
			},
		},
		{
			name: "extra-specs-list",
			help: "Lists current volume types and extra specs.",
			run: func(ctx context.Context, _ []string) error {
				raws, err := a.listTypes(ctx, nil)
				if err != nil {
					return err
				}
				cols, rows := listRows(raws, []string{"ID", "Name", "extra_specs"}, false)
				return a.printList(cols, rows, 0)
			},
		},
	}
}

// typeUpdateRequest reads the changed flags of type-update and
// group-type-update (whose request has the same fields); at least one is
// needed.
func typeUpdateRequest(flags *pflag.FlagSet, name, description, isPublic string) (types.UpdateRequest, error) {
	var req types.UpdateRequest
	if flags.Changed("name") {
		req.Name = &name
	}
	if flags.Changed("description") {
		req.Description = &description
	}
	if flags.Changed("is-public") {
		b, err := strictBool(isPublic)
		if err != nil {
			return req, err
		}
		req.IsPublic = &b
	}
	if req == (types.UpdateRequest{}) {
		return req, errors.New("Specify a new type name, description, is_public or a combination thereof.")
	}
	return req, nil
}

// setUnsetArgs checks a set|unset action and reads its key=value words:
// the keys in the order given (for unset) and the map (for set).
func setUnsetArgs(action string, words []string) (string, []string, map[string]string, error) {
	if action != "set" && action != "unset" {
		return "", nil, nil, usagef("argument <action>: invalid choice: '%s' (choose from 'set', 'unset')", action)
	}
	specs, err := keyValues(words)
	if err != nil {
		return "", nil, nil, err
	}
	var keys []string
	for _, w := range words {
		k, _, _ := strings.Cut(w, "=")
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return action, keys, specs, nil
}

func (a *app) typeListCommand() command {
	var filters []string
	return command{
		name: "type-list",
		help: "Lists available 'volume types'. (Only admin and tenant users will see private types)",
		flags: func(fs *pflag.FlagSet) {
			fs.StringArrayVar(&filters, "filters", nil, "Filter key and value pairs. Admin only.")
			setMeta(fs, "filters", "[<key=value> ...]")
			multiValue(fs, "filters")
		},
		run: func(ctx context.Context, _ []string) error {
			opts := &types.ListOptions{Visibility: types.VisibilityAll}
			if len(filters) > 0 {
				f, err := a.extractFilters(filters)
				if err != nil {
					return err
				}
				if specs, ok := f["extra_specs"]; ok {
					delete(f, "extra_specs")
					opts.ExtraSpecs = parseInlineDict(specs)
				}
				opts.Filters = f
			}
			raws, err := a.listTypes(ctx, opts)
			if err != nil {
				return err
			}
			cols, rows := listRows(raws, typeColumns, false)
			return a.printList(cols, rows, 0)
		},
	}
}

// extractFilters reads --filters words as cinderclient does: key=value
// pairs; a word without "=" is ignored with a warning.
func (a *app) extractFilters(words []string) (map[string]string, error) {
	out := map[string]string{}
	for _, w := range words {
		k, v, ok := strings.Cut(w, "=")
		if !ok {
			fmt.Fprintf(a.stderr, "WARNING: Ignoring the filter %s while showing result.\n", w)
			continue
		}
		if k == "" {
			return nil, usagef("%q is not key=value", w)
		}
		out[k] = v
	}
	return out, nil
}

// parseInlineDict reads cinderclient's "{k1:v1,k2:v2}" filter values; a
// value without braces is one key with no value.
func parseInlineDict(s string) map[string]string {
	out := map[string]string{}
	inner, ok := strings.CutPrefix(s, "{")
	if ok {
		inner, ok = strings.CutSuffix(inner, "}")
	}
	if !ok {
		out[s] = ""
		return out
	}
	for _, pair := range strings.Split(inner, ",") {
		k, v, _ := strings.Cut(pair, ":")
		if k = strings.TrimSpace(k); k != "" {
			out[k] = strings.TrimSpace(v)
		}
	}
	return out
}

// listTypes lists the volume types (private ones too, as cinderclient's
// is_public=None does) and returns the server's JSON of each.
func (a *app) listTypes(ctx context.Context, opts *types.ListOptions) ([]*pyfmt.Object, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	if opts == nil {
		opts = &types.ListOptions{Visibility: types.VisibilityAll}
	}
	return listAllRaw(ctx, c.Types.List, opts, "volume_types")
}

// printTypes prints the types as cinderclient's print_volume_type_list,
// from the captured JSON when there is one.
func (a *app) printTypes(rb *rawBodies, list []types.VolumeType) error {
	raws := make([]*pyfmt.Object, len(list))
	for i := range list {
		o, err := rawObject(rb, "volume_type", "volume_types", list[i].ID, list[i])
		if err != nil {
			return err
		}
		raws[i] = o
	}
	cols, rows := listRows(raws, typeColumns, false)
	return a.printList(cols, rows, 0)
}

func (a *app) typeCreateCommand() command {
	var description, isPublic string
	return command{
		name: "type-create",
		help: "Creates a volume type.",
		args: []posArg{{name: "<name>", help: "Name of new volume type."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &description, "description", "<description>", "", "Description of new volume type.")
			strFlag(fs, &isPublic, "is-public", "<is-public>", "True", "Make type accessible to the public (default true).")
		},
		run: func(ctx context.Context, args []string) error {
			public, err := strictBool(isPublic)
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			t, err := c.Types.Create(rctx, types.CreateRequest{Name: args[0], Description: description, IsPublic: &public})
			if err != nil {
				return err
			}
			return a.printTypes(rb, []types.VolumeType{*t})
		},
	}
}

func (a *app) typeUpdateCommand() command {
	var name, description, isPublic string
	var flags *pflag.FlagSet
	return command{
		name: "type-update",
		help: "Updates volume type name, description, and/or is_public.",
		args: []posArg{{name: "<id>", help: "ID of the volume type."}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &name, "name", "<name>", "", "Name of the volume type.")
			strFlag(fs, &description, "description", "<description>", "", "Description of the volume type.")
			strFlag(fs, &isPublic, "is-public", "<is-public>", "", "Make type accessible to the public or not.")
		},
		run: func(ctx context.Context, args []string) error {
			req, err := typeUpdateRequest(flags, name, description, isPublic)
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			t, err := c.Types.Update(rctx, args[0], req)
			if err != nil {
				return err
			}
			return a.printTypes(rb, []types.VolumeType{*t})
		},
	}
}
