package main

import (
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"iter"

	"github.com/spf13/pflag"
)

// listRaw runs list(ctx, opts), stopping after limit items when limit is
// positive, and returns the server's JSON objects under key, one per item
// read. With none (--limit 0) it sends nothing and returns no object.
func listRaw[O, T any](ctx context.Context, list func(context.Context, O) iter.Seq2[T, error], opts O, limit int, none bool, key string) ([]*pyfmt.Object, error) {
	if none {
		return nil, nil
	}
	rctx, rb := withRaw(ctx)
	n := 0
	for _, err := range list(rctx, opts) {
		if err != nil {
			return nil, err
		}
		n++
		if limit > 0 && n >= limit {
			break
		}
	}
	raws := rb.objects(key)
	return raws[:min(n, len(raws))], nil
}

// zeroLimit reports whether --limit 0 was given. cinderclient then sends
// limit=0, and Cinder answers with an empty list; the SDK reads a zero
// Limit as "the server's default", so the CLI asks for nothing instead.
func zeroLimit(fs *pflag.FlagSet, limit int) bool {
	return fs != nil && fs.Changed("limit") && limit == 0
}

// listAllRaw runs list(ctx, opts) to the end and returns the server's JSON
// objects under key or, when the capture does not match the items, the
// items themselves as objects.
func listAllRaw[O, T any](ctx context.Context, list func(context.Context, O) iter.Seq2[T, error], opts O, key string) ([]*pyfmt.Object, error) {
	rctx, rb := withRaw(ctx)
	var items []T
	for t, err := range list(rctx, opts) {
		if err != nil {
			return nil, err
		}
		items = append(items, t)
	}
	raws := rb.objects(key)
	if len(raws) == len(items) {
		return raws, nil
	}
	out := make([]*pyfmt.Object, len(items))
	for i := range items {
		var err error
		if out[i], err = orderedObject(items[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sortColumn is the column printList sorts by: the first, unless the user
// asked the server for an order (then none).
func sortColumn(sort string) int {
	if sort != "" {
		return -1
	}
	return 0
}

// setOrUnsetKeys applies a checked set|unset action: set with the whole
// map, or unset one key at a time, in the order given.
func setOrUnsetKeys(action string, keys []string, specs map[string]string, set func(map[string]string) error, unset func(key string) error) error {
	if action == "set" {
		return set(specs)
	}
	for _, k := range keys {
		if err := unset(k); err != nil {
			return err
		}
	}
	return nil
}

// manageableHost reads the optional <host> of a manageable-list command;
// exactly one of it and --cluster must be given.
func manageableHost(args []string, cluster string) (string, error) {
	host := ""
	if len(args) > 0 {
		host = args[0]
	}
	if (host == "") == (cluster == "") {
		return "", usagef("one of the arguments <host> --cluster is required (and only one)")
	}
	return host, nil
}
