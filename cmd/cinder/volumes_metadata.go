package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"slices"

	"github.com/gocinder/cinder/volumes"
)

// volumeMetadataCommands: metadata and image metadata.
func (a *app) volumeMetadataCommands() []command {
	return []command{
		{
			name: "metadata",
			help: "Sets or deletes volume metadata.",
			args: []posArg{
				{name: "<volume>", help: "Name or ID of volume for which to update metadata."},
				{name: "<action>", help: `The action. Valid values are "set" or "unset."`},
				{name: "<key=value>", many: true, help: "Metadata key and value pair to set or unset. For unset, specify only the key(s): <key key>"},
			},
			run: func(ctx context.Context, args []string) error {
				return a.setOrUnset(ctx, args, "\"set\" or \"unset.\"",
					func(ctx context.Context, m *volumes.Manager, id string, md map[string]string) error {
						_, err := m.SetMetadata(ctx, id, md)
						return err
					},
					func(ctx context.Context, m *volumes.Manager, id string, keys []string) error {
						return m.DeleteMetadata(ctx, id, keys...)
					})
			},
		},
		{
			name: "metadata-show",
			help: "Shows volume metadata.",
			args: []posArg{{name: "<volume>", help: "ID of volume."}},
			run: func(ctx context.Context, args []string) error {
				ctx, rb := withRaw(ctx)
				v, err := a.findVolume(ctx, args[0])
				if err != nil {
					return err
				}
				info, err := a.rawVolume(ctx, rb, v)
				if err != nil {
					return err
				}
				return a.printMetadataOf(info)
			},
		},
		{
			name: "metadata-update-all",
			help: "Updates volume metadata.",
			args: []posArg{
				{name: "<volume>", help: "ID of volume for which to update metadata."},
				{name: "<key=value>", many: true, help: "Metadata key and value pair or pairs to update."},
			},
			run: func(ctx context.Context, args []string) error {
				md, err := keyValues(args[1:])
				if err != nil {
					return err
				}
				v, m, err := a.volumeManager(ctx, args[0])
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				got, err := m.ReplaceMetadata(rctx, v.ID, md)
				if err != nil {
					return err
				}
				return a.printDict(rawMetadata(rb, got), "Metadata-property")
			},
		},
		{
			name: "image-metadata",
			help: "Sets or deletes volume image metadata.",
			args: []posArg{
				{name: "<volume>", help: "Name or ID of volume for which to update metadata."},
				{name: "<action>", help: "The action. Valid values are 'set' or 'unset.'"},
				{name: "<key=value>", many: true, help: "Metadata key and value pair to set or unset. For unset, specify only the key."},
			},
			run: func(ctx context.Context, args []string) error {
				return a.setOrUnset(ctx, args, "'set' or 'unset.'",
					func(ctx context.Context, m *volumes.Manager, id string, md map[string]string) error {
						_, err := m.SetImageMetadata(ctx, id, md)
						return err
					},
					func(ctx context.Context, m *volumes.Manager, id string, keys []string) error {
						for _, k := range keys {
							if err := m.UnsetImageMetadata(ctx, id, k); err != nil {
								return err
							}
						}
						return nil
					})
			},
		},
		{
			name: "image-metadata-show",
			help: "Shows volume image metadata.",
			args: []posArg{{name: "<volume>", help: "ID of volume."}},
			run: func(ctx context.Context, args []string) error {
				v, m, err := a.volumeManager(ctx, args[0])
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				got, err := m.ShowImageMetadata(rctx, v.ID)
				if err != nil {
					return err
				}
				return a.printDict(rawMetadata(rb, got), "Metadata-property")
			},
		},
	}
}

// setOrUnset runs "<volume> set|unset <key=value>…".
func (a *app) setOrUnset(ctx context.Context, args []string, valid string,
	set func(context.Context, *volumes.Manager, string, map[string]string) error,
	unset func(context.Context, *volumes.Manager, string, []string) error) error {
	action, _, md, err := setUnsetArgs(args[1], args[2:])
	if err != nil {
		return err
	}
	v, m, err := a.volumeManager(ctx, args[0])
	if err != nil {
		return err
	}
	if action == "set" {
		return set(ctx, m, v.ID, md)
	}
	keys := make([]string, 0, len(md))
	for k := range md {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	slices.Reverse(keys) // cinderclient's order
	return unset(ctx, m, v.ID, keys)
}

// printMetadataOf prints the "metadata" object of a resource's JSON (an
// empty table when it has none).
func (a *app) printMetadataOf(o *pyfmt.Object) error {
	md, _ := o.Value("metadata").(*pyfmt.Object)
	if md == nil {
		md = pyfmt.NewObject()
	}
	return a.printDict(md, "Metadata-property")
}

// rawMetadata is the "metadata" object of the last captured response, or md.
func rawMetadata(rb *rawBodies, md map[string]string) *pyfmt.Object {
	rb.mu.Lock()
	n := len(rb.bodies)
	var last []byte
	if n > 0 {
		last = rb.bodies[n-1]
	}
	rb.mu.Unlock()
	if last != nil {
		if v, err := pyfmt.Decode(last); err == nil {
			if o, ok := v.(*pyfmt.Object); ok {
				if m, ok := o.Value("metadata").(*pyfmt.Object); ok {
					return m
				}
			}
		}
	}
	out := pyfmt.NewObject()
	keys := make([]string, 0, len(md))
	for k := range md {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out.Set(k, md[k])
	}
	return out
}
