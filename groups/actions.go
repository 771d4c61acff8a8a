package groups

import (
	"context"
	"errors"

	mv "github.com/gocinder/cinder/microversion"
)

// ResetStatus sets the group's status in the database without touching
// the backend (admin only). POST /groups/{id}/action (reset_status).
// Requires microversion 3.20.
func (m *Manager) ResetStatus(ctx context.Context, id string, status Status) error {
	if status == "" {
		return errors.New("cinder: resetting a group's status needs a status")
	}
	return m.rc.Action(ctx, action("ResetStatus", id, mv.V(3, 20)), "reset_status", struct {
		Status Status `json:"status"`
	}{status})
}

// replication is the microversion of the group replication actions.
var replication = mv.V(3, 38)

// EnableReplication starts replicating the group's volumes. The group type
// needs group_replication_enabled and every volume type replication_enabled
// ("<is> True"); the group must be available.
// POST /groups/{id}/action (enable_replication). Requires microversion 3.38.
func (m *Manager) EnableReplication(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("EnableReplication", id, replication), "enable_replication", struct{}{})
}

// DisableReplication stops replicating the group's volumes.
// POST /groups/{id}/action (disable_replication). Requires microversion 3.38.
func (m *Manager) DisableReplication(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("DisableReplication", id, replication), "disable_replication", struct{}{})
}

// FailoverRequest is the body of failover_replication.
type FailoverRequest struct {
	// AllowAttachedVolume lets the failover proceed with attached volumes.
	AllowAttachedVolume bool `json:"allow_attached_volume,omitempty"`
	// SecondaryBackendID is the target's backend_id (see
	// ReplicationTargets); "" lets the driver choose.
	SecondaryBackendID string `json:"secondary_backend_id,omitempty"`
}

// FailoverReplication fails the group's volumes over to a replication
// target. POST /groups/{id}/action (failover_replication). Requires
// microversion 3.38.
func (m *Manager) FailoverReplication(ctx context.Context, id string, r FailoverRequest) error {
	return m.rc.Action(ctx, action("FailoverReplication", id, replication), "failover_replication", r)
}

// ReplicationTarget is one replication device of the group's backend:
// backend_id, plus the driver's other settings for admins.
type ReplicationTarget map[string]string

// BackendID is the target's backend_id, the FailoverRequest.SecondaryBackendID.
func (t ReplicationTarget) BackendID() string { return t["backend_id"] }

// ReplicationTargets lists the replication targets of the group's backend
// (empty when it has none). POST /groups/{id}/action
// (list_replication_targets). Requires microversion 3.38.
func (m *Manager) ReplicationTargets(ctx context.Context, id string) ([]ReplicationTarget, error) {
	var env struct {
		Targets []ReplicationTarget `json:"replication_targets"`
	}
	err := m.rc.ActionResult(ctx, action("ReplicationTargets", id, replication), "list_replication_targets", struct{}{}, &env)
	if err != nil {
		return nil, err
	}
	if env.Targets == nil {
		env.Targets = []ReplicationTarget{}
	}
	return env.Targets, nil
}
