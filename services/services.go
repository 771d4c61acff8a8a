package services

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
)

// Manager issues service requests. Get one from cinder.Client.Services.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Binaries of Cinder's services.
const (
	BinaryAPI       = "cinder-api" // only in log level calls
	BinaryScheduler = "cinder-scheduler"
	BinaryVolume    = "cinder-volume"
	BinaryBackup    = "cinder-backup"
)

// Status tells whether a service takes new work.
type Status string

// Statuses.
const (
	StatusEnabled  Status = "enabled"
	StatusDisabled Status = "disabled"
)

// State tells whether a service reported in within service_down_time.
type State string

// States.
const (
	StateUp   State = "up"
	StateDown State = "down"
)

// Service is one running Cinder service (a binary on a host).
type Service struct {
	Binary    string    `json:"binary"` // e.g. cinder-volume, cinder-scheduler, cinder-backup
	Host      string    `json:"host"`   // volume services: host@backend
	Zone      string    `json:"zone"`   // the service's availability zone
	Status    Status    `json:"status"` // enabled or disabled
	State     State     `json:"state"`  // up or down, from the last heartbeat
	UpdatedAt time.Time `json:"-"`      // last heartbeat (or change), UTC
	// Cluster is the service's cluster, "" when it has none (since 3.7).
	Cluster        string `json:"cluster"`
	DisabledReason string `json:"disabled_reason"` // why the service was disabled, if a reason was given
	// The replication fields are sent for volume services only.
	ReplicationStatus string `json:"replication_status"`
	ActiveBackendID   string `json:"active_backend_id"` // the replication target in use after a failover
	Frozen            bool   `json:"frozen"`            // the back end is frozen (see replication.Manager.Freeze)
	// BackendState is the back end's own state as its driver reports it,
	// "up" or "down"; volume services only (since 3.49).
	BackendState string `json:"backend_state"`
}

// UnmarshalJSON decodes Cinder's zone-less timestamp.
func (s *Service) UnmarshalJSON(data []byte) error {
	type plain Service
	var w struct {
		*plain
		UpdatedAt jsonx.Time `json:"updated_at"`
	}
	w.plain = (*plain)(s)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	s.UpdatedAt = w.UpdatedAt.Time
	return nil
}

// ListOptions filter a service list. A nil *ListOptions lists every service.
type ListOptions struct {
	Host   string // exact host, e.g. "node1@lvm"
	Binary string // e.g. BinaryVolume
}

// List returns the services matching opts. GET /os-services
func (m *Manager) List(ctx context.Context, opts *ListOptions) ([]Service, error) {
	q := url.Values{}
	if opts != nil {
		if opts.Host != "" {
			q.Set("host", opts.Host)
		}
		if opts.Binary != "" {
			q.Set("binary", opts.Binary)
		}
	}
	var env struct {
		Services []Service `json:"services"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "services.List", Path: "os-services", Query: q}, &env)
	if err != nil {
		return nil, err
	}
	return env.Services, nil
}

// StatusChange is Cinder's answer to Enable and Disable.
type StatusChange struct {
	Host           string `json:"host"`            // the service's host
	Binary         string `json:"binary"`          // the service's binary
	Status         Status `json:"status"`          // its new status
	Disabled       bool   `json:"disabled"`        // whether it is now disabled
	DisabledReason string `json:"disabled_reason"` // set by Disable with a reason
}

// Enable lets the scheduler send work to the service binary on host again.
// PUT /os-services/enable
func (m *Manager) Enable(ctx context.Context, host, binary string) (*StatusChange, error) {
	return m.setStatus(ctx, "services.Enable", "enable", hostBinary{Host: host, Binary: binary})
}

// DisableRequest names the service to disable and, optionally, why.
type DisableRequest struct {
	Host   string // the service's host (required)
	Binary string // the service's binary (required), e.g. cinder-volume
	// Reason is stored as the service's disabled_reason (1-255
	// characters); with it Disable calls disable-log-reason.
	Reason string
}

// Disable stops the scheduler from sending work to a service.
// PUT /os-services/disable, or /os-services/disable-log-reason with a Reason.
func (m *Manager) Disable(ctx context.Context, r DisableRequest) (*StatusChange, error) {
	hb := hostBinary{Host: r.Host, Binary: r.Binary}
	if r.Reason == "" {
		return m.setStatus(ctx, "services.Disable", "disable", hb)
	}
	return m.setStatus(ctx, "services.Disable", "disable-log-reason", struct {
		hostBinary
		Reason string `json:"disabled_reason"`
	}{hb, r.Reason})
}

type hostBinary struct {
	Host   string `json:"host"`
	Binary string `json:"binary"`
}

func (m *Manager) setStatus(ctx context.Context, op, action string, body any) (*StatusChange, error) {
	var out StatusChange
	err := m.rc.Do(ctx, rest.Call{Op: op, Method: http.MethodPut, Path: rest.Path("os-services", action), Body: body}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}
