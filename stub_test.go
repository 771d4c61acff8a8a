package cinder_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// Credentials the stub Keystone accepts.
const (
	stubUser      = "alice"
	stubPassword  = "s3cret-Pa55word"
	stubAppCredID = "appcred-1"
	stubAppSecret = "app-cr3d-S3CRET"
	stubProject   = "proj1"
)

// endpointDef is one catalog endpoint; path is appended to the stub's URL.
type endpointDef struct{ region, iface, path string }

type serviceDef struct {
	typ, name string
	endpoints []endpointDef
}

// defaultCatalog has block-storage in RegionOne on all three interfaces and
// in RegionTwo on public; each endpoint has its own path prefix.
func defaultCatalog() []serviceDef {
	return []serviceDef{
		{"identity", "keystone", []endpointDef{{"RegionOne", "public", "/identity/v3/"}}},
		{"block-storage", "cinder", []endpointDef{
			{"RegionOne", "public", "/cinder-pub/v3/" + stubProject},
			{"RegionOne", "internal", "/cinder-int/v3/" + stubProject},
			{"RegionOne", "admin", "/cinder-adm/v3/" + stubProject},
			{"RegionTwo", "public", "/cinder-r2/v3/" + stubProject},
		}},
	}
}

// stub is a tiny Keystone (v3 and v2.0) and Cinder in one httptest server.
type stub struct {
	srv *httptest.Server

	mu          sync.Mutex
	catalog     []serviceDef
	versions    string          // GET / body of the Block Storage service root
	valid       map[string]bool // tokens Cinder accepts
	issued      []string        // every token Keystone issued
	authBodies  []string        // bodies of POST /v3/auth/tokens and /v2.0/tokens
	authCalls   int
	cinderCalls int
	requests    []*http.Request // Cinder requests (headers only)
	serial      int
}

func newStub(t *testing.T) *stub {
	t.Helper()
	s := &stub{
		catalog:  defaultCatalog(),
		versions: versionsDoc("3.0", "3.70"),
		valid:    map[string]bool{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// newTLSStub is newStub over HTTPS with httptest's self-signed certificate.
func newTLSStub(t *testing.T) *stub {
	t.Helper()
	s := &stub{
		catalog:  defaultCatalog(),
		versions: versionsDoc("3.0", "3.70"),
		valid:    map[string]bool{},
	}
	s.srv = httptest.NewTLSServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func versionsDoc(minV, maxV string) string {
	return fmt.Sprintf(`{"versions": [{"id": "v3.0", "status": "CURRENT", "version": %q, "min_version": %q,
	"updated": "2022-08-31T00:00:00Z", "links": [{"rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"},
	{"rel": "self", "href": "http://127.0.0.1:8776/v3/"}],
	"media-types": [{"base": "application/json", "type": "application/vnd.openstack.volume+json;version=3"}]}]}`, maxV, minV)
}

func (s *stub) authURL() string   { return s.srv.URL + "/identity/v3" }
func (s *stub) authURLv2() string { return s.srv.URL + "/identity/v2.0" }
func (s *stub) endpoint(path string) string {
	return s.srv.URL + path
}

// addToken makes tok valid at Cinder without Keystone.
func (s *stub) addToken(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.valid[tok] = true
	s.issued = append(s.issued, tok)
}

// expire invalidates every token: the next Cinder call gets a 401.
func (s *stub) expire() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.valid)
}

func (s *stub) counts() (auth, cinder int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.authCalls, s.cinderCalls
}

func (s *stub) lastRequest() *http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[len(s.requests)-1]
}

func (s *stub) tokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issued...)
}

func (s *stub) setVersions(doc string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.versions = doc
}

func (s *stub) setCatalog(c []serviceDef) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.catalog = c
}

var (
	cinderRoot = regexp.MustCompile(`^/(cinder[^/]*)/$`)
	cinderAPI  = regexp.MustCompile(`^/(cinder[^/]*)/v3/` + stubProject + `/(.*)$`)
)

func (s *stub) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/identity/v3/auth/tokens":
		s.keystoneV3(w, r)
	case r.Method == http.MethodPost && r.URL.Path == "/identity/v2.0/tokens":
		s.keystoneV2(w, r)
	case cinderRoot.MatchString(r.URL.Path):
		s.mu.Lock()
		s.cinderCalls++
		s.requests = append(s.requests, r)
		doc := s.versions
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusMultipleChoices)
		fmt.Fprint(w, doc)
	case cinderAPI.MatchString(r.URL.Path):
		s.cinder(w, r, cinderAPI.FindStringSubmatch(r.URL.Path)[2])
	default:
		http.Error(w, "stub: no route "+r.Method+" "+r.URL.Path, http.StatusTeapot)
	}
}

// issue mints a token that looks like a Fernet token.
func (s *stub) issue() string {
	s.serial++
	tok := fmt.Sprintf("gAAAAABstub%04dTOKEN%x", s.serial, time.Now().UnixNano())
	s.valid[tok] = true
	s.issued = append(s.issued, tok)
	return tok
}

func keystoneError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("x-openstack-request-id", "req-keystone-0001")
	w.WriteHeader(code)
	fmt.Fprintf(w, `{"error":{"code":%d,"message":%q,"title":%q}}`, code, msg, http.StatusText(code))
}

func (s *stub) keystoneV3(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Auth struct {
			Identity struct {
				Methods  []string `json:"methods"`
				Password struct {
					User struct {
						Name     string `json:"name"`
						ID       string `json:"id"`
						Password string `json:"password"`
					} `json:"user"`
				} `json:"password"`
				Token struct {
					ID string `json:"id"`
				} `json:"token"`
				AppCred struct {
					ID     string `json:"id"`
					Secret string `json:"secret"`
				} `json:"application_credential"`
			} `json:"identity"`
		} `json:"auth"`
	}
	raw := new(strings.Builder)
	if err := json.NewDecoder(io.TeeReader(r.Body, raw)).Decode(&body); err != nil {
		keystoneError(w, 400, "bad json")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.authCalls++
	s.authBodies = append(s.authBodies, raw.String())
	id := body.Auth.Identity
	ok := false
	for _, m := range id.Methods {
		switch m {
		case "password":
			ok = id.Password.User.Name == stubUser && id.Password.User.Password == stubPassword
		case "token":
			ok = s.valid[id.Token.ID]
		case "application_credential":
			ok = id.AppCred.ID == stubAppCredID && id.AppCred.Secret == stubAppSecret
		}
	}
	if !ok {
		keystoneError(w, 401, "The request you have made requires authentication.")
		return
	}
	var cat []map[string]any
	for _, svc := range s.catalog {
		var eps []map[string]any
		for i, e := range svc.endpoints {
			eps = append(eps, map[string]any{"id": fmt.Sprint(i), "interface": e.iface, "region_id": e.region,
				"region": e.region, "url": s.srv.URL + e.path})
		}
		cat = append(cat, map[string]any{"type": svc.typ, "name": svc.name, "id": svc.name, "endpoints": eps})
	}
	now := time.Now().UTC()
	tok := map[string]any{"token": map[string]any{
		"methods":    id.Methods,
		"user":       map[string]any{"domain": map[string]any{"id": "default", "name": "Default"}, "id": "u1", "name": stubUser},
		"audit_ids":  []string{"a1"},
		"expires_at": now.Add(time.Hour).Format("2006-01-02T15:04:05.000000Z"),
		"issued_at":  now.Format("2006-01-02T15:04:05.000000Z"),
		"project":    map[string]any{"domain": map[string]any{"id": "default", "name": "Default"}, "id": stubProject, "name": "demo"},
		"is_domain":  false,
		"roles":      []map[string]any{{"id": "r1", "name": "member"}},
		"catalog":    cat,
	}}
	w.Header().Set("X-Subject-Token", s.issue())
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(tok)
}

func (s *stub) keystoneV2(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Auth struct {
			Creds struct {
				Username string `json:"username"`
				Password string `json:"password"`
			} `json:"passwordCredentials"`
			TenantName string `json:"tenantName"`
		} `json:"auth"`
	}
	raw := new(strings.Builder)
	if err := json.NewDecoder(io.TeeReader(r.Body, raw)).Decode(&body); err != nil {
		keystoneError(w, 400, "bad json")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.authCalls++
	s.authBodies = append(s.authBodies, raw.String())
	if body.Auth.Creds.Username != stubUser || body.Auth.Creds.Password != stubPassword {
		keystoneError(w, 401, "The request you have made requires authentication.")
		return
	}
	var cat []map[string]any
	for _, svc := range s.catalog {
		byRegion := map[string]map[string]any{}
		var order []string
		for _, e := range svc.endpoints {
			ep, ok := byRegion[e.region]
			if !ok {
				ep = map[string]any{"region": e.region}
				byRegion[e.region] = ep
				order = append(order, e.region)
			}
			ep[e.iface+"URL"] = s.srv.URL + e.path
		}
		var eps []map[string]any
		for _, reg := range order {
			eps = append(eps, byRegion[reg])
		}
		cat = append(cat, map[string]any{"type": svc.typ, "name": svc.name, "endpoints": eps})
	}
	resp := map[string]any{"access": map[string]any{
		"token": map[string]any{"id": s.issue(), "expires": time.Now().UTC().Add(time.Hour).Format(time.RFC3339),
			"tenant": map[string]any{"id": stubProject, "name": body.Auth.TenantName}},
		"serviceCatalog": cat,
		"user":           map[string]any{"id": "u1", "name": stubUser},
	}}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

func (s *stub) cinder(w http.ResponseWriter, r *http.Request, rel string) {
	s.mu.Lock()
	s.cinderCalls++
	s.requests = append(s.requests, r)
	valid := s.valid[r.Header.Get("X-Auth-Token")]
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Openstack-Request-Id", "req-cinder-"+strings.ReplaceAll(rel, "/", "-"))
	if !valid {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}`)
		return
	}
	switch {
	case rel == "volumes/detail" || rel == "volumes":
		fmt.Fprint(w, `{"volumes": [{"id": "v1", "name": "one", "status": "available", "size": 1, "bootable": "false",
		"created_at": "2026-11-28T04:05:08.886540", "links": []},
		{"id": "v2", "name": "two", "status": "in-use", "size": 2, "bootable": "true",
		"created_at": "2026-11-28T04:05:09.000000", "links": []}]}`)
	case rel == "volumes/v1":
		fmt.Fprint(w, `{"volume": {"id": "v1", "name": "one", "status": "available", "size": 1, "bootable": "false",
		"created_at": "2026-11-28T04:05:08.886540"}}`)
	case strings.HasPrefix(rel, "volumes/"):
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, `{"itemNotFound": {"code": 404, "message": "Volume %s could not be found."}}`, strings.TrimPrefix(rel, "volumes/"))
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"itemNotFound": {"code": 404, "message": "no such route"}}`)
	}
}
