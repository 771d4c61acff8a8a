package discovery

import (
	"context"
	"net/url"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues discovery requests. Get one from cinder.Client.Discovery.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// AvailabilityZone is one availability zone.
type AvailabilityZone struct {
	Name  string    `json:"zoneName"`  // the zone's name (wire: zoneName)
	State ZoneState `json:"zoneState"` // the zone's state (wire: zoneState)
}

// ZoneState is an availability zone's state.
type ZoneState struct {
	Available bool `json:"available"` // the zone has a volume service up
}

// AvailabilityZones lists the deployment's availability zones.
// GET /os-availability-zone
func (m *Manager) AvailabilityZones(ctx context.Context) ([]AvailabilityZone, error) {
	var env struct {
		Zones []AvailabilityZone `json:"availabilityZoneInfo"`
	}
	if err := m.rc.Do(ctx, rest.Call{Op: "discovery.AvailabilityZones", Path: "os-availability-zone"}, &env); err != nil {
		return nil, err
	}
	return env.Zones, nil
}

// Resources that have list filters.
const (
	ResourceVolume        = "volume"
	ResourceSnapshot      = "snapshot"
	ResourceBackup        = "backup"
	ResourceGroup         = "group"
	ResourceGroupSnapshot = "group_snapshot"
	ResourceAttachment    = "attachment"
	ResourceMessage       = "message"
	ResourcePool          = "pool"
	ResourceVolumeType    = "volume_type"
)

// ResourceFilter is the list filters one resource accepts from non-admin
// users (admins may filter on anything). A key ending in "~" also allows
// the inexact form (microversion 3.34).
type ResourceFilter struct {
	Resource string   `json:"resource"` // the resource the filters apply to, e.g. volume
	Filters  []string `json:"filters"`  // the filter keys its list takes
}

// ResourceFilters lists the filters the server accepts, for one resource
// (e.g. ResourceVolume) or, with "", for all. The list is the operator's
// resource_filters.json; a server without one answers with an empty list.
// GET /resource_filters. Requires microversion 3.33.
func (m *Manager) ResourceFilters(ctx context.Context, resource string) ([]ResourceFilter, error) {
	var q url.Values
	if resource != "" {
		q = url.Values{"resource": {resource}}
	}
	var env struct {
		Filters []ResourceFilter `json:"resource_filters"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "discovery.ResourceFilters", Path: "resource_filters", Query: q, Since: mv.V(3, 33)}, &env)
	if err != nil {
		return nil, err
	}
	return env.Filters, nil
}
