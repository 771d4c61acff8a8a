package types

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// DefaultType is a project's default volume type.
type DefaultType struct {
	ProjectID    string `json:"project_id"`     // the project
	VolumeTypeID string `json:"volume_type_id"` // its default volume type
}

type defaultEnv struct {
	DefaultType DefaultType `json:"default_type"`
}

var since362 = mv.V(3, 62)

// root returns a client on the v3 root: the default types live at
// /v3/default-types, outside the project's endpoint.
func (m *Manager) root() *rest.Client {
	rc := *m.rc
	rc.Endpoint = v3Root(rc.Endpoint)
	return &rc
}

// v3Root strips the project segment of an endpoint ending in /v3/{project}/.
func v3Root(endpoint string) string {
	trimmed := strings.TrimRight(endpoint, "/")
	i := strings.LastIndex(trimmed, "/v3/")
	if i < 0 || strings.Contains(trimmed[i+len("/v3/"):], "/") {
		return endpoint
	}
	return trimmed[:i] + "/v3/"
}

// ListDefaults returns every project's default volume type.
// GET /default-types. Requires microversion 3.62. Admin only.
func (m *Manager) ListDefaults(ctx context.Context) ([]DefaultType, error) {
	var env struct {
		DefaultTypes []DefaultType `json:"default_types"`
	}
	err := m.root().Do(ctx, rest.Call{Op: "types.ListDefaults", Path: "default-types", Since: since362}, &env)
	if err != nil {
		return nil, err
	}
	return env.DefaultTypes, nil
}

// GetDefault returns the default volume type of projectID; a project
// without one is an error matching cinder.ErrNotFound.
// GET /default-types/{project_id}. Requires microversion 3.62. Admin only.
func (m *Manager) GetDefault(ctx context.Context, projectID string) (*DefaultType, error) {
	if projectID == "" {
		return nil, errors.New("cinder: getting a default type needs a project ID")
	}
	var env defaultEnv
	err := m.root().Do(ctx, rest.Call{Op: "types.GetDefault", Path: rest.Path("default-types", projectID), Since: since362}, &env)
	if err != nil {
		return nil, err
	}
	return &env.DefaultType, nil
}

// SetDefault makes volumeType (a name or ID) the default type of
// projectID. An unknown type is cinder.ErrBadRequest, an unknown project
// cinder.ErrNotFound. PUT /default-types/{project_id}. Requires
// microversion 3.62. Admin only.
func (m *Manager) SetDefault(ctx context.Context, projectID, volumeType string) (*DefaultType, error) {
	if projectID == "" || volumeType == "" {
		return nil, errors.New("cinder: setting a default type needs a project ID and a volume type")
	}
	body := struct {
		DefaultType struct {
			VolumeType string `json:"volume_type"`
		} `json:"default_type"`
	}{}
	body.DefaultType.VolumeType = volumeType
	var env defaultEnv
	err := m.root().Do(ctx, rest.Call{Op: "types.SetDefault", Method: http.MethodPut, Path: rest.Path("default-types", projectID),
		Since: since362, Body: body}, &env)
	if err != nil {
		return nil, err
	}
	return &env.DefaultType, nil
}

// UnsetDefault removes projectID's default type; Cinder answers 204 even
// when none was set. DELETE /default-types/{project_id}. Requires
// microversion 3.62. Admin only.
func (m *Manager) UnsetDefault(ctx context.Context, projectID string) error {
	if projectID == "" {
		return errors.New("cinder: unsetting a default type needs a project ID")
	}
	return m.root().Do(ctx, rest.Call{Op: "types.UnsetDefault", Method: http.MethodDelete, Path: rest.Path("default-types", projectID),
		Since: since362}, nil)
}
