// Package rest sends Block Storage requests: it builds URLs, checks a
// call's microversion range before sending, encodes JSON bodies, and turns
// non-2xx answers into *APIError.
package rest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/gocinder/cinder/internal/transport"
	mv "github.com/gocinder/cinder/microversion"
)

// Client is the shared, immutable request machinery of one cinder.Client.
type Client struct {
	HTTP     *http.Client // the whole transport stack
	Endpoint string       // base URL, ending in "/", e.g. http://h:8776/v3/<project>/
	Version  mv.Version   // the microversion every request carries
}

// WithVersion returns a copy of c using version v.
func (c *Client) WithVersion(v mv.Version) *Client {
	cp := *c
	cp.Version = v
	return &cp
}

// Call describes one request.
type Call struct {
	Op       string // name for errors, e.g. "volumes.Revert"; defaults to "METHOD path"
	Method   string // default GET
	Path     string // relative to the endpoint; build with Path
	Query    url.Values
	Body     any         // JSON-encoded when non-nil
	Header   http.Header // extra request headers (If-Match, …)
	Since    mv.Version  // lowest microversion that serves the call
	Until    mv.Version  // newest microversion that serves the call
	Expect   []int       // accepted status codes; default per method
	Retry    bool        // safe to replay even if not idempotent
	Response *Response   // when set, filled with the response's status and headers
}

// Response is what a caller may want of a response besides its body.
type Response struct {
	StatusCode int
	RequestID  string
	Header     http.Header
}

type responseKey struct{}

// WithResponse returns a context in which every call records its response
// (status, request id, headers) into r; the last call wins.
func WithResponse(ctx context.Context, r *Response) context.Context {
	return WithRecorder(ctx, func(got Response) { *r = got })
}

// WithRecorder returns a context in which every call hands its response
// (status, request id, headers) to record.
func WithRecorder(ctx context.Context, record func(Response)) context.Context {
	return context.WithValue(ctx, responseKey{}, record)
}

// Path joins escaped segments: Path("volumes", id, "action").
func Path(segs ...string) string {
	esc := make([]string, len(segs))
	for i, s := range segs {
		esc[i] = url.PathEscape(s)
	}
	return strings.Join(esc, "/")
}

// Check returns a *VersionError when the client's version is outside [since, until].
func (c *Client) Check(op string, since, until mv.Version) error {
	return mv.Check(op, since, until, c.Version)
}

// Do sends the call and decodes a JSON answer into out (when out is non-nil).
func (c *Client) Do(ctx context.Context, call Call, out any) error {
	resp, err := c.Send(ctx, call)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil || resp.StatusCode == http.StatusNoContent {
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		if errors.Is(err, io.EOF) {
			return &lostError{fmt.Errorf("cinder: %s %s: empty response body", resp.Request.Method, resp.Request.URL.Redacted())}
		}
		return &lostError{fmt.Errorf("cinder: %s %s: decoding response: %w", resp.Request.Method, resp.Request.URL.Redacted(), err)}
	}
	return nil
}

// Action POSTs {"<name>": body} to call.Path (usually …/{id}/action).
// A nil body sends {"<name>": null}, as Cinder expects for argument-less actions.
func (c *Client) Action(ctx context.Context, call Call, name string, body any) error {
	return c.ActionResult(ctx, call, name, body, nil)
}

// ActionResult is Action for the actions that answer with a body.
func (c *Client) ActionResult(ctx context.Context, call Call, name string, body any, out any) error {
	call.Method = http.MethodPost
	call.Body = map[string]any{name: body}
	if call.Op == "" {
		call.Op = name
	}
	return c.Do(ctx, call, out)
}

// Send sends the call and returns the response with its body open, after
// checking its status; the caller closes the body.
func (c *Client) Send(ctx context.Context, call Call) (*http.Response, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if call.Method == "" {
		call.Method = http.MethodGet
	}
	op := call.Op
	if op == "" {
		op = call.Method + " /" + call.Path
	}
	if err := c.Check(op, call.Since, call.Until); err != nil {
		return nil, err
	}
	u := c.URL(call.Path, call.Query)
	var body io.Reader
	if call.Body != nil {
		data, err := json.Marshal(call.Body)
		if err != nil {
			return nil, fmt.Errorf("cinder: encoding %s body: %w", op, err)
		}
		body = bytes.NewReader(data)
	}
	ctx = transport.WithMicroversion(ctx, c.Version)
	if call.Retry {
		ctx = transport.WithRetrySafe(ctx)
	}
	req, err := http.NewRequestWithContext(ctx, call.Method, u, body)
	if err != nil {
		return nil, fmt.Errorf("cinder: %s: %w", op, err)
	}
	for k, vs := range call.Header {
		req.Header[k] = vs
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, wrapTransport(ctx, req, err)
	}
	record(ctx, call.Response, resp)
	if !expected(call, resp.StatusCode) {
		defer resp.Body.Close()
		return nil, ParseError(resp)
	}
	return resp, nil
}

// URL resolves a relative path and query against the endpoint.
func (c *Client) URL(path string, q url.Values) string {
	u := c.Endpoint + strings.TrimPrefix(path, "/")
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

func record(ctx context.Context, dst *Response, resp *http.Response) {
	r := Response{StatusCode: resp.StatusCode, RequestID: RequestID(resp.Header), Header: resp.Header}
	if dst != nil {
		*dst = r
	}
	if f, ok := ctx.Value(responseKey{}).(func(Response)); ok && f != nil {
		f(r)
	}
}

func expected(call Call, code int) bool {
	if len(call.Expect) > 0 {
		return slices.Contains(call.Expect, code)
	}
	switch call.Method {
	case http.MethodGet, http.MethodHead:
		return code == http.StatusOK || code == http.StatusNonAuthoritativeInfo
	}
	return code >= 200 && code < 300
}

func wrapTransport(ctx context.Context, req *http.Request, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var apiErr *APIError
	var verr *VersionError
	if errors.As(err, &apiErr) || errors.As(err, &verr) {
		return err
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return &UnreachableError{URL: req.URL.Scheme + "://" + req.URL.Host, Err: err}
	}
	err = fmt.Errorf("cinder: %s %s: %w", req.Method, req.URL.Redacted(), err)
	if neverSent(err) {
		return err
	}
	return &lostError{err}
}
