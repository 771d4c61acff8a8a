package main

import (
	"context"
	"fmt"
	"sync"
)

// bulkLimit bounds how many requests a multi-resource command has in
// flight (a variable for the benchmarks that compare it with 1).
var bulkLimit = 8

// bulk runs fn for every ref, at most bulkLimit at a time, and returns
// each ref's error in input order.
func bulk(ctx context.Context, refs []string, fn func(ctx context.Context, ref string) error) []error {
	return bulkAt(ctx, refs, func(ctx context.Context, _ int, ref string) error { return fn(ctx, ref) })
}

// bulkAt is bulk that also gives fn the position of ref in refs, the only
// safe key for per-ref results: a ref may be given twice ("delete A A").
func bulkAt(ctx context.Context, refs []string, fn func(ctx context.Context, i int, ref string) error) []error {
	errs := make([]error, len(refs))
	sem := make(chan struct{}, bulkLimit)
	var wg sync.WaitGroup
	for i, ref := range refs {
		wg.Go(func() {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			errs[i] = fn(ctx, i, ref)
		})
	}
	wg.Wait()
	return errs
}

// bulkReport prints on stderr, cinderclient style, one line per failed
// ref ("Delete for volume X failed: …"), then returns the summary error:
// all failed → allMsg; some failed → how many.
func (a *app) bulkReport(refs []string, errs []error, failed func(ref string) string, allMsg, verb, kind string) error {
	n := 0
	for i, err := range errs {
		if err != nil {
			n++
			fmt.Fprintf(a.stderr, "%s: %s\n", failed(refs[i]), errorLine(err))
		}
	}
	switch {
	case n == 0:
		return nil
	case n == len(refs):
		return fmt.Errorf("%s", allMsg)
	}
	return fmt.Errorf("Unable to %s %d of the %d specified %s.", verb, n, len(refs), kind)
}

// deleteEach deletes every ref with del, which returns the ID it deleted,
// and prints "Request to delete <noun> <ref> has been accepted." for each
// one that was; when waitGone is not nil it then waits for those to be
// gone. It reports the failures as bulkReport does, kind being the plural.
func (a *app) deleteEach(ctx context.Context, refs []string, noun, kind string,
	del func(ctx context.Context, ref string) (string, error), waitGone func(ctx context.Context, id string) error) error {
	ids := make([]string, len(refs))
	errs := bulkAt(ctx, refs, func(ctx context.Context, i int, ref string) error {
		id, err := del(ctx, ref)
		if err == nil {
			ids[i] = id
		}
		return err
	})
	for i, ref := range refs {
		if errs[i] == nil {
			fmt.Fprintf(a.stdout, "Request to delete %s %s has been accepted.\n", noun, ref)
		}
	}
	if waitGone != nil {
		werrs := bulkAt(ctx, refs, func(ctx context.Context, i int, _ string) error {
			if id := ids[i]; id != "" {
				return waitGone(ctx, id)
			}
			return nil
		})
		for i := range errs {
			if errs[i] == nil {
				errs[i] = werrs[i]
			}
		}
	}
	return a.bulkReport(refs, errs, func(ref string) string { return "Delete for " + noun + " " + ref + " failed" },
		"Unable to delete any of the specified "+kind+".", "delete", kind)
}
