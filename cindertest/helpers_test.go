package cindertest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// env is a test fixture: a server plus tokens for admin and demo.
type env struct {
	t         *testing.T
	srv       *cindertest.Server
	adminTok  string
	demoTok   string
	adminProj string
	demoProj  string
}

func newEnv(t *testing.T, opts cindertest.Options) *env {
	t.Helper()
	srv := cindertest.NewServer(opts)
	t.Cleanup(srv.Close)
	e := &env{t: t, srv: srv}
	e.adminTok, e.adminProj = e.login("admin", "admin", "admin")
	e.demoTok, e.demoProj = e.login("demo", "demo", "demo")
	return e
}

func (e *env) login(user, pass, project string) (tok, projectID string) {
	e.t.Helper()
	body := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + user +
		`","domain":{"name":"Default"},"password":"` + pass + `"}}},"scope":{"project":{"name":"` + project +
		`","domain":{"name":"Default"}}}}}`
	resp, err := http.Post(e.srv.AuthURL()+"/auth/tokens", "application/json", strings.NewReader(body))
	require.NoError(e.t, err)
	defer resp.Body.Close()
	require.Equal(e.t, http.StatusCreated, resp.StatusCode)
	var out struct {
		Token struct {
			Project struct{ ID string } `json:"project"`
		} `json:"token"`
	}
	require.NoError(e.t, json.NewDecoder(resp.Body).Decode(&out))
	return resp.Header.Get("X-Subject-Token"), out.Token.Project.ID
}

type resp struct {
	code   int
	header http.Header
	body   []byte
}

func (r resp) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.body, &m), string(r.body))
	return m
}

// do sends a request as user ("admin"/"demo"/"" = no token) at microversion mv ("" = none).
// path is relative to /volume/v3/{project}/ unless it starts with "/".
func (e *env) do(user, mv, method, path, body string, hdr ...string) resp {
	e.t.Helper()
	url := path
	if !strings.HasPrefix(path, "/") {
		proj := e.demoProj
		if user == "admin" {
			proj = e.adminProj
		}
		url = "/volume/v3/" + proj + "/" + path
	}
	var rd io.Reader
	if body != "" {
		rd = bytes.NewBufferString(body)
	}
	req, err := http.NewRequest(method, e.srv.URL()+url, rd)
	require.NoError(e.t, err)
	req.Header.Set("Content-Type", "application/json")
	switch user {
	case "admin":
		req.Header.Set("X-Auth-Token", e.adminTok)
	case "demo":
		req.Header.Set("X-Auth-Token", e.demoTok)
	}
	if mv != "" {
		req.Header.Set("OpenStack-API-Version", "volume "+mv)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(e.t, err)
	return resp{code: res.StatusCode, header: res.Header, body: b}
}

// create makes a volume as user and returns its ID (already available on the next request).
func (e *env) create(user, body string) string {
	e.t.Helper()
	r := e.do(user, "", "POST", "volumes", body)
	require.Equal(e.t, http.StatusAccepted, r.code, string(r.body))
	return r.json(e.t)["volume"].(map[string]any)["id"].(string)
}

func (e *env) volume(user, mv, id string) map[string]any {
	e.t.Helper()
	r := e.do(user, mv, "GET", "volumes/"+id, "")
	require.Equal(e.t, http.StatusOK, r.code, string(r.body))
	return r.json(e.t)["volume"].(map[string]any)
}

func (e *env) action(user, mv, id, body string) resp {
	e.t.Helper()
	return e.do(user, mv, "POST", "volumes/"+id+"/action", body)
}
