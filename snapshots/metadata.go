package snapshots

import (
	"context"

	"github.com/gocinder/cinder/internal/metadata"
)

func (m *Manager) metadata(id string) metadata.At { return metadata.New(m.rc, "snapshots", id) }

// Metadata returns the snapshot's metadata. GET /snapshots/{id}/metadata
func (m *Manager) Metadata(ctx context.Context, id string) (map[string]string, error) {
	return m.metadata(id).Get(ctx)
}

// SetMetadata adds or changes the given pairs, keeping the others, and
// returns all of the snapshot's metadata. POST /snapshots/{id}/metadata
func (m *Manager) SetMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.metadata(id).Set(ctx, md)
}

// ReplaceMetadata replaces all of the snapshot's metadata with md and
// returns it. PUT /snapshots/{id}/metadata
func (m *Manager) ReplaceMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.metadata(id).Replace(ctx, md)
}

// MetadataItem returns the value of one metadata key; a missing key is an
// error matching cinder.ErrNotFound. GET /snapshots/{id}/metadata/{key}
func (m *Manager) MetadataItem(ctx context.Context, id, key string) (string, error) {
	return m.metadata(id).Item(ctx, key)
}

// SetMetadataItem sets one metadata key. PUT /snapshots/{id}/metadata/{key}
func (m *Manager) SetMetadataItem(ctx context.Context, id, key, value string) error {
	return m.metadata(id).SetItem(ctx, key, value)
}

// DeleteMetadataItem removes one metadata key; a missing key is an error
// matching cinder.ErrNotFound. DELETE /snapshots/{id}/metadata/{key}
func (m *Manager) DeleteMetadataItem(ctx context.Context, id, key string) error {
	return m.metadata(id).DeleteItem(ctx, key)
}
