package cindertest

import (
	"encoding/json"
	"net/http"
)

// metaOwner is a resource with user metadata (a volume or a snapshot), as
// the shared metadata handlers see it.
type metaOwner struct {
	kind  string // "Volume" or "Snapshot", for fault text
	id    string
	md    *map[string]string
	touch func()
	etag  bool // the owner answers ETag and honours If-Match (>= 3.15)
}

// metaLookup finds the owner named by the path or answers its 404.
type metaLookup func(c *call) (metaOwner, bool)

// metadataRoutesFor serves the metadata endpoints below
// {resource}/{id}/metadata.
func metadataRoutesFor(resource string, find metaLookup) []route {
	base := resource + "/{id}/metadata"
	return []route{
		rt("GET", base, func(c *call) { c.getMetadata(find) }),
		rt("POST", base, func(c *call) { c.setMetadata(find, false) }),
		rt("PUT", base, func(c *call) { c.setMetadata(find, true) }),
		rt("GET", base+"/{key}", func(c *call) { c.getMetadataKey(find) }),
		rt("PUT", base+"/{key}", func(c *call) { c.putMetadataKey(find) }),
		rt("DELETE", base+"/{key}", func(c *call) { c.deleteMetadataKey(find) }),
	}
}

// ifMatchFails reports a failed If-Match precondition of an owner that
// honours it, having answered 412.
func (c *call) ifMatchFails(o metaOwner) bool {
	return o.etag && c.ifMatchFailsFor(*o.md)
}

func (c *call) getMetadata(find metaLookup) {
	o, ok := find(c)
	if !ok {
		return
	}
	md := *o.md
	if !o.etag || !c.at(15) {
		c.json(http.StatusOK, map[string]any{"metadata": md})
		return
	}
	// Cinder builds this answer as a raw webob response: JSON body, text/html type.
	b, _ := json.Marshal(map[string]any{"metadata": md})
	c.w.Header().Set("ETag", metadataETag(md))
	c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	c.w.Header().Set("Content-Length", itoa(len(b)))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(b)
}

func (c *call) setMetadata(find metaLookup, replace bool) {
	body, ok := c.envelope("metadata")
	if !ok {
		return
	}
	md, ok := c.metadataField(body, "metadata")
	if !ok {
		return
	}
	o, ok := find(c)
	if !ok || (replace && c.ifMatchFails(o)) {
		return
	}
	if replace {
		*o.md = md
	} else {
		for k, val := range md {
			(*o.md)[k] = val
		}
	}
	o.touch()
	c.json(http.StatusOK, map[string]any{"metadata": *o.md})
}

func (c *call) metaKeyNotFound(o metaOwner, key string) {
	c.fault(404, "%s %s has no metadata with key %s.", o.kind, o.id, key)
}

func (c *call) getMetadataKey(find metaLookup) {
	o, ok := find(c)
	if !ok {
		return
	}
	key := c.params[1]
	val, ok := (*o.md)[key]
	if !ok {
		c.metaKeyNotFound(o, key)
		return
	}
	c.json(http.StatusOK, map[string]any{"meta": map[string]string{key: val}})
}

func (c *call) putMetadataKey(find metaLookup) {
	body, ok := c.envelope("meta")
	if !ok {
		return
	}
	if len(body) > 1 {
		c.invalidField("meta", body, pyRepr(body, true)+" has too many properties")
		return
	}
	md, ok := c.metadataField(body, "meta")
	if !ok {
		return
	}
	key := c.params[1]
	val, ok := md[key]
	if !ok {
		c.fault(400, "Request body and URI mismatch")
		return
	}
	o, ok := find(c)
	if !ok || c.ifMatchFails(o) {
		return
	}
	(*o.md)[key] = val
	o.touch()
	c.json(http.StatusOK, map[string]any{"meta": map[string]string{key: val}})
}

func (c *call) deleteMetadataKey(find metaLookup) {
	o, ok := find(c)
	if !ok {
		return
	}
	key := c.params[1]
	if _, ok := (*o.md)[key]; !ok {
		c.metaKeyNotFound(o, key)
		return
	}
	delete(*o.md, key)
	o.touch()
	c.w.WriteHeader(http.StatusOK)
}
