package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/grouptypes"
)

// groupTypeColumns are the columns of cinderclient's group type tables.
var groupTypeColumns = []string{"ID", "Name", "Description"}

// groupTypeCommands: the group-type-* commands and group-specs-list.
func (a *app) groupTypeCommands() []command {
	return []command{
		a.groupTypeListCommand(),
		{
			name: "group-type-default",
			help: "List the default group type.",
			run: func(ctx context.Context, _ []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				t, err := c.GroupTypes.Default(rctx)
				if err != nil {
					return err
				}
				return a.printGroupTypes(rb, t)
			},
		},
		{
			name: "group-type-show",
			help: "Show group type details.",
			args: []posArg{{name: "<group_type>", help: "Name or ID of the group type."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				t, err := a.findGroupType(rctx, args[0])
				if err != nil {
					return err
				}
				return a.printRaw(rb, "group_type", "group_types", t.ID, t, "group_specs")
			},
		},
		a.groupTypeCreateCommand(),
		a.groupTypeUpdateCommand(),
		{
			name: "group-type-delete",
			help: "Deletes group type or types.",
			args: []posArg{{name: "<group_type>", many: true, help: "Name or ID of group type or types to delete."}},
			run: func(ctx context.Context, refs []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return a.deleteEach(ctx, refs, "group type", "types", func(ctx context.Context, ref string) (string, error) {
					t, err := a.findGroupType(ctx, ref)
					if err != nil {
						return "", err
					}
					return t.ID, c.GroupTypes.Delete(ctx, t.ID)
				}, nil)
			},
		},
		{
			name: "group-type-key",
			help: "Sets or unsets group_spec for a group type.",
			args: []posArg{
				{name: "<gtype>", help: "Name or ID of group type."},
				{name: "<action>", help: `The action. Valid values are "set" or "unset."`},
				{name: "<key=value>", many: true, help: "The group specs key and value pair to set or unset. For unset, specify only the key."},
			},
			run: func(ctx context.Context, args []string) error {
				action, keys, specs, err := setUnsetArgs(args[1], args[2:])
				if err != nil {
					return err
				}
				t, err := a.findGroupType(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return setOrUnsetKeys(action, keys, specs,
					func(specs map[string]string) error {
						_, err := c.GroupTypes.SetGroupSpecs(ctx, t.ID, specs)
						return err
					},
					func(k string) error { return c.GroupTypes.DeleteGroupSpec(ctx, t.ID, k) })
			},
		},
		{
			name: "group-specs-list",
			help: "Lists current group types and specs.",
			run: func(ctx context.Context, _ []string) error {
				raws, err := a.listGroupTypes(ctx, nil)
				if err != nil {
					return err
				}
				cols, rows := listRows(raws, []string{"ID", "Name", "group_specs"}, false)
				return a.printList(cols, rows, 0)
			},
		},
	}
}

func (a *app) groupTypeListCommand() command {
	var filters []string
	return command{
		name:  "group-type-list",
		help:  "Lists available 'group types'. (Admin only will see private types)",
		short: "Lists available 'group types'. (Admin only will see private types)",
		flags: func(fs *pflag.FlagSet) {
			fs.StringArrayVar(&filters, "filters", nil, "Filter key and value pairs. Admin only.")
			setMeta(fs, "filters", "[<key=value> ...]")
			multiValue(fs, "filters")
		},
		run: func(ctx context.Context, _ []string) error {
			opts := &grouptypes.ListOptions{Visibility: grouptypes.VisibilityAll}
			if len(filters) > 0 {
				f, err := a.extractFilters(filters)
				if err != nil {
					return err
				}
				// is_public is the only filter Cinder applies to group types
				if v, ok := f["is_public"]; ok {
					if opts.Visibility, err = groupTypeVisibility(v); err != nil {
						return err
					}
				}
			}
			raws, err := a.listGroupTypes(ctx, opts)
			if err != nil {
				return err
			}
			cols, rows := listRows(raws, groupTypeColumns, false)
			return a.printList(cols, rows, 0)
		},
	}
}

// groupTypeVisibility reads an is_public filter value as Cinder does:
// a boolean, or "None" for every type.
func groupTypeVisibility(v string) (grouptypes.Visibility, error) {
	if strings.EqualFold(v, "none") {
		return grouptypes.VisibilityAll, nil
	}
	b, err := strictBool(v)
	switch {
	case err != nil:
		return "", usagef("Invalid is_public filter [%s]", v)
	case b:
		return grouptypes.VisibilityPublic, nil
	}
	return grouptypes.VisibilityPrivate, nil
}

// listGroupTypes lists the group types (private ones too) and returns the
// server's JSON of each.
func (a *app) listGroupTypes(ctx context.Context, opts *grouptypes.ListOptions) ([]*pyfmt.Object, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	if opts == nil {
		opts = &grouptypes.ListOptions{Visibility: grouptypes.VisibilityAll}
	}
	return listAllRaw(ctx, c.GroupTypes.List, opts, "group_types")
}

// printGroupTypes prints the type as cinderclient's print_group_type_list,
// from the captured JSON when there is one.
func (a *app) printGroupTypes(rb *rawBodies, t *grouptypes.GroupType) error {
	o, err := rawObject(rb, "group_type", "group_types", t.ID, t)
	if err != nil {
		return err
	}
	cols, rows := listRows([]*pyfmt.Object{o}, groupTypeColumns, false)
	return a.printList(cols, rows, 0)
}

func (a *app) groupTypeCreateCommand() command {
	var description, isPublic string
	return command{
		name: "group-type-create",
		help: "Creates a group type.",
		args: []posArg{{name: "<name>", help: "Name of new group type."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &description, "description", "<description>", "", "Description of new group type.")
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
			t, err := c.GroupTypes.Create(rctx, grouptypes.CreateRequest{Name: args[0], Description: description, IsPublic: &public})
			if err != nil {
				return err
			}
			return a.printGroupTypes(rb, t)
		},
	}
}

func (a *app) groupTypeUpdateCommand() command {
	var name, description, isPublic string
	var flags *pflag.FlagSet
	return command{
		name: "group-type-update",
		help: "Updates group type name, description, and/or is_public.",
		args: []posArg{{name: "<id>", help: "ID of the group type."}},
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &name, "name", "<name>", "", "Name of the group type.")
			strFlag(fs, &description, "description", "<description>", "", "Description of the group type.")
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
			t, err := c.GroupTypes.Update(rctx, args[0], grouptypes.UpdateRequest(req))
			if err != nil {
				return err
			}
			return a.printGroupTypes(rb, t)
		},
	}
}
