package cindertest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gocinder/cinder/cindertest"
)

// benchServer is an emulator driven in-process through ServeHTTP (no
// loopback), so the figures are the emulator's own cost per request.
type benchServer struct {
	srv  *cindertest.Server
	tok  string
	base string
}

func newBenchServer(b *testing.B) *benchServer {
	b.Helper()
	srv := cindertest.NewServer(cindertest.Options{Capacity: 1 << 30,
		Quotas: cindertest.Quotas{Volumes: -1, Gigabytes: -1}})
	b.Cleanup(srv.Close)
	body := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo",` +
		`"domain":{"name":"Default"},"password":"demo"}}},"scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}`
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/identity/v3/auth/tokens", strings.NewReader(body)))
	if w.Code != http.StatusCreated {
		b.Fatalf("login: %d %s", w.Code, w.Body)
	}
	var out struct {
		Token struct {
			Project struct{ ID string } `json:"project"`
		} `json:"token"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		b.Fatal(err)
	}
	return &benchServer{srv: srv, tok: w.Header().Get("X-Subject-Token"), base: "/volume/v3/" + out.Token.Project.ID + "/"}
}

func (s *benchServer) do(b *testing.B, method, path, body string, want int) {
	var req *http.Request
	if body != "" {
		req = httptest.NewRequest(method, s.base+path, strings.NewReader(body))
	} else {
		req = httptest.NewRequest(method, s.base+path, nil)
	}
	req.Header.Set("X-Auth-Token", s.tok)
	req.Header.Set("OpenStack-API-Version", "volume 3.70")
	w := httptest.NewRecorder()
	s.srv.ServeHTTP(w, req)
	if w.Code != want {
		b.Fatalf("%s %s: %d %s", method, path, w.Code, w.Body)
	}
}

func reportRate(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkList is GET /volumes on a project with 20 volumes.
func BenchmarkList(b *testing.B) {
	s := newBenchServer(b)
	for range 20 {
		s.do(b, http.MethodPost, "volumes", `{"volume":{"size":1}}`, http.StatusAccepted)
	}
	for b.Loop() {
		s.do(b, http.MethodGet, "volumes", "", http.StatusOK)
	}
	reportRate(b)
}

// BenchmarkCreate is POST /volumes; every 500 creates start on a new server,
// so the store's size stays bounded.
func BenchmarkCreate(b *testing.B) {
	s := newBenchServer(b)
	n := 0
	for b.Loop() {
		if n++; n%500 == 0 {
			b.StopTimer()
			s = newBenchServer(b)
			b.StartTimer()
		}
		s.do(b, http.MethodPost, "volumes", `{"volume":{"size":1,"name":"b"}}`, http.StatusAccepted)
	}
	reportRate(b)
}
