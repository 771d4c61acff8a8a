package workers

import (
	"context"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues worker requests. Get one from cinder.Client.Workers.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// ResourceType is the kind of resource a cleanup is limited to.
type ResourceType string

// Resource types Cinder cleans up.
const (
	ResourceVolume   ResourceType = "Volume"
	ResourceSnapshot ResourceType = "Snapshot"
)

// CleanupRequest selects the services to clean up after; its zero value
// means every service that is down.
type CleanupRequest struct {
	ClusterName string `json:"cluster_name,omitempty"` // only services of this cluster
	Host        string `json:"host,omitempty"`         // only services on this host
	// Binary is cinder-volume or cinder-scheduler.
	Binary string `json:"binary,omitempty"`
	// IsUp selects services by state; nil means down ones only (Cinder's
	// default).
	IsUp     *bool `json:"is_up,omitempty"`
	Disabled *bool `json:"disabled,omitempty"` // only disabled (true) or enabled (false) services; nil: either
	// ResourceID limits the cleanup to one resource; without a service,
	// host or cluster Cinder looks up where it is pending.
	ResourceID   string       `json:"resource_id,omitempty"`
	ResourceType ResourceType `json:"resource_type,omitempty"` // the type of ResourceID: Volume or Snapshot
	ServiceID    int          `json:"service_id,omitempty"`    // only the service with this ID
}

// Service is a service a cleanup concerns.
type Service struct {
	ID          int    `json:"id"`           // the service's ID
	Host        string `json:"host"`         // the service's host
	Binary      string `json:"binary"`       // the service's binary
	ClusterName string `json:"cluster_name"` // "" when it has none
}

// CleanupResult tells which services were asked to clean up.
type CleanupResult struct {
	// Cleaning are the services a cleanup request was sent for.
	Cleaning []Service `json:"cleaning"`
	// Unavailable matched, but nothing could clean up for them (down and
	// without a live cluster peer).
	Unavailable []Service `json:"unavailable"`
}

// Cleanup asks for a cleanup of the services r selects; it is accepted
// (202) and runs on in the services.
// POST /workers/cleanup. Requires microversion 3.24.
func (m *Manager) Cleanup(ctx context.Context, r CleanupRequest) (*CleanupResult, error) {
	var out CleanupResult
	err := m.rc.Do(ctx, rest.Call{Op: "workers.Cleanup", Method: http.MethodPost, Path: "workers/cleanup",
		Body: r, Since: mv.V(3, 24), Expect: []int{http.StatusAccepted}}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}
