package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/gocinder/cinder/attachments"
)

// attachmentCommands: the attachment-* commands (microversion 3.27 on).
func (a *app) attachmentCommands() []command {
	return []command{
		a.attachmentBulkCommand("attachment-complete", "Complete an attachment for a cinder volume.",
			"Complete", "complete", func(ctx context.Context, m *attachments.Manager, id string) error { return m.Complete(ctx, id) }),
		a.attachmentCreateCommand(),
		a.attachmentBulkCommand("attachment-delete", "Delete an attachment for a cinder volume.",
			"Delete", "delete", func(ctx context.Context, m *attachments.Manager, id string) error { return m.Delete(ctx, id) }),
		a.attachmentListCommand(),
		{
			name: "attachment-show",
			help: "Show detailed information for attachment.",
			args: []posArg{{name: "<attachment>", help: "ID of attachment."}},
			run: func(ctx context.Context, args []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				rctx, rb := withRaw(ctx)
				at, err := c.Attachments.Get(rctx, args[0])
				if err != nil {
					return err
				}
				return a.printAttachment(rb, at)
			},
		},
		a.attachmentUpdateCommand(),
	}
}

// attachmentBulkCommand is a command that runs fn on one or more attachment IDs.
func (a *app) attachmentBulkCommand(name, help, verb, lower string,
	fn func(context.Context, *attachments.Manager, string) error) command {
	return command{
		name: name,
		help: help,
		args: []posArg{{name: "<attachment>", many: true, help: "ID of attachment or attachments to delete."}},
		run: func(ctx context.Context, refs []string) error {
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			errs := bulk(ctx, refs, func(ctx context.Context, id string) error { return fn(ctx, c.Attachments, id) })
			return a.bulkReport(refs, errs, func(ref string) string { return verb + " for attachment " + ref + " failed" },
				"Unable to "+lower+" any of the specified attachments.", lower, "attachments")
		},
	}
}

// printAttachment prints the attachment and, when there is one, its
// connection_info as a second table, as cinderclient does. Other formats
// get the one object.
func (a *app) printAttachment(rb *rawBodies, at *attachments.Attachment) error {
	o, err := rawObject(rb, "attachment", "attachments", at.ID, at)
	if err != nil {
		return err
	}
	if a.g.format != "table" || len(a.g.columns) > 0 {
		return a.printDict(o, "Property")
	}
	if err := a.printDict(without(o, "connection_info"), "Property"); err != nil {
		return err
	}
	if ci, ok := o.Value("connection_info").(*pyfmt.Object); ok && len(ci.Keys()) > 0 {
		return a.printDict(ci, "Property")
	}
	return nil
}

// connectorFlags registers the connector options of attachment-create and
// -update and returns a function that builds the connector.
func connectorFlags(fs *pflag.FlagSet) func() (*attachments.Connector, error) {
	var initiator, ip, host, platform, ostype, multipath, mountpoint string
	strFlag(fs, &initiator, "initiator", "<initiator>", "", "iqn of the initiator attaching to. Default=None.")
	strFlag(fs, &ip, "ip", "<ip>", "", "ip of the system attaching to. Default=None.")
	strFlag(fs, &host, "host", "<host>", "", "Name of the host attaching to. Default=None.")
	strFlag(fs, &platform, "platform", "<platform>", "x86_64", "Platform type. Default=x86_64.")
	strFlag(fs, &ostype, "ostype", "<ostype>", "linux2", "OS type. Default=linux2.")
	strFlag(fs, &multipath, "multipath", "<multipath>", "False", "Use multipath. Default=False.")
	strFlag(fs, &mountpoint, "mountpoint", "<mountpoint>", "", "Mountpoint volume will be attached at. Default=None.")
	return func() (*attachments.Connector, error) {
		mp, err := parseBool("--multipath", multipath)
		if err != nil {
			return nil, err
		}
		conn := &attachments.Connector{Initiator: initiator, IP: ip, Host: host, Platform: platform, OSType: ostype, Multipath: mp}
		if mountpoint != "" {
			conn.Extra = map[string]any{"mountpoint": mountpoint}
		}
		return conn, nil
	}
}

func (a *app) attachmentCreateCommand() command {
	var connect, mode string
	var connector func() (*attachments.Connector, error)
	return command{
		name: "attachment-create",
		help: "Create an attachment for a cinder volume.",
		args: []posArg{
			{name: "<volume>", help: "Name or ID of volume or volumes to attach."},
			{name: "<server_id>", optional: true, help: "ID of server attaching to."},
		},
		flags: func(fs *pflag.FlagSet) {
			strFlag(fs, &connect, "connect", "<connect>", "False", "Make an active connection using provided connector info (True or False).")
			connector = connectorFlags(fs)
			strFlag(fs, &mode, "mode", "<mode>", "null", "Mode of attachment, rw, ro and null, where null indicates we want to honor any existing admin-metadata settings. Default=null.")
		},
		run: func(ctx context.Context, args []string) error {
			conn, err := strictBool(connect)
			if err != nil {
				return err
			}
			req := attachments.CreateRequest{}
			if len(args) > 1 {
				req.InstanceID = args[1]
			}
			if conn {
				if req.Connector, err = connector(); err != nil {
					return err
				}
			}
			switch mode {
			case "null", "":
			case "rw", "ro":
				req.Mode = attachments.Mode(mode)
			default:
				return usagef("argument --mode: invalid choice: '%s' (choose from 'rw', 'ro', 'null')", mode)
			}
			v, err := a.findVolume(ctx, args[0])
			if err != nil {
				return err
			}
			req.VolumeID = v.ID
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			at, err := c.Attachments.Create(rctx, req)
			if err != nil {
				return err
			}
			return a.printAttachment(rb, at)
		},
	}
}

func (a *app) attachmentUpdateCommand() command {
	var connector func() (*attachments.Connector, error)
	return command{
		name: "attachment-update",
		help: "Update an attachment for a cinder volume. This call is designed to be more of an attachment completion than anything else. It expects the value of a connector object to notify the driver that the volume is going to be connected and where it's being connected to.",
		args: []posArg{{name: "<attachment>", help: "ID of attachment."}},
		flags: func(fs *pflag.FlagSet) {
			connector = connectorFlags(fs)
		},
		run: func(ctx context.Context, args []string) error {
			conn, err := connector()
			if err != nil {
				return err
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			rctx, rb := withRaw(ctx)
			at, err := c.Attachments.Update(rctx, args[0], *conn)
			if err != nil {
				return err
			}
			return a.printAttachment(rb, at)
		},
	}
}

func (a *app) attachmentListCommand() command {
	var volumeID, status, marker, sort, tenant string
	var allTenants, limit int
	var filters []string
	var flags *pflag.FlagSet
	return command{
		name: "attachment-list",
		help: "Lists all attachments.",
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			allTenantsFlag(fs, &allTenants, "<0|1>")
			strFlag(fs, &volumeID, "volume-id", "<volume-id>", "", "Filters results by a volume ID. Default=None. "+filterDeprecated)
			strFlag(fs, &status, "status", "<status>", "", "Filters results by a status. Default=None. "+filterDeprecated)
			strFlag(fs, &marker, "marker", "<marker>", "", "Begin returning attachments that appear later in attachment list than that represented by this id. Default=None.")
			fs.IntVar(&limit, "limit", 0, "Maximum number of attachments to return. Default=None.")
			setMeta(fs, "limit", "<limit>")
			strFlag(fs, &sort, "sort", "<key>[:<direction>]", "", "Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: "+strings.Join(attachments.SortKeys(), ", ")+". Default=None.")
			strFlag(fs, &tenant, "tenant", "<tenant>", "", "Display information from single tenant (Admin only).")
			optValue(fs, "tenant", " ", "*")
			kvFlag(fs, &filters, "filters", "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server. Use 'key~=value' for inexact filtering if the key supports. Default=None.")
		},
		run: func(ctx context.Context, _ []string) error {
			if limit < 0 {
				return usagef("argument --limit: must not be negative")
			}
			tenant = strings.TrimSpace(tenant)
			if tenant == "" {
				allTenants = a.envAllTenants(allTenants)
			}
			opts := &attachments.ListOptions{Limit: limit, Marker: marker, Sort: sort,
				AllTenants: allTenants != 0 || tenant != "", VolumeID: volumeID, Status: attachments.Status(status)}
			var err error
			if opts.Filters, err = keyValues(filters); err != nil {
				return err
			}
			if tenant != "" { // the SDK has no project filter of its own
				if opts.Filters == nil {
					opts.Filters = map[string]string{}
				}
				opts.Filters["project_id"] = tenant
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			raws, err := listRaw(ctx, c.Attachments.ListRefs, // GET /attachments, as cinderclient
				opts, limit, zeroLimit(flags, limit), "attachments")
			if err != nil {
				return err
			}
			for _, o := range raws {
				o.Set("server_id", o.Value("instance"))
			}
			cols, rows := listRows(raws, []string{"ID", "Volume ID", "Status", "Server ID"}, false)
			return a.printList(cols, rows, sortColumn(sort))
		},
	}
}
