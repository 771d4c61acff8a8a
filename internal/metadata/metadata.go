// Package metadata reads and writes the string maps Cinder keeps under a
// resource: /metadata of volumes and snapshots, /extra_specs of volume
// types, /group_specs of group types — one key/value CRUD for the resource
// packages' typed Metadata, ExtraSpecs and GroupSpecs methods.
package metadata

import (
	"context"
	"encoding/json"
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

// Kind describes one kind of key/value map.
type Kind struct {
	Op    string     // the ops' prefix: "volumes", "types", "grouptypes"
	Path  string     // the collection's path: "volumes", "group_types"
	Sub   string     // the map's path below a resource, also its JSON envelope: "metadata", "extra_specs"
	Name  string     // the op of the whole map: "Metadata", "ExtraSpecs"; writing it is "Set"+Name
	Item  string     // the op of one key: "MetadataItem", "ExtraSpec"; also "Set"+Item, "Delete"+Item
	Noun  string     // one key in messages: "metadata key", "extra spec"
	Since mv.Version // the lowest microversion of every call (zero: none)
	// ItemEnv wraps one key's body and answer: "meta" for metadata
	// ({"meta": {k: v}}); "" for a bare {k: v} (extra and group specs).
	ItemEnv string
}

// At is the key/value map of one resource: /<Path>/<id>/<Sub>.
type At struct {
	rc   *rest.Client
	kind Kind
	id   string
}

// New returns the metadata of the resource id in collection ("volumes").
func New(rc *rest.Client, collection, id string) At {
	return NewKind(rc, Kind{Op: collection, Path: collection, Sub: "metadata", Name: "Metadata", Item: "MetadataItem",
		Noun: "metadata key", ItemEnv: "meta"}, id)
}

// NewKind returns the map of kind k of the resource id.
func NewKind(rc *rest.Client, k Kind, id string) At { return At{rc: rc, kind: k, id: id} }

func (a At) path(key ...string) string {
	return rest.Path(append([]string{a.kind.Path, a.id, a.kind.Sub}, key...)...)
}

func (a At) op(method string) string { return a.kind.Op + "." + method }

// call is a request on the map (or one key), at the kind's microversion
// unless since asks for a later one.
func (a At) call(method, httpMethod string, since mv.Version, key ...string) rest.Call {
	if a.kind.Since.AtLeast(since) {
		since = a.kind.Since
	}
	return rest.Call{Op: a.op(method), Method: httpMethod, Path: a.path(key...), Since: since}
}

// env is {"<Sub>": {...}}.
func (a At) env(md map[string]string) map[string]map[string]string {
	return map[string]map[string]string{a.kind.Sub: md}
}

// itemBody is one key's body and answer in the kind's envelope.
func (a At) itemBody(key, value string) any {
	if a.kind.ItemEnv == "" {
		return map[string]string{key: value}
	}
	return map[string]map[string]string{a.kind.ItemEnv: {key: value}}
}

// Get returns the metadata (never nil). GET …/metadata
func (a At) Get(ctx context.Context) (map[string]string, error) {
	md, _, err := a.get(ctx, a.kind.Name, mv.Version{})
	return md, err
}

// GetWithETag returns the metadata and its ETag; a missing ETag is an
// error. GET …/metadata, from ETagSince on.
func (a At) GetWithETag(ctx context.Context) (map[string]string, string, error) {
	md, etag, err := a.get(ctx, "MetadataWithETag", ETagSince)
	if err == nil && etag == "" {
		return nil, "", fmt.Errorf("cinder: the server sent no ETag for the %s metadata", strings.TrimSuffix(a.kind.Path, "s"))
	}
	return md, etag, err
}

func (a At) get(ctx context.Context, method string, since mv.Version) (map[string]string, string, error) {
	var out map[string]map[string]string
	var resp rest.Response
	call := a.call(method, http.MethodGet, since)
	call.Response = &resp
	if err := a.rc.Do(ctx, call, &out); err != nil {
		return nil, "", err
	}
	return nonNil(out[a.kind.Sub]), resp.Header.Get("Etag"), nil
}

// Set adds or changes the pairs of md, keeping the others, and returns the
// whole metadata. POST …/metadata
func (a At) Set(ctx context.Context, md map[string]string) (map[string]string, error) {
	return a.write(ctx, a.call("Set"+a.kind.Name, http.MethodPost, mv.Version{}), md)
}

// Replace replaces the metadata with md and returns it. PUT …/metadata
func (a At) Replace(ctx context.Context, md map[string]string) (map[string]string, error) {
	return a.write(ctx, a.call("ReplaceMetadata", http.MethodPut, mv.Version{}), md)
}

// ReplaceIfMatch is Replace under If-Match: etag. PUT …/metadata, from
// ETagSince on.
func (a At) ReplaceIfMatch(ctx context.Context, md map[string]string, etag string) (map[string]string, error) {
	if etag == "" {
		return nil, errors.New("cinder: an empty ETag matches nothing; use ReplaceMetadata")
	}
	call := a.call("ReplaceMetadataIfMatch", http.MethodPut, ETagSince)
	call.Header = http.Header{"If-Match": {etag}}
	return a.write(ctx, call, md)
}

func (a At) write(ctx context.Context, call rest.Call, md map[string]string) (map[string]string, error) {
	call.Body = a.env(nonNil(md))
	var out map[string]map[string]string
	if err := a.rc.Do(ctx, call, &out); err != nil {
		return nil, err
	}
	return nonNil(out[a.kind.Sub]), nil
}

// Item returns the value of key. GET …/<Sub>/{key}
func (a At) Item(ctx context.Context, key string) (string, error) {
	var out map[string]json.RawMessage
	if err := a.rc.Do(ctx, a.call(a.kind.Item, http.MethodGet, mv.Version{}, key), &out); err != nil {
		return "", err
	}
	raw := out[key]
	if a.kind.ItemEnv != "" {
		var inner map[string]json.RawMessage
		if err := json.Unmarshal(out[a.kind.ItemEnv], &inner); err == nil {
			raw = inner[key]
		}
	}
	var v string
	if raw == nil || json.Unmarshal(raw, &v) != nil {
		return "", fmt.Errorf("cinder: the server's answer lacks %s %q", a.kind.Noun, key)
	}
	return v, nil
}

// SetItem sets key to value. PUT …/<Sub>/{key}
func (a At) SetItem(ctx context.Context, key, value string) error {
	call := a.call("Set"+a.kind.Item, http.MethodPut, mv.Version{}, key)
	call.Body = a.itemBody(key, value)
	return a.rc.Do(ctx, call, nil)
}

// DeleteItem removes key. DELETE …/<Sub>/{key}
func (a At) DeleteItem(ctx context.Context, key string) error {
	return a.rc.Do(ctx, a.call("Delete"+a.kind.Item, http.MethodDelete, mv.Version{}, key), nil)
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
