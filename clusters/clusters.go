package clusters

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues cluster requests. Get one from cinder.Client.Clusters.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

var since = mv.V(3, 7)

// Status tells whether a cluster takes new work.
type Status string

// Statuses.
const (
	StatusEnabled  Status = "enabled"
	StatusDisabled Status = "disabled"
)

// State is "up" when at least one of the cluster's services is up.
type State string

// States.
const (
	StateUp   State = "up"
	StateDown State = "down"
)

// Cluster is a named group of services of one binary. Summaries (from
// ListSummary, Enable and Disable) carry Name, Binary, State, Status and
// ReplicationStatus only (Enable and Disable add DisabledReason).
type Cluster struct {
	Name   string `json:"name"`   // the cluster's name
	Binary string `json:"binary"` // the services' binary, e.g. cinder-volume
	State  State  `json:"state"`  // up when at least one of its services is up
	Status Status `json:"status"` // enabled or disabled

	NumHosts      int       `json:"num_hosts"`      // number of services in the cluster
	NumDownHosts  int       `json:"num_down_hosts"` // number of them that are down
	LastHeartbeat time.Time `json:"-"`              // zero when no service ever reported
	CreatedAt     time.Time `json:"-"`              // wire: created_at, no zone, UTC
	UpdatedAt     time.Time `json:"-"`              // wire: updated_at; zero when never updated

	DisabledReason string `json:"disabled_reason"` // why the cluster was disabled, if a reason was given

	ReplicationStatus string `json:"replication_status"` // since 3.26
	Frozen            bool   `json:"frozen"`             // since 3.26
	ActiveBackendID   string `json:"active_backend_id"`  // since 3.26
}

// UnmarshalJSON decodes Cinder's zone-less timestamps ("" when unset).
func (c *Cluster) UnmarshalJSON(data []byte) error {
	type plain Cluster
	var w struct {
		*plain
		LastHeartbeat jsonx.Time `json:"last_heartbeat"`
		CreatedAt     jsonx.Time `json:"created_at"`
		UpdatedAt     jsonx.Time `json:"updated_at"`
	}
	w.plain = (*plain)(c)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	c.LastHeartbeat, c.CreatedAt, c.UpdatedAt = w.LastHeartbeat.Time, w.CreatedAt.Time, w.UpdatedAt.Time
	return nil
}

// Get returns the cluster name. binary "" means cinder-volume. Cinder
// (checked on Zed) ignores the binary, and always shows the cinder-volume
// cluster of that name.
// GET /clusters/{name}. Requires microversion 3.7.
func (m *Manager) Get(ctx context.Context, name, binary string) (*Cluster, error) {
	if name == "" {
		return nil, errors.New("cinder: clusters.Get needs a cluster name")
	}
	var q url.Values
	if binary != "" {
		q = url.Values{"binary": {binary}}
	}
	var env struct {
		Cluster Cluster `json:"cluster"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "clusters.Get", Path: rest.Path("clusters", name), Query: q, Since: since}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Cluster, nil
}

// Enable lets the scheduler send work to the cluster again; binary ""
// means cinder-volume. Cinder answers with the cluster's summary.
// PUT /clusters/enable. Requires microversion 3.7.
func (m *Manager) Enable(ctx context.Context, name, binary string) (*Cluster, error) {
	body := struct {
		Name   string `json:"name"`
		Binary string `json:"binary,omitempty"`
	}{name, binary}
	return m.update(ctx, "clusters.Enable", "enable", name, body)
}

// DisableRequest names the cluster to disable and, optionally, why.
type DisableRequest struct {
	Name   string // the cluster's name (required)
	Binary string // "" means cinder-volume
	Reason string // stored as disabled_reason
}

// Disable stops the scheduler from sending work to the cluster. Cinder
// answers with the cluster's summary.
// PUT /clusters/disable. Requires microversion 3.7.
func (m *Manager) Disable(ctx context.Context, r DisableRequest) (*Cluster, error) {
	body := struct {
		Name   string `json:"name"`
		Binary string `json:"binary,omitempty"`
		Reason string `json:"disabled_reason,omitempty"`
	}{r.Name, r.Binary, r.Reason}
	return m.update(ctx, "clusters.Disable", "disable", r.Name, body)
}

func (m *Manager) update(ctx context.Context, op, action, name string, body any) (*Cluster, error) {
	if name == "" {
		return nil, errors.New("cinder: " + op + " needs a cluster name")
	}
	var env struct {
		Cluster Cluster `json:"cluster"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: op, Method: http.MethodPut, Path: rest.Path("clusters", action), Body: body, Since: since}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Cluster, nil
}
