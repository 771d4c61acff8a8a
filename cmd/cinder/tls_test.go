package main

import (
	"bytes"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// tlsFront puts an HTTPS server (httptest's self-signed certificate) in front
// of an emulator, rewriting the emulator's URL in answers (the Keystone
// catalog) so that every request of the CLI goes through TLS. It returns
// the HTTPS URL, a PEM file of the certificate, and a count of requests.
func tlsFront(t *testing.T, srv *cindertest.Server) (string, string, *atomic.Int32) {
	t.Helper()
	back, err := url.Parse(srv.URL())
	require.NoError(t, err)
	var n atomic.Int32
	var front *httptest.Server
	proxy := httputil.NewSingleHostReverseProxy(back)
	proxy.ModifyResponse = func(r *http.Response) error {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		_ = r.Body.Close()
		body = bytes.ReplaceAll(body, []byte(srv.URL()), []byte(front.URL))
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		r.Header.Set("Content-Length", strconv.Itoa(len(body)))
		return nil
	}
	front = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: front.Certificate().Raw}), 0o600))
	return front.URL, ca, &n
}

// TestTLSCloudsYAMLCACert: the CLI honours clouds.yaml's cacert (the SDK's
// TLS, under the CLI's capture layer), and --os-cacert as well.
func TestTLSCloudsYAMLCACert(t *testing.T) {
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	front, ca, n := tlsFront(t, srv)
	env := srv.Env("admin")
	authURL := strings.Replace(env["OS_AUTH_URL"], srv.URL(), front, 1)
	clouds := filepath.Join(t.TempDir(), "clouds.yaml")
	cloud := func(name, extra string) string {
		return "  " + name + ":\n    auth:\n      auth_url: " + authURL + "\n      username: admin\n      password: " +
			env["OS_PASSWORD"] + "\n      project_name: " + env["OS_PROJECT_NAME"] +
			"\n      user_domain_name: Default\n      project_domain_name: Default\n    region_name: " +
			env["OS_REGION_NAME"] + "\n" + extra
	}
	require.NoError(t, os.WriteFile(clouds, []byte("clouds:\n"+cloud("tls", "    cacert: "+ca+"\n")+cloud("plain", "")), 0o600))
	t.Setenv("OS_CLIENT_CONFIG_FILE", clouds)

	var out, errb bytes.Buffer
	code := run(t.Context(), []string{"--os-cloud", "tls", "list"}, map[string]string{}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Contains(t, out.String(), "| ID ")
	assert.GreaterOrEqual(t, n.Load(), int32(2), "Keystone and Cinder both went through TLS")

	out.Reset()
	errb.Reset()
	code = run(t.Context(), []string{"--os-cloud", "plain", "list"}, map[string]string{}, &out, &errb)
	assert.Equal(t, 1, code)
	assert.Contains(t, errb.String(), "certificate", "without cacert the certificate is unknown")

	out.Reset()
	errb.Reset()
	code = run(t.Context(), []string{"--os-cloud", "plain", "--os-cacert", ca, "list"}, map[string]string{}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Contains(t, out.String(), "| ID ")
}
