package pools

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues pool and capability requests. Get one from cinder.Client.Pools.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Pool is one back-end pool the scheduler knows.
type Pool struct {
	Name string `json:"name"` // host@backend#pool
	// Capabilities is nil unless the list asked for Detail.
	Capabilities *Capabilities `json:"capabilities"`
}

// Capabilities are a pool's stats as its driver last reported them. The
// well-known ones are typed; Raw keeps every key as sent, driver-specific
// ones included. Capacities are GiB; a driver may report "infinite"
// (decoded as +Inf) or "unknown" (NaN).
type Capabilities struct {
	VolumeBackendName string // volume_backend_name: the back end's name
	VendorName        string // vendor_name
	DriverVersion     string // driver_version
	StorageProtocol   string // storage_protocol: iSCSI, FC, ceph, nvmeof, …

	TotalCapacityGB       float64 // total_capacity_gb
	FreeCapacityGB        float64 // free_capacity_gb
	AllocatedCapacityGB   float64 // allocated_capacity_gb: what Cinder volumes use
	ProvisionedCapacityGB float64 // provisioned_capacity_gb: the sum of the volumes' sizes (thin provisioning)
	ReservedPercentage    float64 // reserved_percentage: capacity kept free, in percent

	ThinProvisioningSupport  bool // thin_provisioning_support
	ThickProvisioningSupport bool // thick_provisioning_support
	QoSSupport               bool // QoS_support: the driver applies back-end QoS specs
	Multiattach              bool // multiattach: volumes can be attached to several servers
	OnlineExtendSupport      bool // online_extend_support: in-use volumes can be extended
	// ConsistentGroupSnapshotEnabled: the pool can snapshot a group consistently.
	ConsistentGroupSnapshotEnabled bool
	ReplicationEnabled             bool // replication_enabled

	Timestamp time.Time      // when the driver reported these
	Raw       map[string]any // every capability as sent, by its JSON name
}

// UnmarshalJSON decodes the capabilities leniently: drivers send numbers
// and booleans as strings too.
func (c *Capabilities) UnmarshalJSON(data []byte) error {
	var w struct {
		VolumeBackendName string `json:"volume_backend_name"`
		VendorName        string `json:"vendor_name"`
		DriverVersion     string `json:"driver_version"`
		StorageProtocol   string `json:"storage_protocol"`

		TotalCapacityGB       gib `json:"total_capacity_gb"`
		FreeCapacityGB        gib `json:"free_capacity_gb"`
		AllocatedCapacityGB   gib `json:"allocated_capacity_gb"`
		ProvisionedCapacityGB gib `json:"provisioned_capacity_gb"`
		ReservedPercentage    gib `json:"reserved_percentage"`

		ThinProvisioningSupport        jsonx.Bool `json:"thin_provisioning_support"`
		ThickProvisioningSupport       jsonx.Bool `json:"thick_provisioning_support"`
		QoSSupport                     jsonx.Bool `json:"QoS_support"`
		Multiattach                    jsonx.Bool `json:"multiattach"`
		OnlineExtendSupport            jsonx.Bool `json:"online_extend_support"`
		ConsistentGroupSnapshotEnabled jsonx.Bool `json:"consistent_group_snapshot_enabled"`
		ReplicationEnabled             jsonx.Bool `json:"replication_enabled"`

		Timestamp jsonx.Time `json:"timestamp"`
	}
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	var raw map[string]any
	if err := jsonx.Unmarshal(data, &raw); err != nil {
		return err
	}
	*c = Capabilities{
		VolumeBackendName: w.VolumeBackendName, VendorName: w.VendorName,
		DriverVersion: w.DriverVersion, StorageProtocol: w.StorageProtocol,
		TotalCapacityGB: float64(w.TotalCapacityGB), FreeCapacityGB: float64(w.FreeCapacityGB),
		AllocatedCapacityGB: float64(w.AllocatedCapacityGB), ProvisionedCapacityGB: float64(w.ProvisionedCapacityGB),
		ReservedPercentage:      float64(w.ReservedPercentage),
		ThinProvisioningSupport: bool(w.ThinProvisioningSupport), ThickProvisioningSupport: bool(w.ThickProvisioningSupport),
		QoSSupport: bool(w.QoSSupport), Multiattach: bool(w.Multiattach), OnlineExtendSupport: bool(w.OnlineExtendSupport),
		ConsistentGroupSnapshotEnabled: bool(w.ConsistentGroupSnapshotEnabled), ReplicationEnabled: bool(w.ReplicationEnabled),
		Timestamp: w.Timestamp.Time, Raw: raw,
	}
	return nil
}

// gib is a number a driver may send as a number, a numeric string,
// "infinite" or "unknown".
type gib float64

func (g *gib) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	switch strings.ToLower(s) {
	case "null", "":
		*g = 0
		return nil
	case "infinite":
		*g = gib(math.Inf(1))
		return nil
	case "unknown":
		*g = gib(math.NaN())
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("cinder: capacity %s is not a number", b)
	}
	*g = gib(f)
	return nil
}

// ListOptions select and filter the pools. A nil *ListOptions lists every
// pool by name only. Cinder ignores the filters before 3.28 (and
// VolumeType before 3.35); the client refuses them instead.
type ListOptions struct {
	Detail bool // include each pool's Capabilities
	// Name keeps the pool of this name (since 3.28).
	Name string
	// VolumeType keeps the pools that can hold volumes of this type, by
	// name or ID (since 3.35).
	VolumeType string
	// Filters keep the pools whose capabilities have these values, e.g.
	// {"volume_backend_name": "lvm"} (since 3.28).
	Filters map[string]string
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "pools.List")
	if o == nil {
		return b.Values()
	}
	if o.Detail {
		b.Set("detail", "true")
	}
	b.FiltersSince(o.Filters, mv.V(3, 28))
	b.SetSince("Name", "name", o.Name, mv.V(3, 28))
	b.SetSince("VolumeType", "volume_type", o.VolumeType, mv.V(3, 35))
	return b.Values()
}

// List returns the pools matching opts.
// GET /scheduler-stats/get_pools
func (m *Manager) List(ctx context.Context, opts *ListOptions) ([]Pool, error) {
	q, err := opts.query(m.rc)
	if err != nil {
		return nil, err
	}
	var env struct {
		Pools []Pool `json:"pools"`
	}
	if err := m.rc.Do(ctx, rest.Call{Op: "pools.List", Path: "scheduler-stats/get_pools", Query: q}, &env); err != nil {
		return nil, err
	}
	return env.Pools, nil
}
