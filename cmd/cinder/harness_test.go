package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// idProxy sits between the CLI and the emulator and renames every UUID and
// 32-hex ID the emulator invents to a stable one (in order of first
// appearance), both ways, so that outputs, and the order of tables sorted
// by ID, are the same on every run.
type idProxy struct {
	srv      *httptest.Server
	upstream string // host:port of the emulator
	mu       sync.Mutex
	toFake   map[string]string
	toReal   map[string]string
	n        int
}

var (
	uuidRe  = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	hex32Re = regexp.MustCompile(`\b[0-9a-f]{32}\b`)
	timeRe  = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?`)
	portRe  = regexp.MustCompile(`127\.0\.0\.1:\d+`)
)

func newIDProxy(t *testing.T, emulatorURL string) *idProxy {
	u, err := url.Parse(emulatorURL)
	require.NoError(t, err)
	p := &idProxy{upstream: u.Host, toFake: map[string]string{}, toReal: map[string]string{}}
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(u)
			r.Out.Host = u.Host
			r.Out.URL.Path = p.real(r.Out.URL.Path)
			r.Out.URL.RawPath = ""
			r.Out.URL.RawQuery = p.real(r.Out.URL.RawQuery)
			if r.Out.Body != nil {
				b, _ := io.ReadAll(r.Out.Body)
				b = []byte(p.real(string(b)))
				r.Out.Body = io.NopCloser(bytes.NewReader(b))
				r.Out.ContentLength = int64(len(b))
				r.Out.Header.Set("Content-Length", strconv.Itoa(len(b)))
			}
		},
		ModifyResponse: func(resp *http.Response) error {
			b, err := io.ReadAll(resp.Body)
			if err != nil {
				return err
			}
			resp.Body.Close()
			s := strings.ReplaceAll(string(b), p.upstream, p.srv.Listener.Addr().String())
			b = []byte(p.fake(s))
			resp.Body = io.NopCloser(bytes.NewReader(b))
			resp.ContentLength = int64(len(b))
			resp.Header.Set("Content-Length", strconv.Itoa(len(b)))
			if id := resp.Header.Get("X-Openstack-Request-Id"); id != "" {
				resp.Header.Set("X-Openstack-Request-Id", p.fake(id))
			}
			return nil
		},
	}
	p.srv = httptest.NewServer(rp)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *idProxy) fake(s string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	repl := func(kind string) func(string) string {
		return func(id string) string {
			if f, ok := p.toFake[id]; ok {
				return f
			}
			if _, isFake := p.toReal[id]; isFake {
				return id
			}
			p.n++
			f := fmt.Sprintf("00000000-0000-4000-8000-%012d", p.n)
			if kind == "hex" {
				f = fmt.Sprintf("%032d", p.n)
			}
			p.toFake[id], p.toReal[f] = f, id
			return f
		}
	}
	s = uuidRe.ReplaceAllStringFunc(s, repl("uuid"))
	return hex32Re.ReplaceAllStringFunc(s, repl("hex"))
}

func (p *idProxy) real(s string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	swap := func(id string) string {
		if r, ok := p.toReal[id]; ok {
			return r
		}
		return id
	}
	s = uuidRe.ReplaceAllStringFunc(s, swap)
	return hex32Re.ReplaceAllStringFunc(s, swap)
}

// env is the admin environment pointing at the proxy.
func (p *idProxy) env(srv *cindertest.Server, user string) map[string]string {
	env := srv.Env(user)
	env["OS_AUTH_URL"] = strings.Replace(env["OS_AUTH_URL"], p.upstream, p.srv.Listener.Addr().String(), 1)
	return env
}

// scrub makes what is left variable stable: times (same width) and ports.
func scrub(s string) string {
	s = timeRe.ReplaceAllStringFunc(s, func(t string) string {
		const fixed = "2000-01-01T00:00:00.000000000"
		return fixed[:len(t)]
	})
	return portRe.ReplaceAllString(s, "127.0.0.1:PORT")
}

// transcript runs one command line and renders it for a golden file.
func transcript(t *testing.T, env map[string]string, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, env, &out, &errb)
	var b strings.Builder
	fmt.Fprintf(&b, "$ cinder %s\n", strings.Join(quoteArgs(args), " "))
	b.WriteString(out.String())
	if errb.Len() > 0 {
		b.WriteString("[stderr]\n" + errb.String())
	}
	fmt.Fprintf(&b, "[exit %d]\n\n", code)
	return scrub(b.String()), code
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \"'") {
			a = strconv.Quote(a)
		}
		out[i] = a
	}
	return out
}

// golden compares got with testdata/golden/name.txt (or rewrites it with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./cmd/cinder/ -update")
	assert.Equal(t, string(want), got, "golden %s differs; run go test ./cmd/cinder/ -update and review the diff", path)
}
