package types

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
)

type extraSpecsEnv struct {
	ExtraSpecs map[string]string `json:"extra_specs"`
}

func specsPath(id string, key ...string) string {
	return rest.Path(append([]string{"types", id, "extra_specs"}, key...)...)
}

// ExtraSpecs returns the type's extra specs. GET /types/{id}/extra_specs
func (m *Manager) ExtraSpecs(ctx context.Context, id string) (map[string]string, error) {
	var env extraSpecsEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "types.ExtraSpecs", Path: specsPath(id)}, &env); err != nil {
		return nil, err
	}
	if env.ExtraSpecs == nil {
		env.ExtraSpecs = map[string]string{}
	}
	return env.ExtraSpecs, nil
}

// SetExtraSpecs adds or changes the given extra specs, keeping the others,
// and returns what Cinder stored (the given specs), as
// grouptypes.SetGroupSpecs does. POST /types/{id}/extra_specs. Admin only.
func (m *Manager) SetExtraSpecs(ctx context.Context, id string, specs map[string]string) (map[string]string, error) {
	if len(specs) == 0 {
		return nil, errors.New("cinder: setting extra specs needs at least one key")
	}
	var env extraSpecsEnv
	err := m.rc.Do(ctx, rest.Call{Op: "types.SetExtraSpecs", Method: http.MethodPost, Path: specsPath(id),
		Body: extraSpecsEnv{specs}}, &env)
	if err != nil {
		return nil, err
	}
	return env.ExtraSpecs, nil
}

// ExtraSpec returns the value of one extra spec; a key the type lacks is
// an error matching cinder.ErrNotFound. GET /types/{id}/extra_specs/{key}
func (m *Manager) ExtraSpec(ctx context.Context, id, key string) (string, error) {
	var out map[string]string
	if err := m.rc.Do(ctx, rest.Call{Op: "types.ExtraSpec", Path: specsPath(id, key)}, &out); err != nil {
		return "", err
	}
	v, ok := out[key]
	if !ok {
		return "", fmt.Errorf("cinder: the server's answer lacks extra spec %q", key)
	}
	return v, nil
}

// SetExtraSpec sets one extra spec. PUT /types/{id}/extra_specs/{key}. Admin only.
func (m *Manager) SetExtraSpec(ctx context.Context, id, key, value string) error {
	return m.rc.Do(ctx, rest.Call{Op: "types.SetExtraSpec", Method: http.MethodPut, Path: specsPath(id, key),
		Body: map[string]string{key: value}}, nil)
}

// DeleteExtraSpec removes one extra spec; a key the type lacks is an error
// matching cinder.ErrNotFound. DELETE /types/{id}/extra_specs/{key}. Admin only.
func (m *Manager) DeleteExtraSpec(ctx context.Context, id, key string) error {
	return m.rc.Do(ctx, rest.Call{Op: "types.DeleteExtraSpec", Method: http.MethodDelete, Path: specsPath(id, key)}, nil)
}
