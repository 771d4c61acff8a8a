package record_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

type roundTrip string

func (b roundTrip) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(string(b))), Request: r}, nil
}

func newRequest(t *testing.T) *http.Request {
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://127.0.0.1:8776/v3/x/volumes/y", nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
