package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/qos"
)

// findQoS resolves a QoS spec name or ID (qos.Find), with cinderclient's
// messages ("qosspecs") when nothing or several match.
func (a *app) findQoS(ctx context.Context, ref string) (*qos.Spec, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	s, err := c.QoS.Find(ctx, ref, lookupAll)
	var amb *cinder.AmbiguousError
	if errors.As(err, &amb) {
		return nil, &lookupError{fmt.Sprintf("Multiple qosspecs matches found for '%s', use an ID to be more specific.", ref)}
	}
	return s, lookupErr("qosspecs", ref, err)
}

// qosArg is the <qos_specs> argument of the commands that, like
// cinderclient's, send it to the server as given (an ID).
var qosArg = posArg{name: "<qos_specs>", help: "ID of QoS specifications."}

// qosTypeArg is the <volume_type_id> of qos-associate and qos-disassociate.
var qosTypeArg = posArg{name: "<volume_type_id>", help: "ID of volume type with which to associate QoS specifications."}

// qosCommands: the QoS specs commands.
func (a *app) qosCommands() []command {
	return []command{
		{
			name: "qos-create",
			help: "Creates a qos specs.",
			args: []posArg{
				{name: "<name>", help: "Name of new QoS specifications."},
				{name: "<key=value>", many: true, help: "QoS specifications."},
			},
			run: func(ctx context.Context, args []string) error {
				specs, err := keyValues(args[1:])
				if err != nil {
					return err
				}
				req := qos.CreateRequest{Name: args[0], Specs: specs}
				if v, ok := specs["consumer"]; ok {
					req.Consumer = qos.Consumer(v)
					delete(specs, "consumer")
				}
				delete(specs, "name") // the positional <name> wins, as in cinderclient
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				s, err := c.QoS.Create(rctx, req)
				if err != nil {
					return err
				}
				return a.printQoS(rb, s)
			},
		},
		{
			name: "qos-list",
			help: "Lists qos specs.",
			run: func(ctx context.Context, _ []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				var list []qos.Spec
				for s, err := range c.QoS.List(rctx, nil) {
					if err != nil {
						return err
					}
					list = append(list, s)
				}
				raws := rb.objects("qos_specs")
				if len(raws) != len(list) {
					raws = raws[:0]
					for _, s := range list {
						o, err := orderedObject(s)
						if err != nil {
							return err
						}
						raws = append(raws, o)
					}
				}
				cols, rows := listRows(raws, []string{"ID", "Name", "Consumer", "specs"}, false)
				return a.printList(cols, rows, 0)
			},
		},
		{
			name: "qos-show",
			help: "Shows qos specs details.",
			args: []posArg{{name: "<qos_specs>", help: "ID of QoS specifications to show."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				s, err := a.findQoS(rctx, args[0])
				if err != nil {
					return err
				}
				return a.printQoS(rb, s)
			},
		},
		a.qosDeleteCommand(),
		{
			name: "qos-associate",
			help: "Associates qos specs with specified volume type.",
			args: []posArg{qosArg, qosTypeArg},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.QoS.Associate(ctx, args[0], args[1])
			},
		},
		{
			name: "qos-disassociate",
			help: "Disassociates qos specs from specified volume type.",
			args: []posArg{qosArg, qosTypeArg},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.QoS.Disassociate(ctx, args[0], args[1])
			},
		},
		{
			name: "qos-disassociate-all",
			help: "Disassociates qos specs from all its associations.",
			args: []posArg{{name: "<qos_specs>", help: "ID of QoS specifications on which to operate."}},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				return c.QoS.DisassociateAll(ctx, args[0])
			},
		},
		{
			name: "qos-get-association",
			help: "Lists all associations for specified qos specs.",
			args: []posArg{qosArg},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				list, err := c.QoS.Associations(rctx, args[0])
				if err != nil {
					return err
				}
				raws := rb.objects("qos_associations")
				if len(raws) != len(list) {
					raws = raws[:0]
					for _, as := range list {
						o, err := orderedObject(as)
						if err != nil {
							return err
						}
						raws = append(raws, o)
					}
				}
				cols, rows := listRows(raws, []string{"Association_Type", "Name", "ID"}, false)
				return a.printList(cols, rows, 0)
			},
		},
		{
			name: "qos-key",
			help: "Sets or unsets specifications for a qos spec.",
			args: []posArg{
				qosArg,
				{name: "<action>", help: `The action. Valid values are "set" or "unset."`},
				{name: "key=value", many: true, help: "Metadata key and value pair to set or unset. For unset, specify only the key."},
			},
			run: func(ctx context.Context, args []string) error {
				action, keys, specs, err := setUnsetArgs(args[1], args[2:])
				if err != nil {
					return err
				}
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				if action == "set" {
					return c.QoS.SetKeys(ctx, args[0], specs)
				}
				return c.QoS.UnsetKeys(ctx, args[0], keys...)
			},
		},
	}
}

func (a *app) qosDeleteCommand() command {
	var force string
	return command{
		name: "qos-delete",
		help: "Deletes a specified qos specs.",
		args: []posArg{{name: "<qos_specs>", help: "ID of QoS specifications to delete."}},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &force, "force", "<True|False>", "False", "Enables or disables deletion of in-use QoS specifications. Default=False.")
			optValue(fs, "force", "True", "True", "False", "true", "false")
		},
		run: func(ctx context.Context, args []string) error {
			f, err := strictBool(force)
			if err != nil {
				return err
			}
			s, err := a.findQoS(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			return c.QoS.Delete(ctx, s.ID, &qos.DeleteOptions{Force: f})
		},
	}
}

// printQoS prints a QoS spec as cinderclient's print_qos_specs: the
// server's qos_specs object, specs one "key : value" line each.
func (a *app) printQoS(rb *rawBodies, s *qos.Spec) error {
	o, err := rawObject(rb, "qos_specs", "qos_specs", s.ID, s)
	if err != nil {
		return err
	}
	return a.printDict(o, "Property", "specs")
}
