package main

import (
	"context"
	"fmt"
	"sync"
)

// bulkLimit bounds how many requests a multi-resource command has in flight.
const bulkLimit = 8

// bulk runs fn for every ref, at most bulkLimit at a time, and returns
// each ref's error in input order.
func bulk(ctx context.Context, refs []string, fn func(ctx context.Context, ref string) error) []error {
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
			errs[i] = fn(ctx, ref)
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
