package cindertest

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
)

func metadataRoutes() []route {
	return []route{
		rt("GET", "volumes/{id}/metadata", (*call).getMetadata),
		rt("POST", "volumes/{id}/metadata", func(c *call) { c.setMetadata(false) }),
		rt("PUT", "volumes/{id}/metadata", func(c *call) { c.setMetadata(true) }),
		rt("GET", "volumes/{id}/metadata/{key}", (*call).getMetadataKey),
		rt("PUT", "volumes/{id}/metadata/{key}", (*call).putMetadataKey),
		rt("DELETE", "volumes/{id}/metadata/{key}", (*call).deleteMetadataKey),
	}
}

// metadataETag is md5 of Python's json.dumps({"metadata": {...}}) (keys sorted here).
func metadataETag(md map[string]string) string {
	var b strings.Builder
	b.WriteString(`{"metadata": {`)
	for i, k := range sortedKeys(md) {
		if i > 0 {
			b.WriteString(", ")
		}
		kj, _ := json.Marshal(k)
		vj, _ := json.Marshal(md[k])
		b.Write(kj)
		b.WriteString(": ")
		b.Write(vj)
	}
	b.WriteString("}}")
	sum := md5.Sum([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// ifMatchFails reports a failed If-Match precondition (>= 3.15) and answers 412.
func (c *call) ifMatchFails(v *volume) bool {
	want := c.r.Header.Get("If-Match")
	if !c.at(15) || want == "" {
		return false
	}
	if strings.Trim(want, `"`) == metadataETag(v.Metadata) || want == "*" {
		return false
	}
	c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	c.w.WriteHeader(http.StatusPreconditionFailed)
	return true
}

func (c *call) getMetadata() {
	v := c.volumeOr404(c.params[0])
	if v == nil {
		return
	}
	if !c.at(15) {
		c.json(http.StatusOK, map[string]any{"metadata": v.Metadata})
		return
	}
	// Cinder builds this answer as a raw webob response: JSON body, text/html type.
	b, _ := json.Marshal(map[string]any{"metadata": v.Metadata})
	c.w.Header().Set("ETag", metadataETag(v.Metadata))
	c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	c.w.Header().Set("Content-Length", itoa(len(b)))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(b)
}

func (c *call) setMetadata(replace bool) {
	body, ok := c.envelope("metadata")
	if !ok {
		return
	}
	md, ok := c.metadataField(body, "metadata")
	if !ok {
		return
	}
	v := c.volumeOr404(c.params[0])
	if v == nil || (replace && c.ifMatchFails(v)) {
		return
	}
	if replace {
		v.Metadata = md
	} else {
		for k, val := range md {
			v.Metadata[k] = val
		}
	}
	c.s.st.touch(v)
	c.json(http.StatusOK, map[string]any{"metadata": v.Metadata})
}

func (c *call) metaKeyNotFound(v *volume, key string) {
	c.fault(404, "Volume %s has no metadata with key %s.", v.ID, key)
}

func (c *call) getMetadataKey() {
	v := c.volumeOr404(c.params[0])
	if v == nil {
		return
	}
	key := c.params[1]
	val, ok := v.Metadata[key]
	if !ok {
		c.metaKeyNotFound(v, key)
		return
	}
	c.json(http.StatusOK, map[string]any{"meta": map[string]string{key: val}})
}

func (c *call) putMetadataKey() {
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
	v := c.volumeOr404(c.params[0])
	if v == nil || c.ifMatchFails(v) {
		return
	}
	v.Metadata[key] = val
	c.s.st.touch(v)
	c.json(http.StatusOK, map[string]any{"meta": map[string]string{key: val}})
}

func (c *call) deleteMetadataKey() {
	v := c.volumeOr404(c.params[0])
	if v == nil {
		return
	}
	key := c.params[1]
	if _, ok := v.Metadata[key]; !ok {
		c.metaKeyNotFound(v, key)
		return
	}
	delete(v.Metadata, key)
	c.s.st.touch(v)
	c.w.WriteHeader(http.StatusOK)
}
