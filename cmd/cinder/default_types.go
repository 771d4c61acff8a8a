package main

import (
	"context"
	"fmt"
	"github.com/gocinder/cinder/internal/pyfmt"

	"github.com/spf13/pflag"
)

// defaultTypeCommands: default-type-list, default-type-set, default-type-unset (3.62).
func (a *app) defaultTypeCommands() []command {
	var projectID string
	return []command{
		{
			name: "default-type-list",
			help: "Lists all default volume types.",
			flags: func(fs *pflag.FlagSet) {
				strFlag(fs, &projectID, "project-id", "<project_id>", "", "ID of project for which to show the default type.")
			},
			run: func(ctx context.Context, _ []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				if projectID != "" {
					d, err := c.Types.GetDefault(rctx, projectID)
					if err != nil {
						return err
					}
					return a.printDefaultType(rb, d)
				}
				list, err := c.Types.ListDefaults(rctx)
				if err != nil {
					return err
				}
				raws := rb.objects("default_types")
				if len(raws) != len(list) {
					raws = raws[:0]
					for _, d := range list {
						o, err := orderedObject(d)
						if err != nil {
							return err
						}
						raws = append(raws, o)
					}
				}
				cols, rows := listRows(raws, []string{"Volume Type ID", "Project ID"}, false)
				return a.printList(cols, rows, 0)
			},
		},
		{
			name: "default-type-set",
			help: "Sets a default volume type for a project.",
			args: []posArg{
				{name: "<volume_type>", help: "Name or ID of the volume type."},
				{name: "<project_id>", help: "ID of project for which to set default type."},
			},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				d, err := c.Types.SetDefault(rctx, args[1], args[0])
				if err != nil {
					return err
				}
				return a.printDefaultType(rb, d)
			},
		},
		{
			name: "default-type-unset",
			help: "Unset default volume types.",
			args: []posArg{{name: "<project_id>", many: true, help: "ID of project for which to unset default type."}},
			run: func(ctx context.Context, refs []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				errs := bulk(ctx, refs, func(ctx context.Context, project string) error {
					return c.Types.UnsetDefault(ctx, project)
				})
				for i, ref := range refs {
					if errs[i] == nil {
						fmt.Fprintf(a.stdout, "Default volume type for project %s has been unset successfully.\n", ref)
					}
				}
				return a.bulkReport(refs, errs, func(ref string) string { return "Unset for default volume type for project " + ref + " failed" },
					"Unable to unset the default volume type of any of the specified projects.", "unset the default volume type of", "projects")
			},
		},
	}
}

// printDefaultType prints one default type as cinderclient's print_dict.
func (a *app) printDefaultType(rb *rawBodies, d any) error {
	var o *pyfmt.Object
	if objs := rb.objects("default_type"); len(objs) > 0 {
		o = objs[len(objs)-1]
	} else {
		var err error
		if o, err = orderedObject(d); err != nil {
			return err
		}
	}
	return a.printDict(o, "Property")
}
