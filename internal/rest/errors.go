package rest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/gocinder/cinder/apierror"
	mv "github.com/gocinder/cinder/microversion"
)

// The error types and sentinels are the public package apierror's (the
// root package re-exports them as cinder.APIError, cinder.ErrNotFound, …);
// they are named here for the machinery that builds and matches them.
type (
	APIError         = apierror.Error
	StatusError      = apierror.StatusError
	UnreachableError = apierror.UnreachableError
	MayExistError    = apierror.MayExistError
)

// Sentinels matched by errors.Is on an *APIError (see package apierror).
var (
	ErrBadRequest         = apierror.ErrBadRequest
	ErrUnauthorized       = apierror.ErrUnauthorized
	ErrForbidden          = apierror.ErrForbidden
	ErrNotFound           = apierror.ErrNotFound
	ErrNotAcceptable      = apierror.ErrNotAcceptable
	ErrConflict           = apierror.ErrConflict
	ErrPrecondition       = apierror.ErrPrecondition
	ErrOverLimit          = apierror.ErrOverLimit
	ErrTooManyRequests    = apierror.ErrTooManyRequests
	ErrServer             = apierror.ErrServer
	ErrNotImplemented     = apierror.ErrNotImplemented
	ErrServiceUnavailable = apierror.ErrServiceUnavailable
)

// ParseError reads a fault body such as {"itemNotFound": {"message": "...", "code": 404}}.
// It consumes (at most 64 KiB of) the body; the caller closes it.
func ParseError(resp *http.Response) *APIError {
	e := &APIError{StatusCode: resp.StatusCode, RequestID: RequestID(resp.Header), RetryAfter: resp.Header.Get("Retry-After")}
	if resp.Request != nil {
		e.Method = resp.Request.Method
		e.URL = resp.Request.URL.Redacted()
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	e.Code, e.Message = ParseFault(data)
	if e.Message == "" {
		e.Message = strings.TrimSpace(http.StatusText(resp.StatusCode))
	}
	return e
}

// ParseFault reads the fault name and message of a Cinder or Keystone error body.
func ParseFault(data []byte) (code, msg string) {
	var outer map[string]json.RawMessage
	if json.Unmarshal(data, &outer) != nil {
		return "", firstLine(string(data))
	}
	// Keystone: {"error": {"message": ..., "code": 401, "title": "Unauthorized"}}
	for name, raw := range outer {
		// A fault object names itself even when its message is empty:
		// {"badRequest": {"code": 400, "message": ""}}.
		var inner struct {
			Message *string         `json:"message"`
			Title   string          `json:"title"`
			Code    json.RawMessage `json:"code"`
		}
		if json.Unmarshal(raw, &inner) == nil && (inner.Message != nil || inner.Title != "" || inner.Code != nil) {
			if name == "error" && inner.Title != "" {
				name = inner.Title
			}
			if inner.Message == nil {
				return name, ""
			}
			return name, *inner.Message
		}
		// {"message": "..."} at the top level
		var s string
		if name == "message" && json.Unmarshal(raw, &s) == nil {
			return "", s
		}
	}
	return "", ""
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	if strings.HasPrefix(s, "<") { // HTML error page
		return ""
	}
	return s
}

// RequestID returns the OpenStack request id from response headers.
func RequestID(h http.Header) string {
	if id := h.Get("X-Openstack-Request-Id"); id != "" {
		return id
	}
	return h.Get("X-Compute-Request-Id")
}

// VersionError is the public microversion.Error (cinder.VersionError),
// named here for the machinery that builds and matches it.
type VersionError = mv.Error
