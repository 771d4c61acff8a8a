// Package record captures real Cinder responses as test fixtures: a
// Recorder is an http.RoundTripper layer that keeps the last response body,
// and Save writes it, scrubbed, to <dir>/<name>.json.
//
// Scrubbing makes fixtures safe to commit and stable across re-recordings:
// tokens, project and user IDs, host names, request ids and the endpoint's
// host are replaced by fixed values, every UUID by a fake one numbered in
// order of first appearance, and every timestamp by a fixed one.
package record

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// Fixed values fixtures are scrubbed to.
const (
	BaseURL   = "https://cinder.example.com:8776"
	AuthURL   = "https://keystone.example.com:5000"
	Host      = "cinder-host@backend#pool"
	RequestID = "req-00000000-0000-4000-8000-000000000001"
	Token     = "gAAAAA-scrubbed-token"
	Time      = "2024-05-01T12:00:00"
)

// Recorder keeps the last response that went through its transport.
type Recorder struct {
	dir string

	mu       sync.Mutex
	last     []byte
	status   int
	scrubber *Scrubber
}

// NewRecorder writes fixtures into dir.
func NewRecorder(dir string) *Recorder {
	return &Recorder{dir: dir, scrubber: NewScrubber()}
}

// Scrubber returns the recorder's scrubber, to add aliases and literal
// replacements before saving.
func (r *Recorder) Scrubber() *Scrubber { return r.scrubber }

// Transport wraps next (http.DefaultTransport when nil), keeping a copy of
// each response body.
func (r *Recorder) Transport(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return roundTripper(func(req *http.Request) (*http.Response, error) {
		resp, err := next.RoundTrip(req)
		if err != nil {
			return resp, err
		}
		body, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("record: reading %s %s: %w", req.Method, req.URL.Redacted(), err)
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		r.mu.Lock()
		r.last, r.status = body, resp.StatusCode
		r.mu.Unlock()
		return resp, nil
	})
}

// Last returns the status and raw body of the last response.
func (r *Recorder) Last() (int, []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status, bytes.Clone(r.last)
}

// Save writes the last response body, scrubbed and indented, to
// <dir>/<name>.json. An empty body gives an empty file.
func (r *Recorder) Save(name string) error {
	_, body := r.Last()
	out := r.scrubber.Scrub(body)
	if len(bytes.TrimSpace(out)) > 0 {
		var buf bytes.Buffer
		if json.Indent(&buf, out, "", "  ") == nil {
			buf.WriteByte('\n')
			out = buf.Bytes()
		}
	}
	path := filepath.Join(r.dir, name+".json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Scrubber rewrites response bodies; it numbers UUIDs and hex IDs in order of
// first appearance, so one Scrubber used over a recording session maps each
// real ID to the same fake one everywhere.
type Scrubber struct {
	mu       sync.Mutex
	ids      map[string]string
	nUUID    int
	nHex     int
	literals []string // old, new pairs
}

// NewScrubber returns a scrubber with no IDs seen yet.
func NewScrubber() *Scrubber { return &Scrubber{ids: map[string]string{}} }

// Alias fixes the fake value a real ID is scrubbed to.
func (s *Scrubber) Alias(real, fake string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ids[strings.ToLower(real)] = fake
}

// Replace adds a literal replacement applied before every other rule
// (e.g. a state directory in device paths).
func (s *Scrubber) Replace(old, new string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.literals = append(s.literals, old, new)
}

// Scrub applies the rules with a fresh Scrubber.
func Scrub(b []byte) []byte { return NewScrubber().Scrub(b) }

var (
	reToken   = regexp.MustCompile(`gAAAAA[A-Za-z0-9_=-]+`)
	reReqID   = regexp.MustCompile(`req-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	reCinder  = regexp.MustCompile(`https?://[A-Za-z0-9.\-\[\]:]+:8776`)
	reAuth    = regexp.MustCompile(`https?://[A-Za-z0-9.\-\[\]:]+:5000`)
	reHost    = regexp.MustCompile(`"[A-Za-z0-9_.\-]+@[A-Za-z0-9_.\-]+(#[A-Za-z0-9_.\-]+)?"`)
	reUUID    = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	reHexID   = regexp.MustCompile(`\b[0-9a-f]{32}\b`)
	reTime    = regexp.MustCompile(`\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?`)
	reBareHst = regexp.MustCompile(`"(host|host_name|hostname)": *"[^"@]*"`)
)

// Scrub rewrites b with s's rules.
func (s *Scrubber) Scrub(b []byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := string(b)
	for i := 0; i+1 < len(s.literals); i += 2 {
		out = strings.ReplaceAll(out, s.literals[i], s.literals[i+1])
	}
	out = reToken.ReplaceAllString(out, Token)
	out = reReqID.ReplaceAllString(out, RequestID)
	out = reCinder.ReplaceAllString(out, BaseURL)
	out = reAuth.ReplaceAllString(out, AuthURL)
	out = reHost.ReplaceAllStringFunc(out, func(m string) string {
		if strings.Contains(m, "#") {
			return `"` + Host + `"`
		}
		return `"` + strings.TrimSuffix(Host, "#pool") + `"`
	})
	out = reBareHst.ReplaceAllStringFunc(out, func(m string) string {
		k, _, _ := strings.Cut(m, ":")
		if strings.HasSuffix(m, `""`) {
			return m
		}
		return k + `: "cinder-host"`
	})
	out = reUUID.ReplaceAllStringFunc(out, func(m string) string {
		return s.fake(m, func(n int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", n) }, &s.nUUID)
	})
	out = reHexID.ReplaceAllStringFunc(out, func(m string) string {
		return s.fake(m, func(n int) string { return fmt.Sprintf("0a0a0a0a0a0a4a0a8a0a0a0a0a0a%04d", n) }, &s.nHex)
	})
	out = reTime.ReplaceAllStringFunc(out, func(m string) string {
		t := Time
		if m[10] == ' ' {
			t = strings.Replace(t, "T", " ", 1)
		}
		if _, frac, ok := strings.Cut(m, "."); ok {
			t += "." + strings.Repeat("0", len(frac))
		}
		return t
	})
	return []byte(out)
}

func (s *Scrubber) fake(real string, format func(int) string, n *int) string {
	key := strings.ToLower(real)
	if f, ok := s.ids[key]; ok {
		return f
	}
	if fakeLike(key) {
		return real
	}
	used := make(map[string]bool, len(s.ids))
	for _, v := range s.ids {
		used[v] = true
	}
	for {
		*n++
		if f := format(*n); !used[f] {
			s.ids[key] = f
			return f
		}
	}
}

// fakeLike reports whether id is already one of the fake values (so a
// fixture scrubbed twice stays the same).
func fakeLike(id string) bool {
	return strings.HasPrefix(id, "00000000-0000-4000-8000-") || strings.HasPrefix(id, "0a0a0a0a0a0a4a0a8a0a")
}
