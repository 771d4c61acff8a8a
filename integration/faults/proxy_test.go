package faults_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Kind is one way a request can go wrong.
type Kind int

// The kinds of fault a Proxy injects. "Acted" means the emulator served
// the request (and changed its state) before the fault hit the answer.
const (
	None         Kind = iota
	DropBefore        // the connection is reset before the request reaches the server
	DropAfter         // the server acted; the connection is reset before the answer arrives
	Status429         // 429 with Retry-After, not acted
	Status413         // 413 with Retry-After (rate limit), not acted
	Status500         // 500, not acted
	Status502         // 502 from a gateway, not acted
	Status503         // 503, not acted
	Status504         // 504 from a gateway, not acted
	Timeout504        // the server acted; the gateway answers 504
	HTMLPage          // a proxy's HTML 502 error page, not acted
	Truncated         // the server acted; the answer's body is cut in half
	SlowBody          // the server acted; the body arrives in slow chunks (complete)
	Latency           // a latency spike before the server sees the request
	Revoke            // every token is revoked before the request is served
	KeystoneDown      // every token is revoked and Keystone is down for the next two authentications
	numKinds
)

var kindNames = [...]string{"none", "drop-before", "drop-after", "429", "413", "500", "502", "503", "504",
	"504-after-acting", "html-page", "truncated", "slow-body", "latency", "revoke", "keystone-down"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// AllKinds is every fault kind.
func AllKinds() []Kind {
	out := make([]Kind, 0, numKinds-1)
	for k := DropBefore; k < numKinds; k++ {
		out = append(out, k)
	}
	return out
}

// Emulator is what a Proxy needs of the emulator: its handler and a way to
// revoke every issued token (a *cindertest.Server).
type Emulator interface {
	http.Handler
	RevokeAll()
}

// Proxy serves the emulator through a seeded fault mix. It is an
// http.RoundTripper (in-process: the emulator's handler answers without a
// socket) and an http.Handler (in front of the emulator on a real port,
// for the CLI). Only Block Storage requests (paths under /volume/) draw
// faults; Keystone is broken only by KeystoneDown. Safe for concurrent use.
type Proxy struct {
	emu   Emulator
	rate  float64
	kinds []Kind

	mu           sync.Mutex
	rng          *rand.Rand
	on           bool
	injected     map[Kind]int
	requests     int
	keystoneDown int
	created      map[string]int // "volume/name" → creates the server performed
}

// NewProxy returns a proxy that breaks rate (0..1) of the Block Storage
// requests with a kind drawn uniformly from kinds, seeded with seed.
func NewProxy(emu Emulator, seed uint64, rate float64, kinds []Kind) *Proxy {
	return &Proxy{emu: emu, rate: rate, kinds: kinds, on: true, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		injected: map[Kind]int{}, created: map[string]int{}}
}

// SetEnabled turns fault injection on or off (set-up and the final audit
// run with it off).
func (p *Proxy) SetEnabled(on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.on = on
}

// Injected returns how many faults of each kind were injected and how many
// Block Storage requests were seen.
func (p *Proxy) Injected() (map[Kind]int, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[Kind]int, len(p.injected))
	for k, v := range p.injected {
		out[k] = v
	}
	return out, p.requests
}

// Duplicates returns, for every resource the server created more than once
// under one name ("volume/name"), how many extra times it did.
func (p *Proxy) Duplicates() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]int{}
	for k, n := range p.created {
		if n > 1 {
			out[k] = n - 1
		}
	}
	return out
}

// draw picks the fault for r (None for most requests).
func (p *Proxy) draw(r *http.Request) Kind {
	p.mu.Lock()
	defer p.mu.Unlock()
	if strings.Contains(r.URL.Path, "/identity/") && strings.HasSuffix(r.URL.Path, "/auth/tokens") && r.Method == http.MethodPost && p.keystoneDown > 0 {
		p.keystoneDown--
		return DropBefore
	}
	if !p.on || !strings.HasPrefix(r.URL.Path, "/volume/") {
		return None
	}
	p.requests++
	if len(p.kinds) == 0 || p.rng.Float64() >= p.rate {
		return None
	}
	k := p.kinds[p.rng.IntN(len(p.kinds))]
	p.injected[k]++
	if k == KeystoneDown {
		p.keystoneDown = 2
	}
	return k
}

// resetError is what a client sees when a connection is reset.
func resetError() error {
	return &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
}

// RoundTrip implements http.RoundTripper: the request is served in-process.
func (p *Proxy) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	k := p.draw(req)
	switch k {
	case DropBefore:
		return nil, resetError()
	case Status429, Status413, Status500, Status502, Status503, Status504, HTMLPage:
		return faultResponse(req, k), nil
	case Latency:
		if err := sleep(req, 3*time.Second); err != nil {
			return nil, err
		}
	case Revoke, KeystoneDown:
		p.emu.RevokeAll()
	}
	rec := httptest.NewRecorder()
	if aborted := p.serve(rec, req, body); aborted {
		return nil, resetError()
	}
	resp := rec.Result()
	resp.Request = req
	switch k {
	case DropAfter:
		return nil, resetError()
	case Timeout504:
		return faultResponse(req, Status504), nil
	case Truncated:
		b, _ := io.ReadAll(resp.Body)
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(b[:len(b)/2]), errReader{io.ErrUnexpectedEOF}))
		resp.ContentLength = -1
	case SlowBody:
		b, _ := io.ReadAll(resp.Body)
		resp.Body = &slowReader{req: req, data: b}
	}
	return resp, nil
}

// ServeHTTP implements http.Handler: the proxy in front of the emulator
// for clients on a real socket (the CLI). Resets close the connection.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	k := p.draw(r)
	switch k {
	case DropBefore:
		hangUp(w)
		return
	case Status429, Status413, Status500, Status502, Status503, Status504, HTMLPage:
		writeResponse(w, faultResponse(r, k))
		return
	case Latency:
		time.Sleep(300 * time.Millisecond)
	case Revoke, KeystoneDown:
		p.emu.RevokeAll()
	}
	rec := httptest.NewRecorder()
	if aborted := p.serve(rec, r, body); aborted {
		hangUp(w)
		return
	}
	resp := rec.Result()
	switch k {
	case DropAfter:
		hangUp(w)
		return
	case Timeout504:
		writeResponse(w, faultResponse(r, Status504))
		return
	case Truncated:
		// announce the whole length, send half, hang up
		b, _ := io.ReadAll(resp.Body)
		copyHeader(w.Header(), resp.Header)
		w.Header().Set("Content-Length", fmt.Sprint(len(b)))
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(b[:len(b)/2])
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		hangUp(w)
		return
	case SlowBody:
		b, _ := io.ReadAll(resp.Body)
		copyHeader(w.Header(), resp.Header)
		w.WriteHeader(resp.StatusCode)
		for len(b) > 0 {
			n := min(len(b), 256)
			_, _ = w.Write(b[:n])
			b = b[n:]
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
			time.Sleep(5 * time.Millisecond)
		}
		return
	}
	writeResponse(w, resp)
}

// serve hands the request to the emulator and records the creates it
// performed. It reports whether the emulator aborted the connection.
func (p *Proxy) serve(w *httptest.ResponseRecorder, r *http.Request, body []byte) (aborted bool) {
	in := r.Clone(r.Context())
	in.Body = io.NopCloser(bytes.NewReader(body))
	in.ContentLength = int64(len(body))
	in.RequestURI = r.URL.RequestURI()
	if in.Host == "" {
		in.Host = r.URL.Host
	}
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler { //nolint:errorlint // the sentinel is compared by identity, as net/http does
				panic(v)
			}
			aborted = true
		}
	}()
	p.emu.ServeHTTP(w, in)
	if r.Method == http.MethodPost && w.Code/100 == 2 {
		if kind := createdKind(r.URL.Path); kind != "" {
			p.mu.Lock()
			p.created[kind+"/"+createName(body)]++
			p.mu.Unlock()
		}
	}
	return false
}

// createdKind names the resource a POST to path creates ("" for other POSTs).
func createdKind(path string) string {
	for _, k := range []string{"volumes", "snapshots", "backups"} {
		if strings.HasSuffix(path, "/"+k) {
			return strings.TrimSuffix(k, "s")
		}
	}
	return ""
}

// createName reads the name of a create body such as {"volume": {"name": …}}.
func createName(body []byte) string {
	var env map[string]struct {
		Name string `json:"name"`
	}
	_ = json.Unmarshal(body, &env)
	for _, v := range env {
		if v.Name != "" {
			return v.Name
		}
	}
	return ""
}

var faultBodies = map[Kind]struct {
	status int
	ctype  string
	body   string
	retry  string
}{
	Status429: {429, "application/json", `{"overLimit": {"code": 429, "message": "Rate limit exceeded", "retryAfter": "1"}}`, "1"},
	Status413: {413, "application/json", `{"overLimit": {"code": 413, "message": "This request was rate-limited.", "retryAfter": "2"}}`, "2"},
	Status500: {500, "application/json", `{"computeFault": {"code": 500, "message": "The server has either erred or is incapable of performing the requested operation."}}`, ""},
	Status502: {502, "text/plain", "Bad Gateway", ""},
	Status503: {503, "application/json", `{"serviceUnavailable": {"code": 503, "message": "Service Unavailable"}}`, ""},
	Status504: {504, "text/html", "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n", ""},
	HTMLPage:  {502, "text/html", "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n", ""},
}

func faultResponse(r *http.Request, k Kind) *http.Response {
	f := faultBodies[k]
	h := http.Header{"Content-Type": {f.ctype}}
	if f.retry != "" {
		h.Set("Retry-After", f.retry)
	}
	if f.status == 500 || f.status == 503 || f.status == 429 || f.status == 413 {
		h.Set("X-Openstack-Request-Id", fmt.Sprintf("req-fault-%p", r))
	}
	return &http.Response{StatusCode: f.status, Status: fmt.Sprintf("%d %s", f.status, http.StatusText(f.status)),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Header: h, Request: r,
		Body: io.NopCloser(strings.NewReader(f.body)), ContentLength: int64(len(f.body))}
}

func copyHeader(dst, src http.Header) {
	for k, vs := range src {
		dst[k] = slices.Clone(vs)
	}
}

func writeResponse(w http.ResponseWriter, resp *http.Response) {
	copyHeader(w.Header(), resp.Header)
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}

// hangUp closes the client's connection without (finishing) an answer.
func hangUp(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = buf.Flush()
	_ = conn.Close()
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// slowReader hands out its data 256 bytes at a time, 200ms apart.
type slowReader struct {
	req  *http.Request
	data []byte
}

func (s *slowReader) Read(b []byte) (int, error) {
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	if err := sleep(s.req, 200*time.Millisecond); err != nil {
		return 0, err
	}
	n := copy(b[:min(len(b), 256)], s.data)
	s.data = s.data[n:]
	return n, nil
}

func (s *slowReader) Close() error { return nil }

func sleep(r *http.Request, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-r.Context().Done():
		return r.Context().Err()
	}
}
