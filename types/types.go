package types

import (
	"context"
	"errors"
	"net/http"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
)

// Manager issues volume type requests. Get one from cinder.Client.Types.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// VolumeType is a volume type as GET /types/{id} shows it.
type VolumeType struct {
	ID          string `json:"id"`          // the volume type's UUID
	Name        string `json:"name"`        // the volume type's name
	Description string `json:"description"` // null on the wire is ""
	// IsPublic is false for a private type, usable only by the projects of
	// its access list. Wire: is_public, or os-volume-type-access:is_public.
	IsPublic bool `json:"-"`
	// ExtraSpecs are the type's extra specs; non-admins see only the
	// user-visible ones (often none).
	ExtraSpecs map[string]string `json:"extra_specs"`
	// QoSSpecsID is the associated QoS specs' ID: "" when none, and also
	// when not shown (to non-admins, and in Default's and Update's answers).
	QoSSpecsID string `json:"qos_specs_id"`
}

// UnmarshalJSON reads is_public, or the extension's
// os-volume-type-access:is_public when is_public is absent.
func (t *VolumeType) UnmarshalJSON(data []byte) error {
	type plain VolumeType
	var w struct {
		*plain
		IsPublic       *bool `json:"is_public"`
		AccessIsPublic *bool `json:"os-volume-type-access:is_public"`
	}
	w.plain = (*plain)(t)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	switch {
	case w.IsPublic != nil:
		t.IsPublic = *w.IsPublic
	case w.AccessIsPublic != nil:
		t.IsPublic = *w.AccessIsPublic
	}
	return nil
}

type typeEnv struct {
	VolumeType VolumeType `json:"volume_type"`
}

// Get returns the volume type with the given ID (a name is a 404 here;
// see Find). GET /types/{id}
func (m *Manager) Get(ctx context.Context, id string) (*VolumeType, error) {
	if id == "" {
		return nil, errors.New("cinder: getting a volume type needs its ID")
	}
	return m.get(ctx, "types.Get", rest.Path("types", id))
}

// Default returns the volume type new volumes get when they name none:
// from microversion 3.62 the project's default type when one is set, else
// the cloud's default. GET /types/default
func (m *Manager) Default(ctx context.Context) (*VolumeType, error) {
	return m.get(ctx, "types.Default", "types/default")
}

func (m *Manager) get(ctx context.Context, op, path string) (*VolumeType, error) {
	var env typeEnv
	if err := m.rc.Do(ctx, rest.Call{Op: op, Path: path}, &env); err != nil {
		return nil, err
	}
	return &env.VolumeType, nil
}

// CreateRequest is the body of POST /types.
type CreateRequest struct {
	Name        string `json:"name"`                  // the volume type's name (required, unique)
	Description string `json:"description,omitempty"` // the volume type's description
	// IsPublic false makes a private type; nil leaves Cinder's default, public.
	IsPublic   *bool             `json:"os-volume-type-access:is_public,omitempty"`
	ExtraSpecs map[string]string `json:"extra_specs,omitempty"` // initial extra specs, e.g. volume_backend_name
}

// Create makes a volume type. A name in use is an error matching
// cinder.ErrConflict. POST /types. Admin only.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*VolumeType, error) {
	if r.Name == "" {
		return nil, errors.New("cinder: creating a volume type needs a name")
	}
	var env typeEnv
	err := m.rc.Do(ctx, rest.Call{Op: "types.Create", Method: http.MethodPost, Path: "types",
		Body: struct {
			VolumeType CreateRequest `json:"volume_type"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.VolumeType, nil
}

// UpdateRequest is the body of PUT /types/{id}. Nil fields are left as
// they are; at least one must be set.
type UpdateRequest struct {
	Name        *string `json:"name,omitempty"`        // new name
	Description *string `json:"description,omitempty"` // "" clears it
	IsPublic    *bool   `json:"is_public,omitempty"`   // make the type public (true) or private (false)
}

// Update changes a volume type's name, description or visibility and
// returns it (without QoSSpecsID, which Cinder leaves out here).
// PUT /types/{id}. Admin only.
func (m *Manager) Update(ctx context.Context, id string, r UpdateRequest) (*VolumeType, error) {
	if r == (UpdateRequest{}) {
		return nil, errors.New("cinder: updating a volume type needs a name, description or is_public")
	}
	var env typeEnv
	err := m.rc.Do(ctx, rest.Call{Op: "types.Update", Method: http.MethodPut, Path: rest.Path("types", id),
		Body: struct {
			VolumeType UpdateRequest `json:"volume_type"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.VolumeType, nil
}

// Delete deletes a volume type. A type that volumes use, or the cloud's
// default type, is refused with an error matching cinder.ErrBadRequest.
// DELETE /types/{id}. Admin only.
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "types.Delete", Method: http.MethodDelete, Path: rest.Path("types", id)}, nil)
}
