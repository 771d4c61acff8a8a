package cinder_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// fuzzServer answers every request with the body (and status) the fuzzer
// chose; the client is built once per target.
type fuzzServer struct {
	mu     sync.Mutex
	status int
	body   []byte
}

func (s *fuzzServer) set(status int, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.body = status, body
}

func newFuzzClient(f *testing.F) (*cinder.Client, *fuzzServer) {
	s := &fuzzServer{status: 200}
	mock := httpmock.NewMockTransport()
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		resp := httpmock.NewBytesResponse(s.status, s.body)
		resp.Request = r
		return resp, nil
	})
	c, err := cinder.New(f.Context(), cinder.Options{Endpoint: testutil.Endpoint, Auth: cinder.Auth{Token: "tok"},
		Microversion: "3.70", HTTPClient: &http.Client{Transport: mock}, MaxAttempts: 1})
	if err != nil {
		f.Fatal(err)
	}
	return c, s
}

// seed adds the recorded fixtures as seed inputs.
func seed(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(filepath.Join("testdata", g))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(`{"volumes": [], "volumes_links": [{"rel": "next", "href": "http://h/v3/p/volumes/detail?marker=x"}]}`))
	f.Add([]byte(`<html><body>502 Bad Gateway</body></html>`))
	f.Add([]byte(`{"volumes": [{"id": "a"`))
}

// drain ranges a list to its end (or 2000 items: a page that links to
// itself must end in an error, never spin), checking the iterator contract:
// an error ends the sequence.
func drain[T any](t *testing.T, seq func(func(T, error) bool)) {
	n := 0
	for _, err := range seq {
		if err != nil {
			return
		}
		if n++; n > 2000 {
			t.Fatalf("the list did not end")
		}
	}
}

func FuzzVolumeList(f *testing.F) {
	c, s := newFuzzClient(f)
	seed(f, "volumes/list*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		s.set(200, body)
		drain(t, c.Volumes.List(t.Context(), nil))
		drain(t, c.Volumes.ListRefs(t.Context(), nil))
		_, _, _ = c.Volumes.ListPage(t.Context(), &volumes.ListOptions{Limit: 5})
	})
}

func FuzzSnapshotList(f *testing.F) {
	c, s := newFuzzClient(f)
	seed(f, "snapshots/list*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		s.set(200, body)
		drain(t, c.Snapshots.List(t.Context(), &snapshots.ListOptions{}))
	})
}

func FuzzBackupList(f *testing.F) {
	c, s := newFuzzClient(f)
	seed(f, "backups/list*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		s.set(200, body)
		drain(t, c.Backups.List(t.Context(), &backups.ListOptions{}))
	})
}

// FuzzVolumeGet: a single-object answer, and the same bytes as the body
// of every error status: the error is an *APIError carrying the status.
func FuzzVolumeGet(f *testing.F) {
	c, s := newFuzzClient(f)
	seed(f, "volumes/get*.json", "volumes/error_*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		s.set(200, body)
		_, _ = c.Volumes.Get(t.Context(), "v1")
		for _, code := range []int{400, 401, 404, 413, 500, 503} {
			s.set(code, body)
			_, err := c.Volumes.Get(t.Context(), "v1")
			var ae *cinder.APIError
			if !errors.As(err, &ae) || ae.StatusCode != code {
				t.Fatalf("status %d: want *APIError, got %T %v", code, err, err)
			}
		}
	})
}

// FuzzVersions: the versions document (GET /), as 200 and 300.
func FuzzVersions(f *testing.F) {
	c, s := newFuzzClient(f)
	seed(f, "discovery/versions*.json", "versions*.json")
	f.Add([]byte(`{"versions": [{"id": "v3.0", "status": "CURRENT", "version": "3.70", "min_version": "3.0"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, code := range []int{200, 300} {
			s.set(code, body)
			_, _ = c.Versions(t.Context())
		}
	})
}
