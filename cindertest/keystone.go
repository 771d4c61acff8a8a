package cindertest

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

const keystoneTime = "2006-01-02T15:04:05.000000Z"

type ksError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Title   string `json:"title"`
}

func (s *Server) ksFault(w http.ResponseWriter, code int, msg string) {
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Keystone uri="`+s.AuthURL()+`"`)
	}
	writeJSON(w, code, map[string]ksError{"error": {Code: code, Message: msg, Title: http.StatusText(code)}})
}

const msgAuthRequired = "The request you have made requires authentication."

func (s *Server) keystone(w http.ResponseWriter, r *http.Request, p string) {
	w.Header().Set("Vary", "X-Auth-Token")
	w.Header().Set("X-Openstack-Request-Id", "req-"+newUUID())
	p = strings.TrimSuffix(p, "/")
	switch {
	case p == "" && r.Method == http.MethodGet:
		w.Header().Set("Location", s.AuthURL()+"/")
		writeJSON(w, http.StatusMultipleChoices, map[string]any{"versions": map[string]any{
			"values": []any{s.ksVersion3(), s.ksVersion2()}}})
	case p == "/v3" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, map[string]any{"version": s.ksVersion3()})
	case p == "/v2.0" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, map[string]any{"version": s.ksVersion2()})
	case p == "/v3/auth/tokens":
		s.ksTokens(w, r)
	case p == "/v2.0/tokens" && r.Method == http.MethodPost:
		s.ksTokensV2(w, r)
	case p == "/v3/projects" && r.Method == http.MethodPost:
		s.ksCreateProject(w, r)
	case strings.HasPrefix(p, "/v3/projects/") && r.Method == http.MethodDelete:
		s.ksDeleteProject(w, r, strings.TrimPrefix(p, "/v3/projects/"))
	default:
		s.ksFault(w, http.StatusNotFound, "The resource could not be found.")
	}
}

func (s *Server) ksVersion3() map[string]any {
	return map[string]any{"id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
		"links": []any{map[string]string{"rel": "self", "href": s.AuthURL() + "/"}},
		"media-types": []any{map[string]string{"base": "application/json",
			"type": "application/vnd.openstack.identity-v3+json"}}}
}

func (s *Server) ksVersion2() map[string]any {
	return map[string]any{"id": "v2.0", "status": "deprecated", "updated": "2016-08-04T00:00:00Z",
		"links": []any{map[string]string{"rel": "self", "href": s.url + "/identity/v2.0/"}},
		"media-types": []any{map[string]string{"base": "application/json",
			"type": "application/vnd.openstack.identity-v2.0+json"}}}
}

type ksRef struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Domain *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"domain"`
}

func (ref *ksRef) domainOK() bool {
	return ref.Domain == nil || ref.Domain.ID == defaultDomain || ref.Domain.Name == domainName
}

type authV3 struct {
	Auth *struct {
		Identity *struct {
			Methods  []string `json:"methods"`
			Password *struct {
				User struct {
					ksRef
					Password string `json:"password"`
				} `json:"user"`
			} `json:"password"`
			Token *struct {
				ID string `json:"id"`
			} `json:"token"`
		} `json:"identity"`
		Scope json.RawMessage `json:"scope"`
	} `json:"auth"`
}

func (s *Server) ksTokens(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
	case http.MethodGet, http.MethodHead, http.MethodDelete:
		if s.ids.valid(r.Header.Get("X-Auth-Token")) == nil {
			s.ksFault(w, http.StatusUnauthorized, msgAuthRequired)
			return
		}
		t := s.ids.valid(r.Header.Get("X-Subject-Token"))
		if t == nil {
			s.ksFault(w, http.StatusNotFound, s.ids.invalidTokenMessage(r.Header.Get("X-Subject-Token")))
			return
		}
		if r.Method == http.MethodDelete {
			s.ids.revoke(t.id)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("X-Subject-Token", t.id)
		s.writeTokenV3(w, http.StatusOK, t)
		return
	default:
		s.ksFault(w, http.StatusMethodNotAllowed, "The method is not allowed for the requested URL.")
		return
	}
	var req authV3
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Auth == nil {
		s.ksFault(w, http.StatusBadRequest, "'auth' is a required property")
		return
	}
	if req.Auth.Identity == nil {
		s.ksFault(w, http.StatusBadRequest, "'identity' is a required property")
		return
	}
	id := req.Auth.Identity
	var u *user
	methods := id.Methods
	switch {
	case id.Password != nil:
		pu := id.Password.User
		if pu.ID != "" {
			u = s.ids.users[pu.ID]
		} else if pu.domainOK() {
			u = s.ids.userByName(pu.Name)
		}
		if u != nil && u.password != pu.Password {
			u = nil
		}
	case id.Token != nil:
		if t := s.ids.valid(id.Token.ID); t != nil {
			u = s.ids.users[t.userID]
		}
	}
	if u == nil {
		s.ksFault(w, http.StatusUnauthorized, msgAuthRequired)
		return
	}
	projectID := u.projectID
	if len(req.Auth.Scope) > 0 && string(req.Auth.Scope) != `"unscoped"` && string(req.Auth.Scope) != "null" {
		var sc struct {
			Project *ksRef `json:"project"`
		}
		_ = json.Unmarshal(req.Auth.Scope, &sc)
		if sc.Project != nil {
			var p *project
			if sc.Project.ID != "" {
				p = s.ids.projects[sc.Project.ID]
			} else if sc.Project.domainOK() {
				p = s.ids.projectByName(sc.Project.Name)
			}
			if p == nil || p.id != u.projectID {
				s.ksFault(w, http.StatusUnauthorized, msgAuthRequired)
				return
			}
		}
	}
	t := s.ids.issue(u, projectID, methods, s.opts.TokenTTL)
	w.Header().Set("X-Subject-Token", t.id)
	s.writeTokenV3(w, http.StatusCreated, t)
}

func (s *Server) writeTokenV3(w http.ResponseWriter, status int, t *token) {
	u := s.ids.users[t.userID]
	p := s.ids.projects[t.projectID]
	dom := map[string]string{"id": defaultDomain, "name": domainName}
	roles := []any{}
	for _, r := range u.roles {
		roles = append(roles, map[string]string{"id": s.ids.roleIDs[r], "name": r})
	}
	writeJSON(w, status, map[string]any{"token": map[string]any{
		"methods":    t.methods,
		"user":       map[string]any{"domain": dom, "id": u.id, "name": u.name, "password_expires_at": nil},
		"audit_ids":  []string{t.auditID},
		"expires_at": t.expires.Format(keystoneTime),
		"issued_at":  t.issued.Format(keystoneTime),
		"project":    map[string]any{"domain": dom, "id": p.id, "name": p.name},
		"is_domain":  false,
		"roles":      roles,
		"catalog":    s.catalogV3(p.id),
	}})
}

// catalogServices are the service types Cinder is registered under (as on the real cloud).
var catalogServices = [][2]string{{"block-storage", "cinder"}, {"volumev3", "cinderv3"},
	{"volumev2", "cinderv2"}, {"volume", "cinderv1"}}

// catalogEntry is one service of the catalog, as type, name and URL.
type catalogEntry struct{ typ, name, url string }

// catalog lists the services of a token's catalog: Keystone (at identityURL),
// Cinder under every type it is registered under, and an image service, as
// on a real cloud: python-openstackclient's `volume create` looks the image
// endpoint up even without --image. The emulator serves no image API; its
// URL answers 404.
func (s *Server) catalog(identityURL, projectID string) []catalogEntry {
	cat := []catalogEntry{{"identity", "keystone", identityURL}}
	for _, cs := range catalogServices {
		cat = append(cat, catalogEntry{cs[0], cs[1], s.CinderURL() + "/v3/" + projectID})
	}
	return append(cat, catalogEntry{"image", "glance", s.url + "/image"})
}

func (s *Server) catalogV3(projectID string) []any {
	var cat []any
	for _, e := range s.catalog(s.AuthURL()+"/", projectID) {
		var eps []any
		for _, iface := range []string{"public", "internal", "admin"} {
			eps = append(eps, map[string]string{"id": stableID(e.typ + iface), "interface": iface,
				"region_id": region, "region": region, "url": e.url})
		}
		cat = append(cat, map[string]any{"endpoints": eps, "id": stableID(e.typ), "type": e.typ, "name": e.name})
	}
	return cat
}

// stableID derives a 32-hex ID from a name (catalog IDs only need to be stable).
func stableID(name string) string {
	sum := md5.Sum([]byte(name))
	return hex.EncodeToString(sum[:])
}

type authV2 struct {
	Auth *struct {
		PasswordCredentials *struct {
			Username string `json:"username"`
			Password string `json:"password"`
		} `json:"passwordCredentials"`
		Token *struct {
			ID string `json:"id"`
		} `json:"token"`
		TenantName string `json:"tenantName"`
		TenantID   string `json:"tenantId"`
	} `json:"auth"`
}

func (s *Server) ksTokensV2(w http.ResponseWriter, r *http.Request) {
	var req authV2
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Auth == nil {
		s.ksFault(w, http.StatusBadRequest, "Expecting to find auth in request body.")
		return
	}
	var u *user
	switch a := req.Auth; {
	case a.PasswordCredentials != nil:
		u = s.ids.userByName(a.PasswordCredentials.Username)
		if u != nil && u.password != a.PasswordCredentials.Password {
			u = nil
		}
	case a.Token != nil:
		if t := s.ids.valid(a.Token.ID); t != nil {
			u = s.ids.users[t.userID]
		}
	}
	if u == nil {
		s.ksFault(w, http.StatusUnauthorized, msgAuthRequired)
		return
	}
	if (req.Auth.TenantID != "" && req.Auth.TenantID != u.projectID) ||
		(req.Auth.TenantName != "" && s.ids.projects[u.projectID].name != req.Auth.TenantName) {
		s.ksFault(w, http.StatusUnauthorized, msgAuthRequired)
		return
	}
	t := s.ids.issue(u, u.projectID, []string{"password"}, s.opts.TokenTTL)
	p := s.ids.projects[t.projectID]
	var cat []any
	for _, e := range s.catalog(s.url+"/identity/v2.0", p.id) {
		cat = append(cat, map[string]any{"type": e.typ, "name": e.name, "endpoints_links": []any{},
			"endpoints": []any{map[string]string{"id": stableID(e.typ), "region": region,
				"publicURL": e.url, "internalURL": e.url, "adminURL": e.url}}})
	}
	var roles []any
	var roleIDs []string
	for _, rn := range u.roles {
		roles = append(roles, map[string]string{"name": rn})
		roleIDs = append(roleIDs, s.ids.roleIDs[rn])
	}
	writeJSON(w, http.StatusOK, map[string]any{"access": map[string]any{
		"token": map[string]any{"id": t.id, "issued_at": t.issued.Format(keystoneTime),
			"expires":   t.expires.Format(time.RFC3339),
			"audit_ids": []string{t.auditID},
			"tenant":    map[string]any{"id": p.id, "name": p.name, "enabled": true, "description": nil}},
		"serviceCatalog": cat,
		"user": map[string]any{"id": u.id, "name": u.name, "username": u.name, "roles": roles,
			"roles_links": []any{}},
		"metadata": map[string]any{"is_admin": 0, "roles": roleIDs},
	}})
}

// ksAdmin answers 401/403 unless the request carries a live admin token.
func (s *Server) ksAdmin(w http.ResponseWriter, r *http.Request, rule string) bool {
	t := s.ids.valid(r.Header.Get("X-Auth-Token"))
	switch {
	case t == nil:
		s.ksFault(w, http.StatusUnauthorized, msgAuthRequired)
	case !s.ids.isAdmin(t):
		s.ksFault(w, http.StatusForbidden, "You are not authorized to perform the requested action: "+rule+".")
	default:
		return true
	}
	return false
}

// ksCreateProject is POST /v3/projects (admin), so tests can make throwaway
// projects as on a real Keystone (gophercloud's acceptance tests do).
func (s *Server) ksCreateProject(w http.ResponseWriter, r *http.Request) {
	if !s.ksAdmin(w, r, "identity:create_project") {
		return
	}
	var req struct {
		Project struct {
			Name        string `json:"name"`
			Description string `json:"description"`
		} `json:"project"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Project.Name == "" {
		s.ksFault(w, http.StatusBadRequest, "Invalid input for field 'name': 'name' is a required property")
		return
	}
	if s.ids.projectByName(req.Project.Name) != nil {
		s.ksFault(w, http.StatusConflict, "Conflict occurred attempting to store project - it is not permitted to have two projects with the same name in the same domain : "+req.Project.Name+".")
		return
	}
	id := s.ids.addProject(req.Project.Name)
	writeJSON(w, http.StatusCreated, map[string]any{"project": map[string]any{"id": id, "name": req.Project.Name,
		"description": req.Project.Description, "domain_id": defaultDomain, "enabled": true, "is_domain": false,
		"parent_id": defaultDomain, "tags": []string{}, "options": map[string]any{},
		"links": map[string]string{"self": s.AuthURL() + "/projects/" + id}}})
}

// ksDeleteProject is DELETE /v3/projects/{id} (admin).
func (s *Server) ksDeleteProject(w http.ResponseWriter, r *http.Request, id string) {
	if !s.ksAdmin(w, r, "identity:delete_project") {
		return
	}
	if s.ids.projects[id] == nil {
		s.ksFault(w, http.StatusNotFound, "Could not find project: "+id+".")
		return
	}
	delete(s.ids.projects, id)
	w.WriteHeader(http.StatusNoContent)
}
