package limits

import (
	"context"
	"net/url"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues limits requests. Get one from cinder.Client.Limits.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Options choose whose limits Get returns. A nil *Options means the
// client's own project.
type Options struct {
	// ProjectID asks for another project's limits (since 3.39, admin only).
	// Cinder silently ignores it for a non-admin and answers with the
	// caller's own project.
	ProjectID string
}

// Limits is the answer of GET /limits.
type Limits struct {
	Absolute Absolute    `json:"absolute"` // the project's quotas and usage
	Rate     []RateLimit `json:"rate"`     // empty unless the rate-limit middleware runs
}

// Absolute holds the project's quotas (max…, -1: unlimited) and usage (total…).
type Absolute struct {
	MaxTotalVolumes          int `json:"maxTotalVolumes"`          // quota on the number of volumes
	MaxTotalSnapshots        int `json:"maxTotalSnapshots"`        // quota on the number of snapshots
	MaxTotalVolumeGigabytes  int `json:"maxTotalVolumeGigabytes"`  // quota on volume and snapshot GiB
	MaxTotalBackups          int `json:"maxTotalBackups"`          // quota on the number of backups
	MaxTotalBackupGigabytes  int `json:"maxTotalBackupGigabytes"`  // quota on backup GiB
	TotalVolumesUsed         int `json:"totalVolumesUsed"`         // volumes in use
	TotalGigabytesUsed       int `json:"totalGigabytesUsed"`       // volume and snapshot GiB in use
	TotalSnapshotsUsed       int `json:"totalSnapshotsUsed"`       // snapshots in use
	TotalBackupsUsed         int `json:"totalBackupsUsed"`         // backups in use
	TotalBackupGigabytesUsed int `json:"totalBackupGigabytesUsed"` // backup GiB in use

	// Raw holds every absolute limit as the server sent it, including the
	// keys this client has no field for.
	Raw map[string]int `json:"-"`
}

// UnmarshalJSON fills the fields and Raw.
func (a *Absolute) UnmarshalJSON(data []byte) error {
	type plain Absolute
	if err := jsonx.Unmarshal(data, (*plain)(a)); err != nil {
		return err
	}
	a.Raw = nil
	return jsonx.Unmarshal(data, &a.Raw)
}

// RateLimit is the rate limits of the requests whose URI matches Regex.
type RateLimit struct {
	URI    string `json:"uri"`   // the request URI the limits are for, e.g. "*"
	Regex  string `json:"regex"` // the regular expression matching those URIs
	Limits []Rate `json:"limit"` // the rate limits (wire: limit)
}

// Rate is one rate limit: Value requests of Verb per Unit.
type Rate struct {
	Verb          string    `json:"verb"`      // e.g. "POST"
	Value         int       `json:"value"`     // requests allowed per Unit
	Remaining     int       `json:"remaining"` // requests left in the current Unit
	Unit          string    `json:"unit"`      // SECOND, MINUTE, HOUR or DAY
	NextAvailable time.Time `json:"-"`         // wire: next-available, no zone, UTC
}

// UnmarshalJSON decodes the zone-less next-available time.
func (r *Rate) UnmarshalJSON(data []byte) error {
	type plain Rate
	var w struct {
		*plain
		NextAvailable jsonx.Time `json:"next-available"`
	}
	w.plain = (*plain)(r)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	r.NextAvailable = w.NextAvailable.Time
	return nil
}

// Get returns the limits of the client's project, or of opts.ProjectID.
// GET /limits. opts.ProjectID requires microversion 3.39.
func (m *Manager) Get(ctx context.Context, opts *Options) (*Limits, error) {
	var q url.Values
	if opts != nil && opts.ProjectID != "" {
		if err := m.rc.Check("limits.Get with ProjectID", mv.V(3, 39), mv.Version{}); err != nil {
			return nil, err
		}
		q = url.Values{"project_id": {opts.ProjectID}}
	}
	var env struct {
		Limits Limits `json:"limits"`
	}
	if err := m.rc.Do(ctx, rest.Call{Op: "limits.Get", Path: "limits", Query: q}, &env); err != nil {
		return nil, err
	}
	return &env.Limits, nil
}
