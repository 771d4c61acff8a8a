package cindertest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gocinder/cinder/microversion"
)

// call is the context of one authenticated Block Storage request.
type call struct {
	s       *Server
	w       http.ResponseWriter
	r       *http.Request
	tok     *token
	admin   bool
	mv      microversion.Version
	project string // project ID in the URL
	params  []string
	body    []byte
	reqID   string
	// cgAPI is set by the consistency group handlers, which run the group
	// handlers on a translated body: no group microversion, no reserved type.
	cgAPI bool
}

func (c *call) at(minor int) bool { return c.mv.AtLeast(microversion.V(3, minor)) }

// faultNames maps status codes to Cinder's fault envelope keys (wsgi.Fault._fault_names;
// any other status is a computeFault).
var faultNames = map[int]string{400: "badRequest", 401: "unauthorized", 403: "forbidden", 404: "itemNotFound",
	405: "badMethod", 409: "conflictingRequest", 413: "overLimit", 415: "badMediaType", 501: "notImplemented",
	503: "serviceUnavailable"}

func (c *call) fault(code int, format string, args ...any) {
	writeFault(c.w, code, fmt.Sprintf(format, args...))
}

func writeFault(w http.ResponseWriter, code int, msg string) {
	name := faultNames[code]
	if name == "" {
		name = "computeFault"
	}
	body := map[string]any{"code": code, "message": msg}
	if code == http.StatusRequestEntityTooLarge {
		body["retryAfter"] = "0"
		w.Header().Set("Retry-After", "0")
	}
	writeJSON(w, code, map[string]any{name: body})
}

func (c *call) notFound()            { c.fault(404, "The resource could not be found.") }
func (c *call) json(code int, v any) { writeJSON(c.w, code, v) }
func (c *call) accepted() {
	c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	c.w.WriteHeader(http.StatusAccepted)
}
func (c *call) policy(rule string) { c.fault(403, "Policy doesn't allow %s to be performed.", rule) }
func (c *call) invalidField(field string, v any, why string) {
	c.fault(400, "Invalid input for field/attribute %s. Value: %s. %s", field, pyRepr(v, false), why)
}

// requireAdmin answers 403 for non-admins and reports whether to go on.
func (c *call) requireAdmin(rule string) bool {
	if !c.admin {
		c.policy(rule)
		return false
	}
	return true
}

// decode parses the JSON body into v; a malformed body gets Cinder's 400.
func (c *call) decode(v any) bool {
	if err := json.Unmarshal(c.body, v); err != nil {
		c.fault(400, "Malformed request body")
		return false
	}
	return true
}

// actionBody is the one preamble of every POST .../action handler: it
// splits {"<name>": body} as Cinder's wsgi layer does (anything but exactly
// one key is a "Malformed request body"); ok false means a 400 was sent.
func (c *call) actionBody() (name string, body any, ok bool) {
	var top map[string]any
	if !c.decode(&top) {
		return "", nil, false
	}
	if len(top) != 1 {
		c.fault(400, "Malformed request body")
		return "", nil, false
	}
	for k, v := range top {
		name, body = k, v
	}
	return name, body, true
}

// noSuchAction is Cinder's answer for an action name no controller has.
func (c *call) noSuchAction(name string) {
	c.fault(400, "There is no such action: %s. Verify the request body and Content-Type header and try again.", name)
}

func (s *Server) cinder(w http.ResponseWriter, r *http.Request, p string) {
	reqID := "req-" + newUUID()
	w.Header().Set("X-Openstack-Request-Id", reqID)
	if p == "" || p == "/" {
		w.Header().Set("OpenStack-API-Version", "volume 3.0")
		w.Header().Set("Vary", "OpenStack-API-Version")
		writeJSON(w, http.StatusMultipleChoices, s.versionsDoc())
		return
	}
	tok := s.ids.valid(r.Header.Get("X-Auth-Token"))
	if tok == nil {
		w.Header().Set("WWW-Authenticate", `Keystone uri="`+s.AuthURL()+`"`)
		writeJSON(w, http.StatusUnauthorized, map[string]any{"error": struct {
			Code    int    `json:"code"`
			Title   string `json:"title"`
			Message string `json:"message"`
		}{401, "Unauthorized", msgAuthRequired}})
		return
	}
	w.Header().Set("X-Compute-Request-Id", reqID)
	c := &call{s: s, w: w, r: r, tok: tok, admin: s.ids.isAdmin(tok), reqID: reqID}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	if segs[0] != "v3" {
		webobNotFound(w, r)
		return
	}
	segs = segs[1:]
	if len(segs) == 0 {
		if c.negotiate() {
			c.json(http.StatusOK, s.versionsDoc())
		}
		return
	}
	routes := s.routes
	switch {
	case segs[0] == "default-types":
		c.project = tok.projectID
		routes = s.defTypeRoutes
	case topLevel[segs[0]]:
		c.project = tok.projectID
	default:
		c.project, segs = segs[0], segs[1:]
	}
	h, params, _ := matchRoute(routes, r.Method, segs)
	if h == nil {
		webobNotFound(w, r)
		return
	}
	if !c.negotiate() {
		return
	}
	if c.project != tok.projectID {
		c.fault(400, "Malformed request url")
		return
	}
	c.params = params
	if r.Body != nil {
		c.body, _ = io.ReadAll(io.LimitReader(r.Body, 1<<20))
	}
	h(c)
}

// negotiate validates OpenStack-API-Version and sets the response headers.
func (c *call) negotiate() bool {
	c.mv = microversion.Min()
	raw := strings.TrimSpace(c.r.Header.Get("OpenStack-API-Version"))
	service, ver, ok := strings.Cut(raw, " ")
	if raw != "" && ok && strings.EqualFold(service, "volume") {
		ver = strings.TrimSpace(ver)
		if strings.EqualFold(ver, "latest") {
			c.mv = c.s.maxMV
		} else {
			v, err := microversion.ParseVersion(ver)
			if err != nil {
				c.fault(400, "API Version String %s is of invalid format. Must be of format MajorNum.MinorNum.", ver)
				return false
			}
			if v.Major == 3 {
				c.w.Header().Set("OpenStack-API-Version", "volume "+v.String())
				c.w.Header().Set("Vary", "OpenStack-API-Version")
			}
			if v.Less(microversion.Min()) || c.s.maxMV.Less(v) {
				c.fault(406, "Version %d.%d is not supported by the API. Minimum is 3.0 and maximum is %s.", v.Major, v.Minor, c.s.maxMV)
				return false
			}
			c.mv = v
		}
	}
	c.w.Header().Set("OpenStack-API-Version", "volume "+c.mv.String())
	c.w.Header().Set("Vary", "OpenStack-API-Version")
	return true
}

func (s *Server) versionsDoc() map[string]any {
	updated := "2023-08-31T00:00:00Z"
	if s.maxMV.Less(microversion.V(3, 71)) {
		updated = "2022-08-31T00:00:00Z"
	}
	return map[string]any{"versions": []any{map[string]any{
		"id": "v3.0", "status": "CURRENT", "version": s.maxMV.String(), "min_version": "3.0",
		"updated": updated,
		"links": []any{
			map[string]string{"rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"},
			map[string]string{"rel": "self", "href": s.CinderURL() + "/v3/"},
		},
		"media-types": []any{map[string]string{"base": "application/json",
			"type": "application/vnd.openstack.volume+json;version=3"}},
	}}}
}

func itoa(n int) string { return strconv.Itoa(n) }
