package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// reply is a recorded answer: an SDK fixture (testdata/<pkg>/<file>.json
// at the module root) and its status; fixture "" answers with no body.
type reply struct {
	fixture string
	status  int
}

// replayServer answers the Cinder calls in routes ("METHOD path" after
// /volume/v3/{project_id}/) with the SDK's recorded fixtures, and passes
// everything else (Keystone, version discovery) to an emulator. A call
// matching no route is a 404, so the emulator's own data never leaks in.
type replayServer struct {
	srv   *httptest.Server
	emu   *cindertest.Server
	mu    sync.Mutex
	calls []string // "METHOD path?query body" of each replayed call
}

var projectPathRe = regexp.MustCompile(`^/volume/v3/[0-9a-f]{32}/`)

func newReplayServer(t *testing.T, routes map[string]reply) *replayServer {
	t.Helper()
	emu := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(emu.Close)
	u, err := url.Parse(emu.URL())
	require.NoError(t, err)
	rs := &replayServer{emu: emu}
	proxy := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(u); r.Out.Host = u.Host },
		ModifyResponse: func(resp *http.Response) error {
			b, err := io.ReadAll(resp.Body)
			if err != nil {
				return err
			}
			resp.Body.Close()
			b = bytes.ReplaceAll(b, []byte(u.Host), []byte(rs.srv.Listener.Addr().String()))
			resp.Body = io.NopCloser(bytes.NewReader(b))
			resp.ContentLength = int64(len(b))
			resp.Header.Set("Content-Length", strconv.Itoa(len(b)))
			return nil
		},
	}
	rs.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loc := projectPathRe.FindStringIndex(r.URL.Path)
		if loc == nil {
			proxy.ServeHTTP(w, r)
			return
		}
		path := r.URL.Path[loc[1]:]
		body, _ := io.ReadAll(r.Body)
		call := r.Method + " " + path
		rs.mu.Lock()
		rs.calls = append(rs.calls, strings.TrimSpace(call+"?"+r.URL.RawQuery+" "+string(body)))
		rs.mu.Unlock()
		rp, ok := routes[call]
		if !ok {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"itemNotFound": {"code": 404, "message": "Resource could not be found."}}`)
			return
		}
		if v := r.Header.Get("OpenStack-API-Version"); v != "" {
			w.Header().Set("OpenStack-API-Version", v)
		}
		if rp.fixture == "" {
			w.WriteHeader(rp.status)
			return
		}
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", rp.fixture+".json"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rp.status)
		_, _ = w.Write(b)
	}))
	t.Cleanup(rs.srv.Close)
	return rs
}

// env is the environment of user pointing at the replay server.
func (rs *replayServer) env(user string) map[string]string {
	env := rs.emu.Env(user)
	u, _ := url.Parse(rs.emu.URL())
	env["OS_AUTH_URL"] = strings.Replace(env["OS_AUTH_URL"], u.Host, rs.srv.Listener.Addr().String(), 1)
	return env
}

// session drives golden steps against the replay server.
func (rs *replayServer) session(t *testing.T) *session {
	return &session{t: t, srv: rs.emu, env: rs.env("admin"),
		files: map[string]*strings.Builder{}, secrets: map[string]string{}}
}

// sent returns the replayed calls so far and forgets them.
func (rs *replayServer) sent() []string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	out := rs.calls
	rs.calls = nil
	return out
}
