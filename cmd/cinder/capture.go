package main

import (
	"bytes"
	"context"
	"github.com/gocinder/cinder/internal/pyfmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

// python-cinderclient prints the server's JSON as it came: every key the
// server sent (also keys newer than this client), null as None, in the
// server's order. The SDK's typed structs cannot tell null from "" or know
// future keys, so commands that print a resource ask the transport to keep
// the raw JSON of the responses to their requests (withRaw) and render that,
// while every decision (ids, statuses, errors) is taken on the typed values.

type rawKey struct{}

// rawBodies collects the JSON bodies of the successful responses to the
// requests made with its context.
type rawBodies struct {
	mu     sync.Mutex
	bodies [][]byte
}

func withRaw(ctx context.Context) (context.Context, *rawBodies) {
	rb := &rawBodies{}
	return context.WithValue(ctx, rawKey{}, rb), rb
}

// objects returns, in response order, the members named key of every body
// (an object, or each element of an array).
func (rb *rawBodies) objects(key string) []*pyfmt.Object {
	rb.mu.Lock()
	defer rb.mu.Unlock()
	var out []*pyfmt.Object
	for _, b := range rb.bodies {
		v, err := pyfmt.Decode(b)
		if err != nil {
			continue
		}
		o, ok := v.(*pyfmt.Object)
		if !ok {
			continue
		}
		switch x := o.Value(key).(type) {
		case *pyfmt.Object:
			out = append(out, x)
		case []any:
			for _, e := range x {
				if eo, ok := e.(*pyfmt.Object); ok {
					out = append(out, eo)
				}
			}
		}
	}
	return out
}

// find returns the last captured object under singular or plural whose id is id.
func (rb *rawBodies) find(singular, plural, id string) *pyfmt.Object {
	var found *pyfmt.Object
	for _, key := range []string{plural, singular} {
		for _, o := range rb.objects(key) {
			if v, _ := o.Get("id"); v == id {
				found = o
			}
		}
	}
	return found
}

// captureTransport keeps JSON response bodies for requests whose context
// carries a *rawBodies.
type captureTransport struct{ next http.RoundTripper }

const maxCapture = 64 << 20

func (t captureTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	rb, ok := req.Context().Value(rawKey{}).(*rawBodies)
	if err != nil || !ok || resp.StatusCode/100 != 2 || !strings.Contains(resp.Header.Get("Content-Type"), "json") {
		return resp, err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxCapture))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	rb.mu.Lock()
	rb.bodies = append(rb.bodies, data)
	rb.mu.Unlock()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return resp, nil
}
