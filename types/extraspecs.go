package types

import (
	"context"
	"errors"

	"github.com/gocinder/cinder/internal/metadata"
)

// specs is the extra specs of type id, on the SDK's one key/value CRUD.
func (m *Manager) specs(id string) metadata.At {
	return metadata.NewKind(m.rc, metadata.Kind{Op: "types", Path: "types", Sub: "extra_specs",
		Name: "ExtraSpecs", Item: "ExtraSpec", Noun: "extra spec"}, id)
}

// ExtraSpecs returns the type's extra specs. GET /types/{id}/extra_specs
func (m *Manager) ExtraSpecs(ctx context.Context, id string) (map[string]string, error) {
	return m.specs(id).Get(ctx)
}

// SetExtraSpecs adds or changes the given extra specs, keeping the others,
// and returns what Cinder stored (the given specs), as
// grouptypes.SetGroupSpecs does. POST /types/{id}/extra_specs. Admin only.
func (m *Manager) SetExtraSpecs(ctx context.Context, id string, specs map[string]string) (map[string]string, error) {
	if len(specs) == 0 {
		return nil, errors.New("cinder: setting extra specs needs at least one key")
	}
	return m.specs(id).Set(ctx, specs)
}

// ExtraSpec returns the value of one extra spec; a key the type lacks is
// an error matching cinder.ErrNotFound. GET /types/{id}/extra_specs/{key}
func (m *Manager) ExtraSpec(ctx context.Context, id, key string) (string, error) {
	return m.specs(id).Item(ctx, key)
}

// SetExtraSpec sets one extra spec. PUT /types/{id}/extra_specs/{key}. Admin only.
func (m *Manager) SetExtraSpec(ctx context.Context, id, key, value string) error {
	return m.specs(id).SetItem(ctx, key, value)
}

// DeleteExtraSpec removes one extra spec; a key the type lacks is an error
// matching cinder.ErrNotFound. DELETE /types/{id}/extra_specs/{key}. Admin only.
func (m *Manager) DeleteExtraSpec(ctx context.Context, id, key string) error {
	return m.specs(id).DeleteItem(ctx, key)
}
