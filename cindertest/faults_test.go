package cindertest_test

import (
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// rawDo sends one request with demo's token and returns the response with
// its body read, or the transport/read error.
func (e *env) rawDo(method, path, body string) (*http.Response, []byte, error) {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.srv.CinderURL()+"/v3/"+e.demoProj+"/"+path, rd)
	require.NoError(e.t, err)
	req.Header.Set("X-Auth-Token", e.demoTok)
	req.Header.Set("Content-Type", "application/json")
	res, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res, b, err
}

func (e *env) statuses(suffix string) []int {
	var out []int
	for _, rq := range e.srv.Requests() {
		if strings.HasSuffix(rq.Path, suffix) {
			out = append(out, rq.Status)
		}
	}
	return out
}

func TestFaultDropResponseActsFirst(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.srv.Inject(cindertest.Fault{Method: "POST", Path: "/volumes", DropResponse: true, Times: 1})
	_, _, err := e.rawDo("POST", "volumes", `{"volume":{"size":1,"name":"lost"}}`)
	require.Error(t, err, "the response must be lost")
	r := e.do("demo", "", "GET", "volumes?name=lost", "")
	require.Equal(t, http.StatusOK, r.code)
	assert.Len(t, r.json(t)["volumes"], 1, "the create took effect")
	assert.Equal(t, []int{0}, e.statuses("/volumes")[:1])
}

func TestFaultTruncate(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.create("demo", `{"volume":{"size":1}}`)
	full := e.do("demo", "", "GET", "volumes/detail", "")
	e.srv.Inject(cindertest.Fault{Path: "/volumes/detail", Truncate: true, Times: 1})
	res, b, err := e.rawDo("GET", "volumes/detail", "")
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, int64(len(full.body)), res.ContentLength)
	assert.Len(t, b, len(full.body)/2)
	assert.Equal(t, []int{200, 0}, e.statuses("/volumes/detail"))
}

func TestFaultSlowBody(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.create("demo", `{"volume":{"size":1}}`)
	e.srv.Inject(cindertest.Fault{Path: "/volumes/detail", SlowBody: 100 * time.Millisecond, Times: 1})
	start := time.Now()
	res, b, err := e.rawDo("GET", "volumes/detail", "")
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, string(b), `"volumes": [`[:10])
	assert.GreaterOrEqual(t, time.Since(start), 90*time.Millisecond)
}

func TestFaultHTMLFromProxy(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.srv.Inject(cindertest.Fault{Path: "/volumes/detail", Status: http.StatusBadGateway, HTML: true, Times: 1})
	res, b, err := e.rawDo("GET", "volumes/detail", "")
	require.NoError(t, err)
	assert.Equal(t, http.StatusBadGateway, res.StatusCode)
	assert.Equal(t, "text/html", res.Header.Get("Content-Type"))
	assert.Empty(t, res.Header.Get("X-Openstack-Request-Id"))
	assert.Contains(t, string(b), "<h1>502 Bad Gateway</h1>")
}

func TestFaultRetryAfter(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	for _, tc := range []struct {
		status int
		name   string
	}{{429, "computeFault"}, {413, "overLimit"}, {503, "serviceUnavailable"}} {
		e.srv.Inject(cindertest.Fault{Path: "/volumes", Method: "GET", Status: tc.status, RetryAfter: "7", Times: 1})
		r := e.do("demo", "", "GET", "volumes", "")
		assert.Equal(t, tc.status, r.code)
		assert.Equal(t, "7", r.header.Get("Retry-After"), tc.status)
		assert.Contains(t, r.json(t), tc.name)
	}
}

func TestFaultExpireTokenMidList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{MaxLimit: 1})
	e.create("demo", `{"volume":{"size":1}}`)
	e.create("demo", `{"volume":{"size":1}}`)
	e.srv.Inject(cindertest.Fault{Path: "/volumes/detail", Method: "GET", Nth: 2, ExpireToken: true, Times: 1})
	first := e.do("demo", "", "GET", "volumes/detail", "")
	require.Equal(t, http.StatusOK, first.code)
	links := first.json(t)["volumes_links"].([]any)
	next := links[0].(map[string]any)["href"].(string)
	r := e.do("demo", "", "GET", next[strings.Index(next, "/volume/v3/"):], "")
	assert.Equal(t, http.StatusUnauthorized, r.code)
	assert.Equal(t, http.StatusUnauthorized, e.do("demo", "", "GET", "volumes", "").code, "the token stays expired")
	e.demoTok, _ = e.login("demo", "demo", "demo")
	assert.Equal(t, http.StatusOK, e.do("demo", "", "GET", next[strings.Index(next, "/volume/v3/"):], "").code)
}

// clock is a test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func TestOptionsNow(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	e := newEnv(t, cindertest.Options{Now: clk.Now, CreateDelay: time.Minute, TokenTTL: time.Hour})
	id := e.create("demo", `{"volume":{"size":1}}`)
	v := e.volume("demo", "", id)
	assert.Regexp(t, `^2030-01-02T03:04:05\.0000\d\d$`, v["created_at"]) // strictly increasing by 1µs
	assert.Equal(t, "creating", v["status"], "the clock has not moved")
	clk.Advance(time.Minute)
	assert.Equal(t, "available", e.volume("demo", "", id)["status"])
	r := e.do("demo", "3.60", "GET", "volumes?updated_at=gte:2030-01-02T03:05:05", "")
	assert.Len(t, r.json(t)["volumes"], 1, "updated at 03:05:05 when it became available")
	r = e.do("demo", "3.60", "GET", "volumes?updated_at=gt:2030-01-02T03:05:06", "")
	assert.Empty(t, r.json(t)["volumes"])
	clk.Advance(time.Hour)
	assert.Equal(t, http.StatusUnauthorized, e.do("demo", "", "GET", "volumes", "").code, "token expired by the clock")
}

func TestServeInvalidOptions(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	_, err = cindertest.Serve(ln, cindertest.Options{MaxMicroversion: "three"})
	require.ErrorContains(t, err, `invalid MaxMicroversion "three"`)
	srv, err := cindertest.Serve(ln, cindertest.Options{})
	require.NoError(t, err, "ln is still usable")
	srv.Close()
}
