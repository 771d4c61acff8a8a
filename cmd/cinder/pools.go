package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/pools"
)

// poolCommands: get-pools and get-capabilities.
func (a *app) poolCommands() []command {
	return []command{a.getPoolsCommand(), {
		name: "get-capabilities",
		help: "Show backend volume stats and properties. Admin only.",
		args: []posArg{{name: "<host>", help: "Cinder host to show backend volume stats and properties; takes the form: host@backend-name"}},
		run: func(ctx context.Context, args []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			caps, err := c.Pools.Capabilities(rctx, args[0])
			if err != nil {
				return err
			}
			o := lastObject(rb)
			if o == nil {
				if o, err = orderedObject(caps); err != nil {
					return err
				}
			}
			if err := a.printDict(without(o, "properties"), "Volume stats"); err != nil {
				return err
			}
			props, _ := o.Get("properties")
			po, ok := props.(*pyfmt.Object)
			if !ok {
				po = pyfmt.NewObject()
			}
			return a.printDict(po, "Backend properties", po.Keys()...)
		},
	}}
}

func (a *app) getPoolsCommand() command {
	var detail bool
	var filters []string
	return command{
		name: "get-pools",
		help: "Show pool information for backends. Admin only.",
		flags: func(fs *pflag.FlagSet) {
			fs.BoolVar(&detail, "detail", false, "Show detailed information about pools.")
			fs.StringArrayVar(&filters, "filters", nil, "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server, Default=None.")
			setMeta(fs, "filters", "[<key=value> ...]")
			multiValue(fs, "filters")
		},
		run: func(ctx context.Context, _ []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			opts := &pools.ListOptions{Detail: detail}
			if len(filters) > 0 {
				f, err := a.extractFilters(filters)
				if err != nil {
					return err
				}
				if v, ok := f["name"]; ok {
					opts.Name = v
					delete(f, "name")
				}
				if v, ok := f["volume_type"]; ok {
					opts.VolumeType = v
					delete(f, "volume_type")
				}
				if len(f) > 0 {
					opts.Filters = f
				}
			}
			rctx, rb := withRaw(ctx)
			if _, err := c.Pools.List(rctx, opts); err != nil {
				return err
			}
			for _, p := range rb.objects("pools") {
				o := pyfmt.NewObject()
				if n, ok := p.Get("name"); ok {
					o.Set("name", n)
				}
				if detail {
					if cp, ok := p.Get("capabilities"); ok {
						if co, ok := cp.(*pyfmt.Object); ok {
							for _, k := range co.Keys() {
								o.Set(k, co.Value(k))
							}
						}
					}
				}
				if err := a.printDict(o, "Property"); err != nil {
					return err
				}
			}
			return nil
		},
	}
}
