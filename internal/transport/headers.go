package transport

import "net/http"

// Headers sets the headers every request carries: User-Agent, the
// microversion (from the request's context) and the global request id.
type Headers struct {
	Next            http.RoundTripper
	UserAgent       string
	GlobalRequestID string
}

// RoundTrip implements http.RoundTripper.
func (h *Headers) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	if h.UserAgent != "" {
		req.Header.Set("User-Agent", h.UserAgent)
	}
	if v := microversion(req.Context()); !v.IsZero() {
		req.Header.Set("OpenStack-API-Version", "volume "+v.String())
	}
	if h.GlobalRequestID != "" {
		req.Header.Set("X-OpenStack-Request-ID", h.GlobalRequestID)
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	return h.Next.RoundTrip(req)
}
