package main

import (
	"context"
	"fmt"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strings"

	cinder "github.com/gocinder/cinder"
	mv "github.com/gocinder/cinder/microversion"
)

// discoveryCommands: api-version, version-list, list-extensions.
func (a *app) discoveryCommands() []command {
	return []command{
		{
			name:  "api-version",
			help:  "Display the server API version information.",
			short: "Display the server API version information.",
			run: func(ctx context.Context, _ []string) error {
				raws, err := a.versions(ctx)
				if err != nil {
					return err
				}
				return a.printList([]string{"ID", "Status", "Version", "Min_version"},
					rowsOf(raws, "id", "status", "version", "min_version"), 0)
			},
		},
		{
			name:  "version-list",
			help:  "List all API versions.",
			short: "List all API versions.",
			run: func(ctx context.Context, _ []string) error {
				raws, err := a.versions(ctx)
				if err != nil {
					return err
				}
				if a.g.format == "table" {
					fmt.Fprintf(a.stdout, "Client supported API versions:\nMinimum version %s\nMaximum version %s\n\nServer supported API versions:\n",
						mv.Min(), cinder.MaxMicroversion)
				}
				cols, keys := []string{"Id", "Status", "Updated"}, []string{"id", "status", "updated"}
				if len(raws) > 0 {
					if _, ok := raws[0].Get("min_version"); ok {
						cols, keys = append(cols, "Min Version", "Version"), append(keys, "min_version", "version")
					}
				}
				return a.printList(cols, rowsOf(raws, keys...), 0)
			},
		},
		{
			name: "list-extensions",
			help: "Lists all available os-api extensions.",
			run: func(ctx context.Context, _ []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				exts, err := c.Extensions(ctx)
				if err != nil {
					return err
				}
				rows := make([][]any, len(exts))
				for i, e := range exts {
					rows[i] = []any{e.Name, extensionSummary(e.Description), e.Alias, e.Updated}
				}
				return a.printList([]string{"Name", "Summary", "Alias", "Updated"}, rows, 0)
			},
		},
	}
}

// extensionSummary is the first line of a description, "..." when there is more.
func extensionSummary(d string) string {
	d = strings.TrimSpace(d)
	if d == "" {
		return "??"
	}
	first, _, more := strings.Cut(d, "\n")
	if more {
		return first + "..."
	}
	return first
}

// versions returns the server's versions document entries, as sent.
func (a *app) versions(ctx context.Context) ([]*pyfmt.Object, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	rctx, rb := withRaw(ctx)
	vs, err := c.Versions(rctx)
	if err != nil {
		return nil, err
	}
	if raws := rb.objects("versions"); len(raws) > 0 {
		return raws, nil
	}
	var out []*pyfmt.Object
	for _, v := range vs {
		o, err := pyfmt.FromValue(v)
		if err != nil {
			return nil, err
		}
		out = append(out, o.(*pyfmt.Object))
	}
	return out, nil
}

// rowsOf picks keys from each object; a missing key is "".
func rowsOf(objs []*pyfmt.Object, keys ...string) [][]any {
	rows := make([][]any, len(objs))
	for i, o := range objs {
		for _, k := range keys {
			v, ok := o.Get(k)
			if !ok {
				v = ""
			}
			rows[i] = append(rows[i], v)
		}
	}
	return rows
}
