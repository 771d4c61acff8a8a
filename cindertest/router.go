package cindertest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// statusWriter records the status code for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// ServeHTTP implements http.Handler, so the emulator can also be mounted elsewhere.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
		Microversion: r.Header.Get("OpenStack-API-Version")}
	f := s.matchFault(r)
	if f != nil && f.Latency > 0 {
		select {
		case <-time.After(f.Latency):
		case <-r.Context().Done():
		}
	}
	sw := &statusWriter{ResponseWriter: w}
	switch {
	case f != nil && f.Drop:
		// Log it before closing: the client retries at once, and its
		// next request must not be logged ahead of this one.
		s.logRequest(rec)
		s.drop(w)
		return
	case f != nil && f.Status != 0:
		s.writeFault(sw, f)
	case f.buffered():
		b := &bufferWriter{header: http.Header{}}
		s.serve(b, r, f)
		if f.DropResponse || f.Truncate {
			s.logRequest(rec) // Status 0, before the client can retry; see Drop
			s.deliver(w, b, f)
			return
		}
		sw.status = s.deliver(w, b, f)
	default:
		s.serve(sw, r, f)
	}
	rec.Status = sw.status
	s.logRequest(rec)
	s.log.Debug("cindertest", "method", r.Method, "path", r.URL.Path, "status", sw.status,
		"duration", time.Since(start))
}

// serve handles r under the server lock, after settling due transitions.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, f *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if f != nil && f.ExpireToken {
		s.ids.expire(r.Header.Get("X-Auth-Token"), now)
	}
	s.st.settle(now, s.opts.CreateDelay)
	s.route(w, r)
}

func (s *Server) logRequest(rec Request) {
	s.mu.Lock()
	s.reqs = append(s.reqs, rec)
	s.mu.Unlock()
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/identity" || strings.HasPrefix(p, "/identity/"):
		s.keystone(w, r, strings.TrimPrefix(p, "/identity"))
	case p == "/volume" || strings.HasPrefix(p, "/volume/"):
		s.cinder(w, r, strings.TrimPrefix(p, "/volume"))
	case (p == "/image" || p == "/image/") && r.Method == http.MethodGet:
		s.imageVersions(w)
	default:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, "404 page not found\n")
	}
}

// imageVersions is Glance's version document, the only image API the
// emulator serves: keystoneauth discovers the image endpoint of the catalog
// (python-openstackclient's `volume create` does, even without --image).
func (s *Server) imageVersions(w http.ResponseWriter) {
	writeJSON(w, http.StatusMultipleChoices, map[string]any{"versions": []any{map[string]any{
		"id": "v2.16", "status": "CURRENT",
		"links": []any{map[string]string{"rel": "self", "href": s.url + "/image/v2/"}},
	}}})
}

// writeJSON writes v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"computeFault": {"code": 500, "message": "marshal"}}`)
	}
	w.Header().Set("Content-Length", itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// route is one Cinder endpoint: method plus a pattern of segments after
// /v3/{project_id}/, where "{x}" matches any single segment.
type route struct {
	method  string
	pattern []string
	h       func(c *call)
}

func rt(method, pattern string, h func(c *call)) route {
	return route{method: method, pattern: strings.Split(pattern, "/"), h: h}
}

// match returns the handler and path parameters for segs.
func matchRoute(routes []route, method string, segs []string) (h func(*call), params []string, pathFound bool) {
	for _, rt := range routes {
		if len(rt.pattern) != len(segs) {
			continue
		}
		var ps []string
		ok := true
		for i, p := range rt.pattern {
			if strings.HasPrefix(p, "{") {
				ps = append(ps, segs[i])
			} else if p != segs[i] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		pathFound = true
		if rt.method == method {
			return rt.h, ps, true
		}
	}
	return nil, nil, pathFound
}

// cinderRoutes lists every Block Storage endpoint; resources add theirs in
// their own files. Serve builds the list once per server.
func cinderRoutes() []route {
	var rs []route
	rs = append(rs, volumeRoutes()...)
	rs = append(rs, metadataRoutes()...)
	rs = append(rs, manageRoutes()...)
	rs = append(rs, snapshotRoutes()...)
	rs = append(rs, backupRoutes()...)
	rs = append(rs, transferRoutes()...)
	rs = append(rs, attachmentRoutes()...)
	rs = append(rs, typeRoutes()...)
	rs = append(rs, quotaRoutes()...)
	rs = append(rs, typeSpecRoutes()...)
	rs = append(rs, encryptionRoutes()...)
	rs = append(rs, qosRoutes()...)
	rs = append(rs, limitRoutes()...)
	rs = append(rs, messageRoutes()...)
	rs = append(rs, discoveryRoutes()...)
	rs = append(rs, poolRoutes()...)
	rs = append(rs, serviceRoutes()...)
	rs = append(rs, consistencyGroupRoutes()...)
	rs = append(rs, groupTypeRoutes()...)
	rs = append(rs, groupSpecRoutes()...)
	rs = append(rs, groupRoutes()...)
	rs = append(rs, groupSnapshotRoutes()...)
	return rs
}

// webobNotFound is the answer of Cinder's router (webob) for a path or
// method no controller serves; its format follows the Accept header.
func webobNotFound(w http.ResponseWriter, r *http.Request) {
	accept := r.Header.Get("Accept")
	var ctype, body string
	switch {
	case strings.Contains(accept, "application/json"):
		ctype = "application/json"
		body = `{"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}`
	case strings.Contains(accept, "html") || strings.Contains(accept, "*/*"):
		ctype = "text/html; charset=UTF-8"
		body = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n" +
			"  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>"
	default:
		ctype = "text/plain; charset=UTF-8"
		body = "404 Not Found\n\nThe resource could not be found.\n\n   "
	}
	w.Header().Del("OpenStack-API-Version")
	w.Header().Del("Vary")
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", itoa(len(body)))
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.WriteString(w, body)
}

// topLevel are resource names accepted without a project ID (3.67).
var topLevel = map[string]bool{"volumes": true, "snapshots": true, "types": true, "os-quota-sets": true,
	"manageable_volumes": true, "os-volume-manage": true, "backups": true, "attachments": true,
	"volume-transfers": true, "os-volume-transfer": true, "manageable_snapshots": true, "os-snapshot-manage": true, "limits": true,
	"qos-specs": true, "os-quota-class-sets": true, "messages": true, "os-availability-zone": true, "extensions": true,
	"resource_filters": true, "scheduler-stats": true, "capabilities": true, "os-services": true,
	"group_types": true, "groups": true, "group_snapshots": true, "os-hosts": true, "clusters": true,
	"workers": true, "consistencygroups": true, "cgsnapshots": true}
