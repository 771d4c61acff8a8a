package transfers

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/volumes"
)

// Manager issues volume transfer requests. Get one from cinder.Client.Transfers.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Link is a hypermedia link.
type Link = volumes.Link

// newAPI is the microversion that serves /volume-transfers.
var newAPI = mv.V(3, 55)

// base is the collection path for the client's microversion:
// os-volume-transfer below 3.55, volume-transfers from 3.55 on.
func (m *Manager) base() string {
	if m.rc.Version.Less(newAPI) {
		return "os-volume-transfer"
	}
	return "volume-transfers"
}

// Transfer is a pending (or, from 3.57 on, accepted) volume transfer.
type Transfer struct {
	ID        string    `json:"id"`        // the transfer's UUID
	Name      string    `json:"name"`      // the transfer's name
	VolumeID  string    `json:"volume_id"` // the volume being transferred
	CreatedAt time.Time `json:"-"`         // wire: created_at, no zone, UTC
	Links     []Link    `json:"links"`     // self and bookmark links
	// AuthKey is the secret the receiver needs; Cinder sends it only in the
	// answer to Create and keeps just a hash of it.
	AuthKey              string `json:"auth_key"`
	NoSnapshots          bool   `json:"no_snapshots"`           // since 3.55
	SourceProjectID      string `json:"source_project_id"`      // since 3.57
	DestinationProjectID string `json:"destination_project_id"` // since 3.57; "" until accepted
	Accepted             bool   `json:"accepted"`               // since 3.57
}

// UnmarshalJSON decodes Cinder's zone-less created_at.
func (t *Transfer) UnmarshalJSON(b []byte) error {
	type plain Transfer
	var s struct {
		*plain
		CreatedAt jsonx.Time `json:"created_at"`
	}
	s.plain = (*plain)(t)
	if err := jsonx.Unmarshal(b, &s); err != nil {
		return err
	}
	t.CreatedAt = s.CreatedAt.Time
	return nil
}

// Ref is a transfer as the summary list (ListRefs) shows it.
type Ref struct {
	ID       string `json:"id"`        // the transfer's UUID
	Name     string `json:"name"`      // the transfer's name
	VolumeID string `json:"volume_id"` // the volume being transferred
	Links    []Link `json:"links"`     // self and bookmark links
}

// Acceptance is Cinder's answer to Accept: the transfer that was accepted
// and the volume that now belongs to the accepting project.
type Acceptance struct {
	ID       string `json:"id"`        // the transfer's UUID
	Name     string `json:"name"`      // the transfer's name
	VolumeID string `json:"volume_id"` // the volume, now the accepting project's
	Links    []Link `json:"links"`     // self and bookmark links
}

// CreateRequest is the body of a transfer create.
type CreateRequest struct {
	VolumeID string `json:"volume_id"`      // the volume to transfer (required)
	Name     string `json:"name,omitempty"` // the transfer's name
	// NoSnapshots transfers the volume without its snapshots (by default
	// they move with it). Since 3.55.
	NoSnapshots bool `json:"no_snapshots,omitempty"`
}

// Create offers the volume for transfer and returns the transfer with its
// AuthKey, which Cinder never shows again. The volume must be available; it
// becomes awaiting-transfer until the transfer is accepted or deleted.
// POST /volume-transfers (POST /os-volume-transfer below 3.55). NoSnapshots
// requires microversion 3.55. The POST is never retried: a replay would
// offer the volume twice.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*Transfer, error) {
	if r.VolumeID == "" {
		return nil, errors.New("cinder: a transfer needs a volume ID")
	}
	if r.NoSnapshots {
		if err := m.rc.Check("transfers.Create with NoSnapshots", newAPI, mv.Version{}); err != nil {
			return nil, err
		}
	}
	var env struct {
		Transfer Transfer `json:"transfer"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "transfers.Create", Method: http.MethodPost, Path: m.base(),
		Body: map[string]any{"transfer": r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Transfer, nil
}

// Get returns the transfer with the given ID.
// GET /volume-transfers/{id} (GET /os-volume-transfer/{id} below 3.55)
func (m *Manager) Get(ctx context.Context, id string) (*Transfer, error) {
	var env struct {
		Transfer Transfer `json:"transfer"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "transfers.Get", Path: rest.Path(m.base(), id)}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Transfer, nil
}

// Accept takes the transfer's volume over into the caller's project, using
// the auth key its creator handed over. A wrong key is a 400
// (cinder.ErrBadRequest); a volume over the receiver's quota a 413
// (cinder.ErrOverLimit). POST /volume-transfers/{id}/accept
// (/os-volume-transfer/{id}/accept below 3.55). Never retried.
func (m *Manager) Accept(ctx context.Context, id, authKey string) (*Acceptance, error) {
	if authKey == "" {
		return nil, errors.New("cinder: accepting a transfer needs its auth key")
	}
	body := map[string]any{"accept": struct {
		AuthKey string `json:"auth_key"`
	}{authKey}}
	var env struct {
		Transfer Acceptance `json:"transfer"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "transfers.Accept", Method: http.MethodPost,
		Path: rest.Path(m.base(), id, "accept"), Body: body}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Transfer, nil
}

// Delete cancels a pending transfer; the volume becomes available again in
// its project. DELETE /volume-transfers/{id} (/os-volume-transfer/{id}
// below 3.55)
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "transfers.Delete", Method: http.MethodDelete, Path: rest.Path(m.base(), id)}, nil)
}
