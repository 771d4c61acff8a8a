// Package testutil builds real *cinder.Client values on an httpmock
// transport and reads recorded fixtures, for the resource packages' tests.
package testutil

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
)

// Endpoint is the Block Storage endpoint of every test client; it matches
// the scrubbed hrefs in testdata.
const Endpoint = "https://cinder.example.com:8776/v3/" + ProjectID

// ProjectID is the fake project every fixture is scrubbed to.
const ProjectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"

// RequestID is the request id fixtures' error responses carry.
const RequestID = "req-00000000-0000-4000-8000-000000000001"

// NewClient returns a client at microversion v whose requests go to the
// returned mock transport. An unexpected request fails the test.
func NewClient(t testing.TB, v string) (*cinder.Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		return nil, fmt.Errorf("testutil: no responder for %s %s", r.Method, r.URL)
	})
	c, err := cinder.New(context.Background(), cinder.Options{
		Endpoint:     Endpoint,
		Auth:         cinder.Auth{Token: "tok"},
		Microversion: v,
		HTTPClient:   &http.Client{Transport: mock},
		MaxAttempts:  1,
	})
	require.NoError(t, err)
	return c, mock
}

// URL returns the full URL of a path relative to the endpoint.
func URL(path string) string { return Endpoint + "/" + path }

// Fixture reads testdata/<name> at the module root.
func Fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Root(), "testdata", name))
	require.NoError(t, err)
	return data
}

// Root is the module root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// JSONResponder answers with the fixture (a testdata name, or "" for an
// empty body) and the given status, carrying RequestID.
func JSONResponder(t testing.TB, status int, fixture string) httpmock.Responder {
	t.Helper()
	var body []byte
	if fixture != "" {
		body = Fixture(t, fixture)
	}
	return func(*http.Request) (*http.Response, error) {
		return Respond(status, body), nil
	}
}

// Respond builds a JSON response carrying RequestID.
func Respond(status int, body []byte) *http.Response {
	resp := httpmock.NewBytesResponse(status, body)
	resp.Header.Set("Content-Type", "application/json")
	resp.Header.Set("X-Openstack-Request-Id", RequestID)
	return resp
}

// Expect describes the request a test expects.
type Expect struct {
	Method  string
	Path    string            // relative to the endpoint, e.g. "volumes/v1/action"
	Query   string            // exact raw query, "" for none
	Version string            // microversion, e.g. "3.64"; "" skips the check
	Body    string            // JSON, compared with assert.JSONEq; "" means no body
	Header  map[string]string // further headers that must be present
}

// Check asserts that r matches e.
func Check(t testing.TB, e Expect, r *http.Request) {
	t.Helper()
	assert.Equal(t, e.Method, r.Method, "method")
	assert.Equal(t, URL(e.Path), r.URL.Scheme+"://"+r.URL.Host+r.URL.EscapedPath(), "path")
	assert.Equal(t, e.Query, r.URL.RawQuery, "query")
	if e.Version != "" {
		assert.Equal(t, "volume "+e.Version, r.Header.Get("OpenStack-API-Version"), "microversion")
	}
	for k, v := range e.Header {
		assert.Equal(t, v, r.Header.Get(k), "header %s", k)
	}
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	if e.Body == "" {
		assert.Empty(t, string(body), "body")
		return
	}
	assert.JSONEq(t, e.Body, string(body), "body")
}

// Route registers a responder for e's method and URL (any query) that checks
// the request against e and answers with the fixture and status.
func Route(t testing.TB, mock *httpmock.MockTransport, e Expect, status int, fixture string) {
	t.Helper()
	resp := JSONResponder(t, status, fixture)
	mock.RegisterResponder(e.Method, "=~^"+regexpQuote(URL(e.Path))+`(\?.*)?$`,
		func(r *http.Request) (*http.Response, error) {
			Check(t, e, r)
			return resp(r)
		})
}

// Sequence answers GETs of path (relative to the endpoint) with the
// fixtures in turn, the last one repeating; a fixture whose name ends in
// error_404.json answers 404. The returned func tells how long after the
// call to Sequence each request came (use it under testing/synctest).
func Sequence(t testing.TB, mock *httpmock.MockTransport, path string, fixtures ...string) func() []time.Duration {
	t.Helper()
	require.NotEmpty(t, fixtures)
	var mu sync.Mutex
	var at []time.Duration
	start := time.Now()
	bodies := make([][]byte, len(fixtures))
	for i, f := range fixtures {
		bodies[i] = Fixture(t, f)
	}
	mock.RegisterResponder(http.MethodGet, URL(path), func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		defer mu.Unlock()
		i := min(len(at), len(bodies)-1)
		at = append(at, time.Since(start))
		status := http.StatusOK
		if strings.HasSuffix(fixtures[i], "error_404.json") {
			status = http.StatusNotFound
		}
		return Respond(status, bodies[i]), nil
	})
	return func() []time.Duration {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(at)
	}
}

// DecodeFixture decodes a fixture's JSON into out.
func DecodeFixture(t testing.TB, name string, out any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(Fixture(t, name), out))
}

func regexpQuote(s string) string { return regexp.QuoteMeta(s) }

// At returns a copy of c at microversion v; an error fails the test.
func At(t testing.TB, c *cinder.Client, v string) *cinder.Client {
	t.Helper()
	cp, err := c.WithMicroversion(v)
	require.NoError(t, err)
	return cp
}
