package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/gocinder/cinder/internal/pyfmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
)

// Helpers shared by the snapshot, backup, transfer and attachment commands:
// rendering the captured JSON, list tables, bulk reports and common flags.

// rawObject returns the captured server JSON of the resource id (under
// singular or plural), or v converted when nothing was captured.
func rawObject(rb *rawBodies, singular, plural, id string, v any) (*pyfmt.Object, error) {
	if o := rb.find(singular, plural, id); o != nil {
		return o, nil
	}
	return orderedObject(v)
}

// printRaw prints a resource as cinderclient's show commands do: its
// server JSON (see rawObject) less the links, formatters as printDict's.
func (a *app) printRaw(rb *rawBodies, singular, plural, id string, v any, formatters ...string) error {
	o, err := rawObject(rb, singular, plural, id, v)
	if err != nil {
		return err
	}
	return a.printDict(without(o, "links"), "Property", formatters...)
}

// orderedObject converts a Go value to an ordered object.
func orderedObject(v any) (*pyfmt.Object, error) {
	o, err := pyfmt.FromValue(v)
	if err != nil {
		return nil, err
	}
	obj, ok := o.(*pyfmt.Object)
	if !ok {
		return nil, fmt.Errorf("cinder: unexpected %T where an object was expected", o)
	}
	return obj, nil
}

// lastObject returns the last captured JSON body, when it is an object.
func lastObject(rb *rawBodies) *pyfmt.Object {
	rb.mu.Lock()
	var last []byte
	if n := len(rb.bodies); n > 0 {
		last = rb.bodies[n-1]
	}
	rb.mu.Unlock()
	if last == nil {
		return nil
	}
	v, err := pyfmt.Decode(last)
	if err != nil {
		return nil
	}
	o, _ := v.(*pyfmt.Object)
	return o
}

// without returns a copy of o without the given keys.
func without(o *pyfmt.Object, keys ...string) *pyfmt.Object {
	out := pyfmt.NewObject()
	for _, k := range o.Keys() {
		if !contains(keys, k) {
			out.Set(k, o.Value(k))
		}
	}
	return out
}

// listRows picks the table columns from raw objects the way cinderclient's
// print_list does: the key is the column title in lower case with "_" for
// spaces; a missing key is "" or, with exclude, drops the column.
func listRows(raws []*pyfmt.Object, cols []string, exclude bool) ([]string, [][]any) {
	keyOf := func(col string) string { return strings.ReplaceAll(strings.ToLower(col), " ", "_") }
	var keep []string
	for _, col := range cols {
		ok := true
		if exclude {
			for _, o := range raws {
				if _, has := o.Get(keyOf(col)); !has {
					ok = false
					break
				}
			}
		}
		if ok {
			keep = append(keep, col)
		}
	}
	rows := make([][]any, len(raws))
	for i, o := range raws {
		for _, col := range keep {
			v, ok := o.Get(keyOf(col))
			if !ok {
				v = ""
			}
			rows[i] = append(rows[i], v)
		}
	}
	return keep, rows
}

// resetReport reports a multi-resource reset-state the way cinderclient
// does: a single failed resource is the error itself; with several, one
// line per failure, then allMsg when all failed (or how many did).
func (a *app) resetReport(refs []string, errs []error, failed func(string) string, allMsg, kind string) error {
	if len(refs) == 1 && errs[0] != nil {
		var ue *usageError
		if errors.As(errs[0], &ue) {
			return errs[0]
		}
		return errors.New(failed(refs[0]) + ": " + errorLine(errs[0]))
	}
	return a.bulkReport(refs, errs, failed, allMsg, "reset the state of", kind)
}

// allTenantsFlag registers cinderclient's --all-tenants [<0|1>].
func allTenantsFlag(fs *pflag.FlagSet, dst *int, meta string) {
	fs.IntVar(dst, "all-tenants", 0, "Shows details for all tenants. Admin only.")
	setMeta(fs, "all-tenants", meta)
	optValue(fs, "all-tenants", "1", "0", "1")
}

// envAllTenants applies env[ALL_TENANTS] when the flag was not given.
func (a *app) envAllTenants(n int) int {
	if n == 0 {
		if v, err := strconv.Atoi(a.getenv("ALL_TENANTS")); err == nil {
			return v
		}
	}
	return n
}

// kvFlag registers a nargs='*' key=value flag.
func kvFlag(fs *pflag.FlagSet, dst *[]string, name, help string) {
	fs.StringArrayVar(dst, name, nil, help)
	setMeta(fs, name, "[<key=value> ...]")
	multiValue(fs, name)
}

// strFlag registers a string flag with its metavar.
func strFlag(fs *pflag.FlagSet, dst *string, name, meta, def, help string) {
	fs.StringVar(dst, name, def, help)
	setMeta(fs, name, meta)
}

// withCountFlag registers --with-count [<True|False>].
func withCountFlag(fs *pflag.FlagSet, dst *string, what string) {
	fs.StringVar(dst, "with-count", "", "Show total number of "+what+" entities. This is useful when pagination is applied in the request.")
	setMeta(fs, "with-count", "<True|False>")
	optValue(fs, "with-count", "True", "True", "true", "False", "false")
}

// optBool reads an optional boolean flag value ("" is false).
func optBool(flag, s string) (bool, error) {
	if s == "" {
		return false, nil
	}
	return parseBool(flag, s)
}

// dedupe drops repeated words, keeping the first.
func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// resetOther is reset-state --type snapshot|backup.
func (a *app) resetOther(ctx context.Context, typ string, refs []string, state string) error {
	c, err := a.cinder(ctx) // before the goroutines: the client is made once
	if err != nil {
		return err
	}
	var errs []error
	if typ == "snapshot" {
		errs = a.resetSnapshots(ctx, c, refs, state)
	} else {
		errs = a.resetBackups(ctx, c, refs, state)
	}
	return a.bulkReport(refs, errs, func(ref string) string { return "Reset state for entity " + ref + " failed" },
		"Unable to reset the state for the specified entity(s).", "reset the state of", "entities")
}
