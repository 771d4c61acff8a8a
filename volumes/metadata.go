package volumes

import (
	"context"

	"github.com/gocinder/cinder/internal/metadata"
)

func (m *Manager) metadata(id string) metadata.At { return metadata.New(m.rc, "volumes", id) }

// Metadata returns the volume's metadata. GET /volumes/{id}/metadata
func (m *Manager) Metadata(ctx context.Context, id string) (map[string]string, error) {
	return m.metadata(id).Get(ctx)
}

// MetadataWithETag returns the volume's metadata and its ETag, for
// ReplaceMetadataIfMatch. GET /volumes/{id}/metadata. Requires microversion 3.15.
func (m *Manager) MetadataWithETag(ctx context.Context, id string) (map[string]string, string, error) {
	return m.metadata(id).GetWithETag(ctx)
}

// SetMetadata adds or changes the given pairs, keeping the others, and
// returns all of the volume's metadata. POST /volumes/{id}/metadata
func (m *Manager) SetMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.metadata(id).Set(ctx, md)
}

// ReplaceMetadata replaces all of the volume's metadata with md and returns
// it. PUT /volumes/{id}/metadata
func (m *Manager) ReplaceMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.metadata(id).Replace(ctx, md)
}

// ReplaceMetadataIfMatch is ReplaceMetadata that fails, changing nothing,
// when the metadata changed since MetadataWithETag returned etag: the error
// then matches cinder.ErrPrecondition (HTTP 412). PUT /volumes/{id}/metadata
// with If-Match. Requires microversion 3.15.
func (m *Manager) ReplaceMetadataIfMatch(ctx context.Context, id string, md map[string]string, etag string) (map[string]string, error) {
	return m.metadata(id).ReplaceIfMatch(ctx, md, etag)
}

// MetadataItem returns the value of one metadata key; a missing key is an
// error matching cinder.ErrNotFound. GET /volumes/{id}/metadata/{key}
func (m *Manager) MetadataItem(ctx context.Context, id, key string) (string, error) {
	return m.metadata(id).Item(ctx, key)
}

// SetMetadataItem sets one metadata key. PUT /volumes/{id}/metadata/{key}
func (m *Manager) SetMetadataItem(ctx context.Context, id, key, value string) error {
	return m.metadata(id).SetItem(ctx, key, value)
}

// DeleteMetadataItem removes one metadata key. DELETE /volumes/{id}/metadata/{key}
func (m *Manager) DeleteMetadataItem(ctx context.Context, id, key string) error {
	return m.metadata(id).DeleteItem(ctx, key)
}

// DeleteMetadata removes the given keys. From microversion 3.15 on it reads
// the metadata with its ETag and writes it back without the keys under
// If-Match, so a concurrent change makes it fail with cinder.ErrPrecondition
// instead of being lost; before 3.15 it deletes key by key. Keys that are
// not set are ignored at 3.15 and later, and an error before.
func (m *Manager) DeleteMetadata(ctx context.Context, id string, keys ...string) error {
	return m.metadata(id).Delete(ctx, keys...)
}
