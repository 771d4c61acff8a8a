// Package metadata reads and writes the string map Cinder keeps under a
// resource's /metadata path (volumes, snapshots), for the resource
// packages' typed Metadata methods.
package metadata

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// ETagSince is the microversion from which Cinder sends and checks the
// metadata's ETag.
var ETagSince = mv.V(3, 15)

// At is the metadata of one resource: /<collection>/<id>/metadata.
type At struct {
	rc         *rest.Client
	collection string // "volumes"; ops are "volumes.Metadata" and so on
	id         string
}

// New returns the metadata of the resource id in collection ("volumes").
func New(rc *rest.Client, collection, id string) At {
	return At{rc: rc, collection: collection, id: id}
}

type env struct {
	Metadata map[string]string `json:"metadata"`
}

type itemEnv struct {
	Meta map[string]string `json:"meta"`
}

func (a At) path(key ...string) string {
	return rest.Path(append([]string{a.collection, a.id, "metadata"}, key...)...)
}

func (a At) op(method string) string { return a.collection + "." + method }

// Get returns the metadata (never nil). GET …/metadata
func (a At) Get(ctx context.Context) (map[string]string, error) {
	md, _, err := a.get(ctx, "Metadata", mv.Version{})
	return md, err
}

// GetWithETag returns the metadata and its ETag; a missing ETag is an
// error. GET …/metadata, from ETagSince on.
func (a At) GetWithETag(ctx context.Context) (map[string]string, string, error) {
	md, etag, err := a.get(ctx, "MetadataWithETag", ETagSince)
	if err == nil && etag == "" {
		return nil, "", fmt.Errorf("cinder: the server sent no ETag for the %s metadata", strings.TrimSuffix(a.collection, "s"))
	}
	return md, etag, err
}

func (a At) get(ctx context.Context, method string, since mv.Version) (map[string]string, string, error) {
	var out env
	var resp rest.Response
	err := a.rc.Do(ctx, rest.Call{Op: a.op(method), Path: a.path(), Since: since, Response: &resp}, &out)
	if err != nil {
		return nil, "", err
	}
	return nonNil(out.Metadata), resp.Header.Get("Etag"), nil
}

// Set adds or changes the pairs of md, keeping the others, and returns the
// whole metadata. POST …/metadata
func (a At) Set(ctx context.Context, md map[string]string) (map[string]string, error) {
	return a.write(ctx, rest.Call{Op: a.op("SetMetadata"), Method: http.MethodPost}, md)
}

// Replace replaces the metadata with md and returns it. PUT …/metadata
func (a At) Replace(ctx context.Context, md map[string]string) (map[string]string, error) {
	return a.write(ctx, rest.Call{Op: a.op("ReplaceMetadata"), Method: http.MethodPut}, md)
}

// ReplaceIfMatch is Replace under If-Match: etag. PUT …/metadata, from
// ETagSince on.
func (a At) ReplaceIfMatch(ctx context.Context, md map[string]string, etag string) (map[string]string, error) {
	if etag == "" {
		return nil, errors.New("cinder: an empty ETag matches nothing; use ReplaceMetadata")
	}
	return a.write(ctx, rest.Call{Op: a.op("ReplaceMetadataIfMatch"), Method: http.MethodPut,
		Since: ETagSince, Header: http.Header{"If-Match": {etag}}}, md)
}

func (a At) write(ctx context.Context, call rest.Call, md map[string]string) (map[string]string, error) {
	call.Path = a.path()
	call.Body = env{nonNil(md)}
	var out env
	if err := a.rc.Do(ctx, call, &out); err != nil {
		return nil, err
	}
	return nonNil(out.Metadata), nil
}

// Item returns the value of key. GET …/metadata/{key}
func (a At) Item(ctx context.Context, key string) (string, error) {
	var out itemEnv
	if err := a.rc.Do(ctx, rest.Call{Op: a.op("MetadataItem"), Path: a.path(key)}, &out); err != nil {
		return "", err
	}
	v, ok := out.Meta[key]
	if !ok {
		return "", fmt.Errorf("cinder: the server's answer lacks metadata key %q", key)
	}
	return v, nil
}

// SetItem sets key to value. PUT …/metadata/{key}
func (a At) SetItem(ctx context.Context, key, value string) error {
	return a.rc.Do(ctx, rest.Call{Op: a.op("SetMetadataItem"), Method: http.MethodPut, Path: a.path(key),
		Body: itemEnv{map[string]string{key: value}}}, nil)
}

// DeleteItem removes key. DELETE …/metadata/{key}
func (a At) DeleteItem(ctx context.Context, key string) error {
	return a.rc.Do(ctx, rest.Call{Op: a.op("DeleteMetadataItem"), Method: http.MethodDelete, Path: a.path(key)}, nil)
}

// Delete removes keys. From ETagSince on it reads the metadata with its
// ETag and writes it back without the keys under If-Match, so that a
// concurrent change fails with rest.ErrPrecondition instead of being lost
// (keys that are not set are ignored); before, it deletes key by key.
func (a At) Delete(ctx context.Context, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	if a.rc.Version.Less(ETagSince) {
		for _, k := range keys {
			if err := a.DeleteItem(ctx, k); err != nil {
				return err
			}
		}
		return nil
	}
	md, etag, err := a.GetWithETag(ctx)
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
	_, err = a.ReplaceIfMatch(ctx, kept, etag)
	return err
}

func nonNil(md map[string]string) map[string]string {
	if md == nil {
		return map[string]string{}
	}
	return md
}
