package types

import (
	"context"

	"github.com/gocinder/cinder/internal/rest"
)

// Access is one project allowed to use a private volume type.
type Access struct {
	VolumeTypeID string `json:"volume_type_id"` // the private volume type
	ProjectID    string `json:"project_id"`     // a project that may use it
}

// ListAccess returns the projects that may use the private type id. A
// public type has no access list: Cinder answers 404 (cinder.ErrNotFound).
// GET /types/{id}/os-volume-type-access. Admin only.
func (m *Manager) ListAccess(ctx context.Context, id string) ([]Access, error) {
	var env struct {
		Access []Access `json:"volume_type_access"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "types.ListAccess", Path: rest.Path("types", id, "os-volume-type-access")}, &env)
	if err != nil {
		return nil, err
	}
	return env.Access, nil
}

type projectBody struct {
	Project string `json:"project"`
}

// AddAccess lets projectID use the private type id. A public type is
// refused (cinder.ErrBadRequest), a project already listed is
// cinder.ErrConflict. POST /types/{id}/action (addProjectAccess). Admin only.
func (m *Manager) AddAccess(ctx context.Context, id, projectID string) error {
	return m.rc.Action(ctx, rest.Call{Op: "types.AddAccess", Path: rest.Path("types", id, "action")},
		"addProjectAccess", projectBody{projectID})
}

// RemoveAccess withdraws projectID's access to the private type id.
// POST /types/{id}/action (removeProjectAccess). Admin only.
func (m *Manager) RemoveAccess(ctx context.Context, id, projectID string) error {
	return m.rc.Action(ctx, rest.Call{Op: "types.RemoveAccess", Path: rest.Path("types", id, "action")},
		"removeProjectAccess", projectBody{projectID})
}
