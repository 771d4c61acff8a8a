package hosts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
)

// Manager issues os-hosts requests. Get one from cinder.Client.Hosts.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Host is one service on a host.
type Host struct {
	Name    string `json:"host_name"` // volume services: host@backend
	Service string `json:"service"`   // the service's topic, e.g. cinder-volume
	Zone    string `json:"zone"`      // the service's availability zone
	// ServiceStatus is "available" when the service reported in within
	// service_down_time, "unavailable" otherwise.
	ServiceStatus string `json:"service-status"`
	// ServiceState is "enabled" or "disabled". (Cinder means to list
	// enabled services only, but Zed lists disabled ones too.)
	ServiceState string    `json:"service-state"`
	LastUpdate   time.Time `json:"-"` // wire: last-update; the service's last heartbeat, UTC
}

// UnmarshalJSON decodes Cinder's zone-less timestamp.
func (h *Host) UnmarshalJSON(data []byte) error {
	type plain Host
	var w struct {
		*plain
		LastUpdate jsonx.Time `json:"last-update"`
	}
	w.plain = (*plain)(h)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	h.LastUpdate = w.LastUpdate.Time
	return nil
}

// List returns the services by host, in zone only when zone is
// not "". GET /os-hosts
func (m *Manager) List(ctx context.Context, zone string) ([]Host, error) {
	var q url.Values
	if zone != "" {
		q = url.Values{"zone": {zone}}
	}
	var env struct {
		Hosts []Host `json:"hosts"`
	}
	if err := m.rc.Do(ctx, rest.Call{Op: "hosts.List", Path: "os-hosts", Query: q}, &env); err != nil {
		return nil, err
	}
	return env.Hosts, nil
}

// Total is the Project of the first Usage of Get, which sums the others.
const Total = "(total)"

// Usage is the volumes and snapshots one project has on a host.
type Usage struct {
	Host            string `json:"host"`    // the host
	Project         string `json:"project"` // a project ID, or Total
	VolumeCount     int    `json:"-"`       // wire: volume_count; number of volumes
	TotalVolumeGB   int    `json:"-"`       // wire: total_volume_gb; their total size in GiB
	SnapshotCount   int    `json:"-"`       // wire: snapshot_count; number of snapshots
	TotalSnapshotGB int    `json:"-"`       // wire: total_snapshot_gb; their total size in GiB
}

// UnmarshalJSON decodes the counts, which Cinder sends as strings.
func (u *Usage) UnmarshalJSON(data []byte) error {
	type plain Usage
	var w struct {
		*plain
		VolumeCount     json.Number `json:"volume_count"`
		TotalVolumeGB   json.Number `json:"total_volume_gb"`
		SnapshotCount   json.Number `json:"snapshot_count"`
		TotalSnapshotGB json.Number `json:"total_snapshot_gb"`
	}
	w.plain = (*plain)(u)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		in   json.Number
		out  *int
	}{
		{"volume_count", w.VolumeCount, &u.VolumeCount},
		{"total_volume_gb", w.TotalVolumeGB, &u.TotalVolumeGB},
		{"snapshot_count", w.SnapshotCount, &u.SnapshotCount},
		{"total_snapshot_gb", w.TotalSnapshotGB, &u.TotalSnapshotGB},
	} {
		if f.in == "" {
			continue
		}
		n, err := strconv.Atoi(f.in.String())
		if err != nil {
			return fmt.Errorf("cinder: host usage %s %q is not a whole number", f.name, f.in)
		}
		*f.out = n
	}
	return nil
}

// Get returns the usage of a volume host ("node1@lvm"): first the Total,
// then one Usage per project with volumes there. Cinder answers 404 when
// host has no volume service.
// GET /os-hosts/{host}
func (m *Manager) Get(ctx context.Context, host string) ([]Usage, error) {
	if host == "" {
		return nil, errors.New("cinder: hosts.Get needs a host name")
	}
	var env struct {
		Host []struct {
			Resource Usage `json:"resource"`
		} `json:"host"`
	}
	if err := m.rc.Do(ctx, rest.Call{Op: "hosts.Get", Path: rest.Path("os-hosts", host)}, &env); err != nil {
		return nil, err
	}
	out := make([]Usage, len(env.Host))
	for i, h := range env.Host {
		out[i] = h.Resource
	}
	return out, nil
}
