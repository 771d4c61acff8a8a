package clusters

import (
	"context"
	"net/url"
	"strconv"

	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// ListOptions filter a cluster list. A nil *ListOptions lists every
// cluster. Cinder answers 400 to the replication filters before 3.26; the
// client refuses them first.
type ListOptions struct {
	Name         string // exact cluster name
	Binary       string // only clusters of this binary, e.g. cinder-volume
	IsUp         *bool  // only clusters that are up (true) or down (false)
	Disabled     *bool  // only disabled (true) or enabled (false) clusters
	NumHosts     *int   // only clusters with this many services
	NumDownHosts *int   // only clusters with this many services down

	ReplicationStatus string // since 3.26
	Frozen            *bool  // since 3.26
	ActiveBackendID   string // since 3.26
}

func (o *ListOptions) query(rc *rest.Client, op string) (url.Values, error) {
	b := query.New(rc, op)
	if o == nil {
		return b.Values()
	}
	b.Set("name", o.Name)
	b.Set("binary", o.Binary)
	b.Bool("IsUp", "is_up", o.IsUp, mv.Version{})
	b.Bool("Disabled", "disabled", o.Disabled, mv.Version{})
	if o.NumHosts != nil {
		b.Set("num_hosts", strconv.Itoa(*o.NumHosts))
	}
	if o.NumDownHosts != nil {
		b.Set("num_down_hosts", strconv.Itoa(*o.NumDownHosts))
	}
	rep := mv.V(3, 26)
	b.SetSince("ReplicationStatus", "replication_status", o.ReplicationStatus, rep)
	b.Bool("Frozen", "frozen", o.Frozen, rep)
	b.SetSince("ActiveBackendID", "active_backend_id", o.ActiveBackendID, rep)
	return b.Values()
}

// List returns the clusters matching opts, with details.
// GET /clusters/detail. Requires microversion 3.7.
func (m *Manager) List(ctx context.Context, opts *ListOptions) ([]Cluster, error) {
	return m.list(ctx, "clusters.List", "clusters/detail", opts)
}

// ListSummary returns the clusters matching opts as summaries (name,
// binary, state, status, replication status).
// GET /clusters. Requires microversion 3.7.
func (m *Manager) ListSummary(ctx context.Context, opts *ListOptions) ([]Cluster, error) {
	return m.list(ctx, "clusters.ListSummary", "clusters", opts)
}

func (m *Manager) list(ctx context.Context, op, path string, opts *ListOptions) ([]Cluster, error) {
	if err := m.rc.Check(op, since, mv.Version{}); err != nil {
		return nil, err
	}
	q, err := opts.query(m.rc, op)
	if err != nil {
		return nil, err
	}
	var env struct {
		Clusters []Cluster `json:"clusters"`
	}
	if err := m.rc.Do(ctx, rest.Call{Op: op, Path: path, Query: q, Since: since}, &env); err != nil {
		return nil, err
	}
	return env.Clusters, nil
}
