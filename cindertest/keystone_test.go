package cindertest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestKeystoneV3Catalog(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	assert.Len(t, e.demoProj, 32)
	r := e.do("admin", "", "GET", "/identity/v3/auth/tokens", "", "X-Subject-Token", e.demoTok)
	require.Equal(t, http.StatusOK, r.code)
	tok := r.json(t)["token"].(map[string]any)
	assert.Equal(t, "demo", tok["project"].(map[string]any)["name"])
	var types []string
	for _, s := range tok["catalog"].([]any) {
		svc := s.(map[string]any)
		types = append(types, svc["type"].(string))
		if svc["type"] == "volumev3" {
			eps := svc["endpoints"].([]any)
			require.Len(t, eps, 3)
			ep := eps[0].(map[string]any)
			assert.Equal(t, e.srv.CinderURL()+"/v3/"+e.demoProj, ep["url"])
			assert.Equal(t, "RegionOne", ep["region_id"])
		}
	}
	assert.ElementsMatch(t, []string{"identity", "block-storage", "volumev3", "volumev2", "volume", "image"}, types)
	roles := tok["roles"].([]any)
	assert.Len(t, roles, 2)
}

func TestKeystoneWrongPassword(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	body := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"name":"Default"},"password":"x"}}}}}`
	resp, err := http.Post(srv.AuthURL()+"/auth/tokens", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	assert.Equal(t, map[string]any{"error": map[string]any{"code": 401.0,
		"message": "The request you have made requires authentication.", "title": "Unauthorized"}}, out)
}

func TestKeystoneV2(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	body := `{"auth":{"passwordCredentials":{"username":"demo","password":"demo"},"tenantName":"demo"}}`
	resp, err := http.Post(srv.URL()+"/identity/v2.0/tokens", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var out struct {
		Access struct {
			Token struct {
				ID     string
				Tenant struct{ ID string }
			}
			ServiceCatalog []struct {
				Type      string
				Endpoints []struct{ PublicURL, Region string }
			}
		}
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	assert.NotEmpty(t, out.Access.Token.ID)
	found := false
	for _, s := range out.Access.ServiceCatalog {
		if s.Type == "volumev3" {
			found = true
			assert.Equal(t, srv.CinderURL()+"/v3/"+out.Access.Token.Tenant.ID, s.Endpoints[0].PublicURL)
		}
	}
	assert.True(t, found)
	// the v2 token works against Cinder
	req, _ := http.NewRequest("GET", srv.CinderURL()+"/v3/"+out.Access.Token.Tenant.ID+"/volumes", nil)
	req.Header.Set("X-Auth-Token", out.Access.Token.ID)
	r2, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	r2.Body.Close()
	assert.Equal(t, http.StatusOK, r2.StatusCode)
}

func TestTokenRevocationAndExpiry(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	assert.Equal(t, 200, e.do("demo", "", "GET", "volumes", "").code)
	e.srv.RevokeToken(e.demoTok)
	r := e.do("demo", "", "GET", "volumes", "")
	assert.Equal(t, http.StatusUnauthorized, r.code)
	assert.JSONEq(t, `{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}`, string(r.body))
	assert.Contains(t, r.header.Get("WWW-Authenticate"), "Keystone uri=")
	e.srv.RevokeAll()
	assert.Equal(t, http.StatusUnauthorized, e.do("admin", "", "GET", "volumes", "").code)
	assert.Equal(t, http.StatusUnauthorized, e.do("", "", "GET", "volumes", "").code)

	short := newEnv(t, cindertest.Options{TokenTTL: 50 * time.Millisecond})
	time.Sleep(80 * time.Millisecond)
	assert.Equal(t, http.StatusUnauthorized, short.do("demo", "", "GET", "volumes", "").code)

	// DELETE /auth/tokens revokes
	tok, _ := e.login("demo", "demo", "demo")
	e.demoTok = tok
	e.adminTok, _ = e.login("admin", "admin", "admin")
	assert.Equal(t, http.StatusNoContent, e.do("admin", "", "DELETE", "/identity/v3/auth/tokens", "", "X-Subject-Token", tok).code)
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "GET", "/identity/v3/auth/tokens", "", "X-Subject-Token", tok).code)
}

func TestAddUserAndEnv(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	id := srv.AddProject("p2")
	assert.Len(t, id, 32)
	srv.AddUser("bob", "pw", "p2")
	env := srv.Env("bob")
	assert.Equal(t, "p2", env["OS_PROJECT_NAME"])
	assert.Equal(t, srv.AuthURL(), env["OS_AUTH_URL"])
	assert.Equal(t, "pw", env["OS_PASSWORD"])
	assert.Equal(t, id, srv.ProjectID("p2"))
}

func TestKeystoneProjects(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("demo", "", "POST", "/identity/v3/projects", `{"project":{"name":"p1"}}`)
	assert.Equal(t, http.StatusForbidden, r.code)
	r = e.do("admin", "", "POST", "/identity/v3/projects", `{"project":{"name":"p1","description":"d"}}`)
	require.Equal(t, http.StatusCreated, r.code, string(r.body))
	id := r.json(t)["project"].(map[string]any)["id"].(string)
	assert.Equal(t, id, e.srv.ProjectID("p1"))
	assert.Equal(t, http.StatusConflict, e.do("admin", "", "POST", "/identity/v3/projects", `{"project":{"name":"p1"}}`).code)
	assert.Equal(t, http.StatusNoContent, e.do("admin", "", "DELETE", "/identity/v3/projects/"+id, "").code)
	assert.Empty(t, e.srv.ProjectID("p1"))
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "DELETE", "/identity/v3/projects/"+id, "").code)
}
