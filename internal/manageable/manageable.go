// Package manageable lists the resources on a backend that Cinder does not
// manage yet (GET /manageable_volumes/detail, /manageable_snapshots/detail),
// for the volumes and snapshots packages' ListManageable.
package manageable

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Options select the backend and page the list. The resource packages'
// ManageableListOptions have the same fields and convert to it.
type Options struct {
	Host    string
	Cluster string // since 3.17
	Limit   int
	Marker  string
	Offset  int
	Sort    string
}

// Since is the microversion from which Cinder lists manageable resources.
var Since = mv.V(3, 8)

// List yields the manageable resources of kind ("volumes", "snapshots"):
// GET /manageable_<kind>/detail, with opts (exactly one of Host and
// Cluster) checked and sort keys from keys.
func List[T any](ctx context.Context, rc *rest.Client, kind string, opts *Options, keys []string) iter.Seq2[T, error] {
	op := kind + ".ListManageable"
	if err := rc.Check(op, Since, mv.Version{}); err != nil {
		return pager.Failed[T](err)
	}
	q, err := opts.query(rc, kind, keys)
	return pager.List[T](ctx, rc, rest.Call{Op: op, Path: "manageable_" + kind + "/detail", Query: q, Since: Since},
		"manageable-"+kind, err)
}

func (o *Options) query(rc *rest.Client, kind string, keys []string) (url.Values, error) {
	if o == nil || (o.Host == "") == (o.Cluster == "") {
		return nil, fmt.Errorf("cinder: listing manageable %s needs exactly one of a host and a cluster", kind)
	}
	b := query.New(rc, kind+".ListManageable")
	b.Set("host", o.Host)
	b.SetSince("Cluster", "cluster", o.Cluster, mv.V(3, 17))
	if o.Limit < 0 || o.Offset < 0 {
		b.Fail(fmt.Errorf("cinder: limit %d and offset %d must not be negative", o.Limit, o.Offset))
	}
	b.Page(o.Limit, o.Marker, o.Sort, keys)
	if o.Offset > 0 {
		b.Set("offset", strconv.Itoa(o.Offset))
	}
	return b.Values()
}
