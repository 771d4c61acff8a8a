package manageable

import (
	"context"
	"iter"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// ListSummary yields the summary view of the manageable resources of kind
// ("volumes", "snapshots"): GET /manageable_<kind>, with the same options
// and checks as List.
func ListSummary[T any](ctx context.Context, rc *rest.Client, kind string, opts *Options, keys []string) iter.Seq2[T, error] {
	op := kind + ".ListManageableSummary"
	if err := rc.Check(op, Since, mv.Version{}); err != nil {
		return pager.Failed[T](err)
	}
	q, err := opts.query(rc, kind, keys)
	return pager.List[T](ctx, rc, rest.Call{Op: op, Path: "manageable_" + kind, Query: q, Since: Since},
		"manageable-"+kind, err)
}
