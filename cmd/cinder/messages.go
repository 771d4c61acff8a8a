package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/messages"
)

// findMessage returns the message with the given ID; an unknown ID gets
// cinderclient's message. Messages have no name.
func (a *app) findMessage(ctx context.Context, id string) (*messages.Message, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	m, err := c.Messages.Get(ctx, id)
	if errors.Is(err, cinder.ErrNotFound) {
		return nil, &lookupError{fmt.Sprintf("No message with a name or ID of '%s' exists.", id)}
	}
	return m, err
}

// messageCommands: message-list, message-show, message-delete (3.3).
func (a *app) messageCommands() []command {
	return []command{
		a.messageListCommand(),
		{
			name: "message-show",
			help: "Shows message details.",
			args: []posArg{{name: "<message>", help: "ID of message."}},
			run: func(ctx context.Context, args []string) error {
				rctx, rb := withRaw(ctx)
				m, err := a.findMessage(rctx, args[0])
				if err != nil {
					return err
				}
				return a.printRaw(rb, "message", "messages", m.ID, m)
			},
		},
		{
			name: "message-delete",
			help: "Removes one or more messages.",
			args: []posArg{{name: "<message>", many: true, help: "ID of one or more message to be deleted."}},
			run: func(ctx context.Context, refs []string) error {
				c, err := a.cinder(ctx)
				if err != nil {
					return err
				}
				errs := bulk(ctx, refs, func(ctx context.Context, ref string) error {
					m, err := a.findMessage(ctx, ref)
					if err != nil {
						return err
					}
					return c.Messages.Delete(ctx, m.ID)
				})
				return a.bulkReport(refs, errs, func(ref string) string { return "Delete for message " + ref + " failed" },
					"Unable to delete any of the specified messages.", "delete", "messages")
			},
		},
	}
}

func (a *app) messageListCommand() command {
	var (
		marker, sort, resourceUUID, resourceType, eventID, requestID, level string
		limit                                                               int
		filters                                                             []string
		flags                                                               *pflag.FlagSet
	)
	return command{
		name: "message-list",
		help: "Lists all messages.",
		flags: func(fs *pflag.FlagSet) {
			flags = fs
			strFlag(fs, &marker, "marker", "<marker>", "", "Begin returning message that appear later in the message list than that represented by this id. Default=None.")
			fs.IntVar(&limit, "limit", 0, "Maximum number of messages to return. Default=None.")
			setMeta(fs, "limit", "<limit>")
			strFlag(fs, &sort, "sort", "<key>[:<direction>]", "", "Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: "+
				strings.Join(messages.SortKeys(), ", ")+". Default=None.")
			strFlag(fs, &resourceUUID, "resource_uuid", "<resource_uuid>", "", "Filters results by a resource uuid. Default=None. "+filterDeprecated)
			strFlag(fs, &resourceType, "resource_type", "<type>", "", "Filters results by a resource type. Default=None. "+filterDeprecated)
			strFlag(fs, &eventID, "event_id", "<id>", "", "Filters results by event id. Default=None. "+filterDeprecated)
			strFlag(fs, &requestID, "request_id", "<request_id>", "", "Filters results by request id. Default=None. "+filterDeprecated)
			strFlag(fs, &level, "level", "<level>", "", "Filters results by the message level. Default=None. "+filterDeprecated)
			kvFlag(fs, &filters, "filters", "Filter key and value pairs. Please use 'cinder list-filters' to check enabled filters from server. Use 'key~=value' for inexact filtering if the key supports. Default=None.")
		},
		run: func(ctx context.Context, _ []string) error {
			if limit < 0 {
				return usagef("argument --limit: must not be negative")
			}
			opts := &messages.ListOptions{Limit: limit, Marker: marker, Sort: sort, ResourceUUID: resourceUUID,
				ResourceType: messages.ResourceType(strings.ToUpper(resourceType)), EventID: eventID, RequestID: requestID,
				Level: messages.Level(strings.ToUpper(level))}
			if len(filters) > 0 {
				f, err := a.extractFilters(filters)
				if err != nil {
					return err
				}
				opts.Filters = f
			}
			c, err := a.cinder(ctx)
			if err != nil {
				return err
			}
			raws, err := listRaw(ctx, c.Messages.List, opts, limit, zeroLimit(flags, limit), "messages")
			if err != nil {
				return err
			}
			cols, rows := listRows(raws, []string{"ID", "Resource Type", "Resource UUID", "Event ID", "User Message"}, false)
			return a.printList(cols, rows, sortColumn(sort))
		},
	}
}
