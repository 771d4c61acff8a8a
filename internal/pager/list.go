package pager

import (
	"context"
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
