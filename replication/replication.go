// Package replication drives back-end replication in one place: freezing
// and thawing a replicating back end, failing a host or a cluster over to a
// replication target (and back), and the replication status of the volume
// services (/v3/{project_id}/os-services). Plain service administration
// (enable, disable, log levels) stays in package services; replication of a
// generic volume group is a groups action (groups.EnableReplication, …).
// All of it is admin only. Get the Manager from cinder.Client.Replication.
package replication

import (
	"context"
	"errors"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/services"
)

// Manager issues replication requests. Get one from cinder.Client.Replication.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status returns the volume services (one per back end, host@backend) with
// their replication state: ReplicationStatus ("disabled", "enabled",
// "failed-over", "failing-over", "error"), ActiveBackendID after a failover,
// and Frozen. host, when set, keeps that back end only.
// GET /os-services?binary=cinder-volume[&host=…]
func (m *Manager) Status(ctx context.Context, host string) ([]services.Service, error) {
	return rest.New[services.Manager](m.rc).List(ctx, &services.ListOptions{Binary: services.BinaryVolume, Host: host})
}

// Target names the back end of Freeze, Thaw and Failover: exactly one of
// a volume service's host ("node1@lvm") or a cluster (since 3.26).
type Target struct {
	Host    string `json:"host,omitempty"`    // a volume service's host, e.g. node1@lvm
	Cluster string `json:"cluster,omitempty"` // a cluster's name (since 3.26)
}

func (t Target) call(op, action string) (rest.Call, error) {
	if (t.Host == "") == (t.Cluster == "") {
		return rest.Call{}, errors.New("cinder: " + op + " needs a host or a cluster, not both")
	}
	c := rest.Call{Op: op, Method: http.MethodPut, Path: rest.Path("os-services", action), Body: t}
	if t.Cluster != "" {
		c.Since = mv.V(3, 26)
	}
	return c, nil
}

// Freeze stops management operations (create, delete, extend, …) on a
// replicating back end; its volumes stay usable. Cinder answers 400 when
// the back end is frozen already.
// PUT /os-services/freeze. A Cluster target requires microversion 3.26.
func (m *Manager) Freeze(ctx context.Context, t Target) error {
	call, err := t.call("replication.Freeze", "freeze")
	if err != nil {
		return err
	}
	return m.rc.Do(ctx, call, nil)
}

// Thaw undoes Freeze. Cinder answers 400 when the back end is not frozen.
// PUT /os-services/thaw. A Cluster target requires microversion 3.26.
func (m *Manager) Thaw(ctx context.Context, t Target) error {
	call, err := t.call("replication.Thaw", "thaw")
	if err != nil {
		return err
	}
	return m.rc.Do(ctx, call, nil)
}

// FailoverRequest names the back end to fail over and where to.
type FailoverRequest struct {
	Target // the back end to fail over
	// BackendID is the replication target to fail over to; "" lets the
	// driver choose, "default" fails back to the primary.
	BackendID string
}

// Failover switches a replicating back end to a replication target; it
// is accepted (202) and runs on in the volume service. Cinder answers 400
// when the back end does not replicate (replication_status must be
// "enabled" or "failed-over") or is down.
//
// Paths, from Cinder's api/contrib/services.py: failover_host is served at
// every microversion and fails over a host only (a cluster is not
// accepted); failover is served from 3.26 (REPLICATION_CLUSTER) and takes a
// host or a cluster. This method sends PUT /os-services/failover_host below
// 3.26 and PUT /os-services/failover from 3.26 on; python-cinderclient's
// failover-host always sends failover_host, which is equivalent for a host.
func (m *Manager) Failover(ctx context.Context, r FailoverRequest) error {
	action := "failover_host"
	if m.rc.Version.AtLeast(mv.V(3, 26)) {
		action = "failover"
	}
	call, err := r.Target.call("replication.Failover", action)
	if err != nil {
		return err
	}
	call.Body = struct {
		Target
		BackendID string `json:"backend_id,omitempty"`
	}{r.Target, r.BackendID}
	return m.rc.Do(ctx, call, nil)
}
