package pools

import (
	"context"
	"errors"

	"github.com/gocinder/cinder/internal/rest"
)

// BackendCapabilities describe one back end (a volume service) as its
// driver reports it, in the shape of a Glance metadata definition.
type BackendCapabilities struct {
	Namespace         string `json:"namespace"`           // OS::Storage::Capabilities::<host>
	VolumeBackendName string `json:"volume_backend_name"` // the back end's volume_backend_name
	PoolName          string `json:"pool_name"`           // the pool's name
	VendorName        string `json:"vendor_name"`         // the storage vendor, e.g. Open Source
	DriverVersion     string `json:"driver_version"`      // the driver's version
	StorageProtocol   string `json:"storage_protocol"`    // e.g. iSCSI, FC, ceph, nvmeof
	DisplayName       string `json:"display_name"`        // a human name of the back end, if the driver sets one
	Description       string `json:"description"`         // a description of the back end, if the driver sets one
	Visibility        string `json:"visibility"`          // the metadata definition's visibility, e.g. public
	// ReplicationTargets are the back end's replication target IDs.
	ReplicationTargets []string `json:"replication_targets"`
	// Properties are the capabilities a volume type's extra specs may ask
	// for, by name.
	Properties map[string]Property `json:"properties"`
}

// Property is one capability of a back end.
type Property struct {
	Title       string `json:"title"`          // the capability's display name
	Description string `json:"description"`    // what the capability means
	Type        string `json:"type"`           // JSON schema type: boolean, string, integer, …
	Enum        []any  `json:"enum,omitempty"` // the values it may take, when restricted
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
