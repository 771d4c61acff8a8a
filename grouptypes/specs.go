package grouptypes

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
)

type specsEnv struct {
	GroupSpecs map[string]string `json:"group_specs"`
}

func specsPath(id string, key ...string) string {
	return rest.Path(append([]string{"group_types", id, "group_specs"}, key...)...)
}

// GroupSpecs returns the type's group specs.
// GET /group_types/{id}/group_specs. Requires microversion 3.11.
func (m *Manager) GroupSpecs(ctx context.Context, id string) (map[string]string, error) {
	var env specsEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "grouptypes.GroupSpecs", Path: specsPath(id), Since: since}, &env); err != nil {
		return nil, err
	}
	if env.GroupSpecs == nil {
		env.GroupSpecs = map[string]string{}
	}
	return env.GroupSpecs, nil
}

// SetGroupSpecs adds or changes the given group specs, keeping the others,
// and returns what Cinder stored (the given specs).
// POST /group_types/{id}/group_specs. Requires microversion 3.11. Admin only.
func (m *Manager) SetGroupSpecs(ctx context.Context, id string, specs map[string]string) (map[string]string, error) {
	if len(specs) == 0 {
		return nil, errors.New("cinder: setting group specs needs at least one key")
	}
	var env specsEnv
	err := m.rc.Do(ctx, rest.Call{Op: "grouptypes.SetGroupSpecs", Method: http.MethodPost, Path: specsPath(id), Since: since,
		Body: specsEnv{specs}}, &env)
	if err != nil {
		return nil, err
	}
	return env.GroupSpecs, nil
}

// GroupSpec returns the value of one group spec; a key the type lacks is an
// error matching cinder.ErrNotFound.
// GET /group_types/{id}/group_specs/{key}. Requires microversion 3.11.
func (m *Manager) GroupSpec(ctx context.Context, id, key string) (string, error) {
	var out map[string]string
	if err := m.rc.Do(ctx, rest.Call{Op: "grouptypes.GroupSpec", Path: specsPath(id, key), Since: since}, &out); err != nil {
		return "", err
	}
	v, ok := out[key]
	if !ok {
		return "", fmt.Errorf("cinder: the server's answer lacks group spec %q", key)
	}
	return v, nil
}

// SetGroupSpec sets one group spec.
// PUT /group_types/{id}/group_specs/{key}. Requires microversion 3.11. Admin only.
func (m *Manager) SetGroupSpec(ctx context.Context, id, key, value string) error {
	if key == "" {
		return errors.New("cinder: setting a group spec needs a key")
	}
	return m.rc.Do(ctx, rest.Call{Op: "grouptypes.SetGroupSpec", Method: http.MethodPut, Path: specsPath(id, key), Since: since,
		Body: map[string]string{key: value}}, nil)
}

// DeleteGroupSpec removes one group spec; a key the type lacks is an error
// matching cinder.ErrNotFound.
// DELETE /group_types/{id}/group_specs/{key}. Requires microversion 3.11. Admin only.
func (m *Manager) DeleteGroupSpec(ctx context.Context, id, key string) error {
	return m.rc.Do(ctx, rest.Call{Op: "grouptypes.DeleteGroupSpec", Method: http.MethodDelete, Path: specsPath(id, key), Since: since}, nil)
}
