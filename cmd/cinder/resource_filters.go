package main

import (
	"context"
	"strings"

	"github.com/spf13/pflag"
)

// listFiltersCommand is list-filters (3.33): the filters each resource's
// list accepts.
func (a *app) listFiltersCommand() command {
	var resource string
	return command{
		name: "list-filters",
		help: "List enabled filters. Symbol '~' after filter key means it supports inexact filtering.",
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &resource, "resource", "<resource>", "", "Show enabled filters for specified resource. Default=None.")
		},
		run: func(ctx context.Context, _ []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			list, err := c.Discovery.ResourceFilters(ctx, resource)
			if err != nil {
				return err
			}
			rows := make([][]any, len(list))
			for i, f := range list {
				rows[i] = []any{f.Resource, strings.Join(f.Filters, ", ")}
			}
			return a.printList([]string{"Resource", "Filters"}, rows, 0)
		},
	}
}
