package volumes

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/rest"
)

type metadataEnv struct {
	Metadata map[string]string `json:"metadata"`
}

type metaEnv struct {
	Meta map[string]string `json:"meta"`
}

func metadataPath(id string, key ...string) string {
	return rest.Path(append([]string{"volumes", id, "metadata"}, key...)...)
}

// Metadata returns the volume's metadata. GET /volumes/{id}/metadata
func (m *Manager) Metadata(ctx context.Context, id string) (map[string]string, error) {
	md, _, err := m.metadata(ctx, "volumes.Metadata", id, mv.Version{})
	return md, err
}

// MetadataWithETag returns the volume's metadata and its ETag, for
// ReplaceMetadataIfMatch. GET /volumes/{id}/metadata. Requires microversion 3.15.
func (m *Manager) MetadataWithETag(ctx context.Context, id string) (map[string]string, string, error) {
	md, etag, err := m.metadata(ctx, "volumes.MetadataWithETag", id, mv.V(3, 15))
	if err == nil && etag == "" {
		return nil, "", errors.New("cinder: the server sent no ETag for the volume metadata")
	}
	return md, etag, err
}

func (m *Manager) metadata(ctx context.Context, op, id string, since mv.Version) (map[string]string, string, error) {
	var env metadataEnv
	var resp rest.Response
	err := m.rc.Do(ctx, rest.Call{Op: op, Path: metadataPath(id), Since: since, Response: &resp}, &env)
	if err != nil {
		return nil, "", err
	}
	if env.Metadata == nil {
		env.Metadata = map[string]string{}
	}
	return env.Metadata, resp.Header.Get("Etag"), nil
}

// SetMetadata adds or changes the given pairs, keeping the others, and
// returns all of the volume's metadata. POST /volumes/{id}/metadata
func (m *Manager) SetMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.writeMetadata(ctx, rest.Call{Op: "volumes.SetMetadata", Method: http.MethodPost}, id, md)
}

// ReplaceMetadata replaces all of the volume's metadata with md and returns
// it. PUT /volumes/{id}/metadata
func (m *Manager) ReplaceMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	return m.writeMetadata(ctx, rest.Call{Op: "volumes.ReplaceMetadata", Method: http.MethodPut}, id, md)
}

// ReplaceMetadataIfMatch is ReplaceMetadata that fails, changing nothing,
// when the metadata changed since MetadataWithETag returned etag: the error
// then matches cinder.ErrPrecondition (HTTP 412). PUT /volumes/{id}/metadata
// with If-Match. Requires microversion 3.15.
func (m *Manager) ReplaceMetadataIfMatch(ctx context.Context, id string, md map[string]string, etag string) (map[string]string, error) {
	if etag == "" {
		return nil, errors.New("cinder: an empty ETag matches nothing; use ReplaceMetadata")
	}
	return m.writeMetadata(ctx, rest.Call{Op: "volumes.ReplaceMetadataIfMatch", Method: http.MethodPut,
		Since: mv.V(3, 15), Header: http.Header{"If-Match": {etag}}}, id, md)
}

func (m *Manager) writeMetadata(ctx context.Context, call rest.Call, id string, md map[string]string) (map[string]string, error) {
	if md == nil {
		md = map[string]string{}
	}
	call.Path = metadataPath(id)
	call.Body = metadataEnv{md}
	var env metadataEnv
	if err := m.rc.Do(ctx, call, &env); err != nil {
		return nil, err
	}
	if env.Metadata == nil {
		env.Metadata = map[string]string{}
	}
	return env.Metadata, nil
}

// MetadataItem returns the value of one metadata key; a missing key is an
// error matching cinder.ErrNotFound. GET /volumes/{id}/metadata/{key}
func (m *Manager) MetadataItem(ctx context.Context, id, key string) (string, error) {
	var env metaEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "volumes.MetadataItem", Path: metadataPath(id, key)}, &env); err != nil {
		return "", err
	}
	v, ok := env.Meta[key]
	if !ok {
		return "", fmt.Errorf("cinder: the server's answer lacks metadata key %q", key)
	}
	return v, nil
}

// SetMetadataItem sets one metadata key. PUT /volumes/{id}/metadata/{key}
func (m *Manager) SetMetadataItem(ctx context.Context, id, key, value string) error {
	return m.rc.Do(ctx, rest.Call{Op: "volumes.SetMetadataItem", Method: http.MethodPut, Path: metadataPath(id, key),
		Body: metaEnv{map[string]string{key: value}}}, nil)
}

// DeleteMetadataItem removes one metadata key. DELETE /volumes/{id}/metadata/{key}
func (m *Manager) DeleteMetadataItem(ctx context.Context, id, key string) error {
	return m.rc.Do(ctx, rest.Call{Op: "volumes.DeleteMetadataItem", Method: http.MethodDelete, Path: metadataPath(id, key)}, nil)
}

// DeleteMetadata removes the given keys. From microversion 3.15 on it reads
// the metadata with its ETag and writes it back without the keys under
// If-Match, so a concurrent change makes it fail with cinder.ErrPrecondition
// instead of being lost; before 3.15 it deletes key by key. Keys that are
// not set are ignored at 3.15 and later, and an error before.
func (m *Manager) DeleteMetadata(ctx context.Context, id string, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	if m.rc.Version.Less(mv.V(3, 15)) {
		for _, k := range keys {
			if err := m.DeleteMetadataItem(ctx, id, k); err != nil {
				return err
			}
		}
		return nil
	}
	md, etag, err := m.MetadataWithETag(ctx, id)
	if err != nil {
		return err
	}
	kept := maps.Clone(md)
	for _, k := range keys {
		delete(kept, k)
	}
	if len(kept) == len(md) {
		return nil
	}
	_, err = m.ReplaceMetadataIfMatch(ctx, id, kept, etag)
	return err
}
