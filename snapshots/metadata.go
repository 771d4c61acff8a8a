package snapshots

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
)

type metadataEnv struct {
	Metadata map[string]string `json:"metadata"`
}

type metaEnv struct {
	Meta map[string]string `json:"meta"`
}

func metadataPath(id string, key ...string) string {
	return rest.Path(append([]string{"snapshots", id, "metadata"}, key...)...)
}

// Metadata returns the snapshot's metadata. GET /snapshots/{id}/metadata
func (m *Manager) Metadata(ctx context.Context, id string) (map[string]string, error) {
	var env metadataEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "snapshots.Metadata", Path: metadataPath(id)}, &env); err != nil {
		return nil, err
	}
	return nonNil(env.Metadata), nil
}

// SetMetadata adds or changes the given pairs, keeping the others, and
// returns all of the snapshot's metadata. POST /snapshots/{id}/metadata
func (m *Manager) SetMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.writeMetadata(ctx, "snapshots.SetMetadata", http.MethodPost, id, md)
}

// ReplaceMetadata replaces all of the snapshot's metadata with md and
// returns it. PUT /snapshots/{id}/metadata
func (m *Manager) ReplaceMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.writeMetadata(ctx, "snapshots.ReplaceMetadata", http.MethodPut, id, md)
}

func (m *Manager) writeMetadata(ctx context.Context, op, method, id string, md map[string]string) (map[string]string, error) {
	var env metadataEnv
	err := m.rc.Do(ctx, rest.Call{Op: op, Method: method, Path: metadataPath(id), Body: metadataEnv{nonNil(md)}}, &env)
	if err != nil {
		return nil, err
	}
	return nonNil(env.Metadata), nil
}

// MetadataItem returns the value of one metadata key; a missing key is an
// error matching cinder.ErrNotFound. GET /snapshots/{id}/metadata/{key}
func (m *Manager) MetadataItem(ctx context.Context, id, key string) (string, error) {
	var env metaEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "snapshots.MetadataItem", Path: metadataPath(id, key)}, &env); err != nil {
		return "", err
	}
	v, ok := env.Meta[key]
	if !ok {
		return "", fmt.Errorf("cinder: the server's answer lacks metadata key %q", key)
	}
	return v, nil
}

// SetMetadataItem sets one metadata key. PUT /snapshots/{id}/metadata/{key}
func (m *Manager) SetMetadataItem(ctx context.Context, id, key, value string) error {
	return m.rc.Do(ctx, rest.Call{Op: "snapshots.SetMetadataItem", Method: http.MethodPut, Path: metadataPath(id, key),
		Body: metaEnv{map[string]string{key: value}}}, nil)
}

// DeleteMetadataItem removes one metadata key; a missing key is an error
// matching cinder.ErrNotFound. DELETE /snapshots/{id}/metadata/{key}
func (m *Manager) DeleteMetadataItem(ctx context.Context, id, key string) error {
	return m.rc.Do(ctx, rest.Call{Op: "snapshots.DeleteMetadataItem", Method: http.MethodDelete, Path: metadataPath(id, key)}, nil)
}

func nonNil(md map[string]string) map[string]string {
	if md == nil {
		return map[string]string{}
	}
	return md
}
