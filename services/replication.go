package services

import (
	"context"
	"errors"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

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
	call, err := t.call("services.Freeze", "freeze")
	if err != nil {
		return err
	}
	return m.rc.Do(ctx, call, nil)
}

// Thaw undoes Freeze. Cinder answers 400 when the back end is not frozen.
// PUT /os-services/thaw. A Cluster target requires microversion 3.26.
func (m *Manager) Thaw(ctx context.Context, t Target) error {
	call, err := t.call("services.Thaw", "thaw")
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
// PUT /os-services/failover_host; from microversion 3.26 PUT
// /os-services/failover, which also takes a Cluster target.
func (m *Manager) Failover(ctx context.Context, r FailoverRequest) error {
	action := "failover_host"
	if m.rc.Version.AtLeast(mv.V(3, 26)) {
		action = "failover"
	}
	call, err := r.Target.call("services.Failover", action)
	if err != nil {
		return err
	}
	call.Body = struct {
		Target
		BackendID string `json:"backend_id,omitempty"`
	}{r.Target, r.BackendID}
	return m.rc.Do(ctx, call, nil)
}
