package limits

import (
	"context"
	"encoding/json"
	"net/url"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues limits requests. Get one from cinder.Client.Limits.
type Manager struct{ rc *rest.Client }

// NewManager is called by the root package only.
func NewManager(rc *rest.Client) *Manager { return &Manager{rc: rc} }

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
	Absolute Absolute    `json:"absolute"`
	Rate     []RateLimit `json:"rate"` // empty unless the rate-limit middleware runs
}

// Absolute holds the project's quotas (max…, -1: unlimited) and usage (total…).
type Absolute struct {
	MaxTotalVolumes          int `json:"maxTotalVolumes"`
	MaxTotalSnapshots        int `json:"maxTotalSnapshots"`
	MaxTotalVolumeGigabytes  int `json:"maxTotalVolumeGigabytes"`
	MaxTotalBackups          int `json:"maxTotalBackups"`
	MaxTotalBackupGigabytes  int `json:"maxTotalBackupGigabytes"`
	TotalVolumesUsed         int `json:"totalVolumesUsed"`
	TotalGigabytesUsed       int `json:"totalGigabytesUsed"`
	TotalSnapshotsUsed       int `json:"totalSnapshotsUsed"`
	TotalBackupsUsed         int `json:"totalBackupsUsed"`
	TotalBackupGigabytesUsed int `json:"totalBackupGigabytesUsed"`

	// Raw holds every absolute limit as the server sent it, including the
	// keys this client has no field for.
	Raw map[string]int `json:"-"`
}

// UnmarshalJSON fills the fields and Raw.
func (a *Absolute) UnmarshalJSON(data []byte) error {
	type plain Absolute
	if err := json.Unmarshal(data, (*plain)(a)); err != nil {
		return err
	}
	a.Raw = nil
	return json.Unmarshal(data, &a.Raw)
}

// RateLimit is the rate limits of the requests whose URI matches Regex.
type RateLimit struct {
	URI    string `json:"uri"`
	Regex  string `json:"regex"`
	Limits []Rate `json:"limit"`
}

// Rate is one rate limit: Value requests of Verb per Unit.
type Rate struct {
	Verb          string    `json:"verb"` // e.g. "POST"
	Value         int       `json:"value"`
	Remaining     int       `json:"remaining"`
	Unit          string    `json:"unit"` // SECOND, MINUTE, HOUR or DAY
	NextAvailable time.Time `json:"-"`    // wire: next-available, no zone, UTC
}

// UnmarshalJSON decodes the zone-less next-available time.
func (r *Rate) UnmarshalJSON(data []byte) error {
	type plain Rate
	var w struct {
		*plain
		NextAvailable jsonx.Time `json:"next-available"`
	}
	w.plain = (*plain)(r)
	if err := json.Unmarshal(data, &w); err != nil {
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
