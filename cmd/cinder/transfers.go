package main

import (
	"context"
	"errors"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/transfers"
)

// transferCommands: the transfer-* commands.
func (a *app) transferCommands() []command {
	return []command{
		{
			name: "transfer-accept",
			help: "Accepts a volume transfer.",
			args: []posArg{
				{name: "<transfer>", help: "ID of transfer to accept."},
				{name: "<auth_key>", help: "Authentication key of transfer to accept."},
			},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				t, err := c.Transfers.Accept(rctx, args[0], args[1])
				if err != nil {
					return err
				}
				return a.printTransfer(rb, t.ID, t)
			},
		},
		a.transferCreateCommand(),
		{
			name: "transfer-delete",
			help: "Undoes a transfer.",
			args: []posArg{{name: "<transfer>", help: "Name or ID of transfer to delete."}},
			run: func(ctx context.Context, args []string) error {
				t, err := a.findTransfer(ctx, args[0])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.Transfers.Delete(ctx, t.ID)
			},
		},
		a.transferListCommand(),
		{
			name: "transfer-show",
			help: "Shows transfer details.",
			args: []posArg{{name: "<transfer>", help: "Name or ID of transfer to accept."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				t, err := a.findTransfer(rctx, args[0])
				if err != nil {
					return err
				}
				return a.printTransfer(rb, t.ID, t)
			},
		},
	}
}

// printTransfer prints the captured transfer id without its links.
func (a *app) printTransfer(rb *rawBodies, id string, v any) error {
	return a.printRaw(rb, "transfer", "transfers", id, v)
}

func (a *app) transferCreateCommand() command {
	var name string
	var noSnapshots bool
	return command{
		name: "transfer-create",
		help: "Creates a volume transfer.",
		args: []posArg{{name: "<volume>", help: "Name or ID of volume to transfer."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &name, "name", "<name>", "", "Transfer name. Default=None.")
			fs.BoolVar(&noSnapshots, "no-snapshots", false, "Allows or disallows transfer volumes without snapshots. Default=False.")
		},
		run: func(ctx context.Context, args []string) error {
			v, err := a.findVolume(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			t, err := c.Transfers.Create(rctx, transfers.CreateRequest{VolumeID: v.ID, Name: name, NoSnapshots: noSnapshots})
			if err != nil {
				return err
			}
			return a.printTransfer(rb, t.ID, t)
		},
	}
}

func (a *app) transferListCommand() command {
	var allTenants int
	var sort string
	var filters []string
	return command{
		name: "transfer-list",
		help: "Lists all transfers.",
		flags: func(fs *pflag.FlagSet) {
			allTenantsFlag(fs, &allTenants, "<0|1>")
			strFlag(fs, &sort, "sort", "<key>[:<direction>]", "", "Sort keys and directions in the form of <key>[:<asc|desc>].")
			kvFlag(fs, &filters, "filters", "Filter key and value pairs.")
		},
		run: func(ctx context.Context, _ []string) error {
			if len(strings.Split(sort, ":")) > 2 {
				return errors.New(`Invalid sort parameter provided. Argument must be in the form "key[:<asc|desc>]".`)
			}
			f, err := keyValues(filters)
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			opts := &transfers.ListOptions{AllTenants: a.envAllTenants(allTenants) != 0, Sort: sort, Filters: f}
			rctx, rb := withRaw(ctx)
			for _, err := range c.Transfers.List(rctx, opts) {
				if err != nil {
					return err
				}
			}
			cols, rows := listRows(rb.objects("transfers"), []string{"ID", "Volume ID", "Name"}, false)
			return a.printList(cols, rows, 0)
		},
	}
}
