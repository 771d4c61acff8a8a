package pager

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"maps"
	"net/url"

	"github.com/gocinder/cinder/internal/rest"
)

// The helpers below serve the resource packages' List, ListPage and Count
// methods, whose query is built (and microversion-checked) first: a non-nil
// qerr is that build's error, returned without sending anything.

// Failed is a sequence that yields err once.
func Failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// List is Seq, or Failed(qerr) when qerr is set.
func List[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, qerr error) iter.Seq2[T, error] {
	if qerr != nil {
		return Failed[T](qerr)
	}
	return Seq[T](ctx, rc, call, key)
}

// ListVia is SeqVia, or Failed(qerr) when qerr is set.
func ListVia[W, T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, qerr error, conv func(*W) T) iter.Seq2[T, error] {
	if qerr != nil {
		return Failed[T](qerr)
	}
	return SeqVia(ctx, rc, call, key, conv)
}

// ListPageVia is ListPage through a wire type, as SeqVia.
func ListPageVia[W, T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, qerr error, conv func(*W) T) ([]T, string, error) {
	if qerr != nil {
		return nil, "", qerr
	}
	p, err := FirstVia(ctx, rc, call, key, conv)
	return p.Items, p.Next, err
}

// ListPage returns the first page's items and the marker of the next page
// ("" on the last page), or qerr when it is set.
func ListPage[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, qerr error) ([]T, string, error) {
	if qerr != nil {
		return nil, "", qerr
	}
	p, err := First[T](ctx, rc, call, key)
	return p.Items, p.Next, err
}

// Count returns the server's total of the collection (with_count): it asks
// for one item from the start. call.Since (3.45 for Cinder's counts) is
// checked before qerr, so an old client hears about the count first.
func Count(ctx context.Context, rc *rest.Client, call rest.Call, key string, qerr error) (int, error) {
	if err := rc.Check(call.Op, call.Since, call.Until); err != nil {
		return 0, err
	}
	if qerr != nil {
		return 0, qerr
	}
	q := maps.Clone(call.Query)
	if q == nil {
		q = url.Values{}
	}
	q.Del("marker")
	q.Set("limit", "1")
	q.Set("with_count", "true")
	call.Query = q
	p, err := First[struct{}](ctx, rc, call, key)
	if err != nil {
		return 0, err
	}
	if p.Count < 0 {
		return 0, fmt.Errorf("cinder: the server sent no count of %s", key)
	}
	return p.Count, nil
}

// ByMarker pages a collection whose answers carry no next link (Cinder's
// attachments): after a full page (limit items) it asks again with
// marker = the last item's ID; a limit of 0 asks once. A marker that
// repeats ends with an error instead of spinning; qerr, when set, is
// yielded at once.
func ByMarker[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, qerr error, limit int, id func(T) string) iter.Seq2[T, error] {
	if qerr != nil {
		return Failed[T](qerr)
	}
	return func(yield func(T, error) bool) {
		var zero T
		for {
			p, err := First[T](ctx, rc, call, key)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, v := range p.Items {
				if err := ctx.Err(); err != nil {
					yield(zero, err)
					return
				}
				if !yield(v, nil) {
					return
				}
			}
			next := NextMarker(limit, p.Items, id)
			if next == "" {
				return
			}
			if next == call.Query.Get("marker") {
				yield(zero, fmt.Errorf("cinder: %s pagination repeats marker %s", key, next))
				return
			}
			call.Query = maps.Clone(call.Query)
			if call.Query == nil {
				call.Query = url.Values{}
			}
			call.Query.Set("marker", next)
		}
	}
}

// ByMarkerPage is ByMarker's one page: the items and the marker of the next
// page (the last ID of a full page, else "").
func ByMarkerPage[T any](ctx context.Context, rc *rest.Client, call rest.Call, key string, qerr error, limit int, id func(T) string) ([]T, string, error) {
	if qerr != nil {
		return nil, "", qerr
	}
	p, err := First[T](ctx, rc, call, key)
	if err != nil {
		return nil, "", err
	}
	return p.Items, NextMarker(limit, p.Items, id), nil
}

// NextMarker is the last item's ID when the page is full (limit > 0 items),
// else "".
func NextMarker[T any](limit int, items []T, id func(T) string) string {
	if limit <= 0 || len(items) < limit {
		return ""
	}
	return id(items[len(items)-1])
}

// OrAll yields first or, when first fails at once with a 400 (Cinder
// refusing a filter, e.g. a non-admin's name filter from 3.33 on), all.
// An error after first has yielded an item is yielded as it is.
func OrAll[T any](first, all iter.Seq2[T, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		started := false
		for v, err := range first {
			if err != nil && !started && errors.Is(err, rest.ErrBadRequest) {
				break
			}
			started = true
			if !yield(v, err) || err != nil {
				return
			}
		}
		if started {
			return
		}
		for v, err := range all {
			if !yield(v, err) || err != nil {
				return
			}
		}
	}
}
