package cindertest

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
)

func metadataRoutes() []route {
	return metadataRoutesFor("volumes", func(c *call) (metaOwner, bool) {
		v := c.volumeOr404(c.params[0])
		if v == nil {
			return metaOwner{}, false
		}
		return metaOwner{kind: "Volume", id: v.ID, md: &v.Metadata, touch: func() { c.s.st.touch(v) }, etag: true}, true
	})
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

// ifMatchFailsFor reports a failed If-Match precondition (>= 3.15) on
// metadata md and answers 412.
func (c *call) ifMatchFailsFor(md map[string]string) bool {
	want := c.r.Header.Get("If-Match")
	if !c.at(15) || want == "" {
		return false
	}
	if strings.Trim(want, `"`) == metadataETag(md) || want == "*" {
		return false
	}
	c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	c.w.WriteHeader(http.StatusPreconditionFailed)
	return true
}
