package pools

import (
	"context"
	"errors"

	"github.com/gocinder/cinder/internal/rest"
)

// BackendCapabilities describe one back end (a volume service) as its
// driver reports it, in the shape of a Glance metadata definition.
type BackendCapabilities struct {
	Namespace         string `json:"namespace"` // OS::Storage::Capabilities::<host>
	VolumeBackendName string `json:"volume_backend_name"`
	PoolName          string `json:"pool_name"`
	VendorName        string `json:"vendor_name"`
	DriverVersion     string `json:"driver_version"`
	StorageProtocol   string `json:"storage_protocol"`
	DisplayName       string `json:"display_name"`
	Description       string `json:"description"`
	Visibility        string `json:"visibility"`
	// ReplicationTargets are the back end's replication target IDs.
	ReplicationTargets []string `json:"replication_targets"`
	// Properties are the capabilities a volume type's extra specs may ask
	// for, by name.
	Properties map[string]Property `json:"properties"`
}

// Property is one capability of a back end.
type Property struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Type        string `json:"type"` // JSON schema type: boolean, string, integer, …
	Enum        []any  `json:"enum,omitempty"`
}

// Capabilities returns the capabilities of the volume service host
// ("node1@lvm") or of the cluster of that name. Cinder answers 404 when
// there is no such volume service.
// GET /capabilities/{host}
func (m *Manager) Capabilities(ctx context.Context, host string) (*BackendCapabilities, error) {
	if host == "" {
		return nil, errors.New("cinder: pools.Capabilities needs a host name")
	}
	var out BackendCapabilities
	if err := m.rc.Do(ctx, rest.Call{Op: "pools.Capabilities", Path: rest.Path("capabilities", host)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
