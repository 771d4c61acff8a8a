package transport_test

import (
	"io"
	"net/http"
	"strings"
	"sync"
)

// rtFunc adapts a function to http.RoundTripper.
type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// recorder answers with scripted responses and remembers every request it saw.
type recorder struct {
	mu     sync.Mutex
	reqs   []*http.Request
	bodies []string
	answer func(n int, r *http.Request) (*http.Response, error)
}

func (rec *recorder) RoundTrip(r *http.Request) (*http.Response, error) {
	var body string
	if r.Body != nil {
		b, _ := io.ReadAll(r.Body)
		_ = r.Body.Close()
		body = string(b)
	}
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, r)
	rec.bodies = append(rec.bodies, body)
	n := len(rec.reqs)
	rec.mu.Unlock()
	return rec.answer(n, r)
}

func (rec *recorder) count() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.reqs)
}

func respond(code int, header http.Header, body string) *http.Response {
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{
		StatusCode: code,
		Status:     http.StatusText(code),
		Header:     header,
		Body:       io.NopCloser(strings.NewReader(body)),
	}
}
