package grouptypes

import (
	"context"
	"errors"

	"github.com/gocinder/cinder/internal/metadata"
)

// specs is the group specs of type id, on the SDK's one key/value CRUD.
func (m *Manager) specs(id string) metadata.At {
	return metadata.NewKind(m.rc, metadata.Kind{Op: "grouptypes", Path: "group_types", Sub: "group_specs",
		Name: "GroupSpecs", Item: "GroupSpec", Noun: "group spec", Since: since}, id)
}

// GroupSpecs returns the type's group specs.
// GET /group_types/{id}/group_specs. Requires microversion 3.11.
func (m *Manager) GroupSpecs(ctx context.Context, id string) (map[string]string, error) {
	return m.specs(id).Get(ctx)
}

// SetGroupSpecs adds or changes the given group specs, keeping the others,
// and returns what Cinder stored (the given specs).
// POST /group_types/{id}/group_specs. Requires microversion 3.11. Admin only.
func (m *Manager) SetGroupSpecs(ctx context.Context, id string, specs map[string]string) (map[string]string, error) {
	if len(specs) == 0 {
		return nil, errors.New("cinder: setting group specs needs at least one key")
	}
	return m.specs(id).Set(ctx, specs)
}

// GroupSpec returns the value of one group spec; a key the type lacks is an
// error matching cinder.ErrNotFound.
// GET /group_types/{id}/group_specs/{key}. Requires microversion 3.11.
func (m *Manager) GroupSpec(ctx context.Context, id, key string) (string, error) {
	return m.specs(id).Item(ctx, key)
}

// SetGroupSpec sets one group spec.
// PUT /group_types/{id}/group_specs/{key}. Requires microversion 3.11. Admin only.
func (m *Manager) SetGroupSpec(ctx context.Context, id, key, value string) error {
	if key == "" {
		return errors.New("cinder: setting a group spec needs a key")
	}
	return m.specs(id).SetItem(ctx, key, value)
}

// DeleteGroupSpec removes one group spec; a key the type lacks is an error
// matching cinder.ErrNotFound.
// DELETE /group_types/{id}/group_specs/{key}. Requires microversion 3.11. Admin only.
func (m *Manager) DeleteGroupSpec(ctx context.Context, id, key string) error {
	return m.specs(id).DeleteItem(ctx, key)
}
