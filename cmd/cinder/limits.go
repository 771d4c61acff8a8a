package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"

	"github.com/gocinder/cinder/limits"
)

// limitsCommands: absolute-limits, rate-limits.
func (a *app) limitsCommands() []command {
	tenant := []posArg{{name: "<tenant_id>", optional: true, help: "Display information for a single tenant (Admin only)."}}
	return []command{
		{
			name: "absolute-limits",
			help: "Lists absolute limits for a user.",
			args: tenant,
			run: func(ctx context.Context, args []string) error {
				o, err := a.limits(ctx, "absolute-limits", args)
				if err != nil {
					return err
				}
				abs, _ := o.Value("absolute").(*pyfmt.Object)
				if abs == nil {
					abs = pyfmt.NewObject()
				}
				rows := make([][]any, len(abs.Keys()))
				for i, k := range abs.Keys() {
					rows[i] = []any{k, abs.Value(k)}
				}
				return a.printList([]string{"Name", "Value"}, rows, 0)
			},
		},
		{
			name: "rate-limits",
			help: "Lists rate limits for a user.",
			args: tenant,
			run: func(ctx context.Context, args []string) error {
				o, err := a.limits(ctx, "rate-limits", args)
				if err != nil {
					return err
				}
				var rows [][]any
				groups, _ := o.Value("rate").([]any)
				for _, g := range groups {
					group, ok := g.(*pyfmt.Object)
					if !ok {
						continue
					}
					rates, _ := group.Value("limit").([]any)
					for _, r := range rates {
						rate, ok := r.(*pyfmt.Object)
						if !ok {
							continue
						}
						rows = append(rows, []any{rate.Value("verb"), group.Value("uri"), rate.Value("value"),
							rate.Value("remaining"), rate.Value("unit"), rate.Value("next-available")})
					}
				}
				return a.printList([]string{"Verb", "URI", "Value", "Remain", "Unit", "Next_Available"}, rows, 0)
			},
		},
	}
}

// limits fetches GET /limits (of args[0], the project, when given) and
// returns the server's "limits" object.
func (a *app) limits(ctx context.Context, cmd string, args []string) (*pyfmt.Object, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	var opts *limits.Options
	if len(args) > 0 && args[0] != "" {
		if err := a.needVersion(ctx, cmd+" <tenant_id>"); err != nil {
			return nil, err
		}
		opts = &limits.Options{ProjectID: args[0]}
	}
	rctx, rb := withRaw(ctx)
	l, err := c.Limits.Get(rctx, opts)
	if err != nil {
		return nil, err
	}
	return lastNamed(rb, "limits", l)
}
