package grouptypes

import (
	"context"
	"errors"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// since is the microversion that brought group types.
var since = mv.V(3, 11)

// Manager issues group type requests. Get one from cinder.Client.GroupTypes.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// GroupType is a group type as GET /group_types/{id} shows it.
type GroupType struct {
	ID          string `json:"id"`          // the group type's UUID
	Name        string `json:"name"`        // the group type's name
	Description string `json:"description"` // null on the wire is ""
	// IsPublic is false for a private type (admins only see those).
	IsPublic bool `json:"is_public"`
	// GroupSpecs are the type's specs, e.g.
	// consistent_group_snapshot_enabled: "<is> True". Non-admins see none.
	GroupSpecs map[string]string `json:"group_specs"`
}

type typeEnv struct {
	GroupType GroupType `json:"group_type"`
}

// Get returns the group type with the given ID (a name is a 404 here; see
// Find). GET /group_types/{id}. Requires microversion 3.11.
func (m *Manager) Get(ctx context.Context, id string) (*GroupType, error) {
	if id == "" {
		return nil, errors.New("cinder: getting a group type needs its ID")
	}
	return m.get(ctx, "grouptypes.Get", rest.Path("group_types", id))
}

// Default returns the cloud's default group type ([DEFAULT]
// default_group_type); a cloud without one answers 404 (cinder.ErrNotFound).
// GET /group_types/default. Requires microversion 3.11.
func (m *Manager) Default(ctx context.Context) (*GroupType, error) {
	return m.get(ctx, "grouptypes.Default", "group_types/default")
}

func (m *Manager) get(ctx context.Context, op, path string) (*GroupType, error) {
	var env typeEnv
	if err := m.rc.Do(ctx, rest.Call{Op: op, Path: path, Since: since}, &env); err != nil {
		return nil, err
	}
	return &env.GroupType, nil
}

// CreateRequest is the body of POST /group_types.
type CreateRequest struct {
	Name        string `json:"name"`                  // the group type's name (required)
	Description string `json:"description,omitempty"` // the group type's description
	// IsPublic false makes a private type; nil leaves Cinder's default, public.
	IsPublic   *bool             `json:"is_public,omitempty"`
	GroupSpecs map[string]string `json:"group_specs,omitempty"` // initial group specs
}

// Create makes a group type. A name in use is an error matching
// cinder.ErrConflict. POST /group_types. Requires microversion 3.11. Admin only.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*GroupType, error) {
	if r.Name == "" {
		return nil, errors.New("cinder: creating a group type needs a name")
	}
	var env typeEnv
	err := m.rc.Do(ctx, rest.Call{Op: "grouptypes.Create", Method: http.MethodPost, Path: "group_types", Since: since,
		Body: struct {
			GroupType CreateRequest `json:"group_type"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.GroupType, nil
}

// UpdateRequest is the body of PUT /group_types/{id}. Nil fields are left
// as they are; at least one must be set.
type UpdateRequest struct {
	Name        *string `json:"name,omitempty"`        // new name
	Description *string `json:"description,omitempty"` // "" clears it
	IsPublic    *bool   `json:"is_public,omitempty"`   // make the type public (true) or private (false)
}

// Update changes a group type's name, description or visibility and
// returns it. PUT /group_types/{id}. Requires microversion 3.11. Admin only.
func (m *Manager) Update(ctx context.Context, id string, r UpdateRequest) (*GroupType, error) {
	if r == (UpdateRequest{}) {
		return nil, errors.New("cinder: updating a group type needs a name, description or is_public")
	}
	var env typeEnv
	err := m.rc.Do(ctx, rest.Call{Op: "grouptypes.Update", Method: http.MethodPut, Path: rest.Path("group_types", id), Since: since,
		Body: struct {
			GroupType UpdateRequest `json:"group_type"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.GroupType, nil
}

// Delete deletes a group type; one that groups use is refused with an
// error matching cinder.ErrBadRequest. DELETE /group_types/{id}. Requires
// microversion 3.11. Admin only.
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "grouptypes.Delete", Method: http.MethodDelete, Path: rest.Path("group_types", id), Since: since}, nil)
}
