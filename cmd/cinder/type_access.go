package main

import (
	"context"
	"errors"
	"strings"

	"github.com/spf13/pflag"
)

// typeAccessCommands: type-access-list, type-access-add, type-access-remove.
func (a *app) typeAccessCommands() []command {
	var listType string
	return []command{
		{
			name: "type-access-list",
			help: "Print access information about the given volume type.",
			flags: func(fs *pflag.FlagSet) {
				strFlag(fs, &listType, "volume-type", "<volume_type>", "", "Filter results by volume type name or ID.")
				annotate(fs, annRequired, []string{"true"}, "volume-type")
			},
			run: func(ctx context.Context, _ []string) error {
				if listType == "" {
					return usagef("the following arguments are required: --volume-type")
				}
				t, err := a.findType(ctx, listType)
				if err != nil {
					return err
				}
				if t.IsPublic {
					return errors.New("Failed to get access list for public volume type.")
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				list, err := c.Types.ListAccess(rctx, t.ID)
				if err != nil {
					return err
				}
				raws := rb.objects("volume_type_access")
				if len(raws) != len(list) {
					raws = raws[:0]
					for _, acc := range list {
						o, err := orderedObject(acc)
						if err != nil {
							return err
						}
						raws = append(raws, o)
					}
				}
				cols, rows := listRows(raws, []string{"Volume_type_ID", "Project_ID"}, false)
				return a.printList(cols, rows, 0)
			},
		},
		a.typeAccessChange("type-access-add", "Adds volume type access for the given project.",
			"Volume type name or ID to add access for the given project.", "Project ID to add volume type access for.", true),
		a.typeAccessChange("type-access-remove", "Removes volume type access for the given project.",
			"Volume type name or ID to remove access for the given project.", "Project ID to remove volume type access for.", false),
	}
}

// typeAccessChange is type-access-add (add) or type-access-remove.
func (a *app) typeAccessChange(name, help, typeHelp, projectHelp string, add bool) command {
	var volumeType, projectID string
	return command{
		name: name,
		help: help,
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &volumeType, "volume-type", "<volume_type>", "", typeHelp)
			strFlag(fs, &projectID, "project-id", "<project_id>", "", projectHelp)
			annotate(fs, annRequired, []string{"true"}, "volume-type", "project-id")
		},
		run: func(ctx context.Context, _ []string) error {
			var missing []string
			if volumeType == "" {
				missing = append(missing, "--volume-type")
			}
			if projectID == "" {
				missing = append(missing, "--project-id")
			}
			if len(missing) > 0 {
				return usagef("the following arguments are required: %s", strings.Join(missing, ", "))
			}
			t, err := a.findType(ctx, volumeType)
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			if add {
				return c.Types.AddAccess(ctx, t.ID, projectID)
			}
			return c.Types.RemoveAccess(ctx, t.ID, projectID)
		},
	}
}
