package rest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	mv "github.com/gocinder/cinder/microversion"
)

// Sentinels matched by errors.Is on an *APIError, one per HTTP status family.
var (
	ErrBadRequest         = errors.New("cinder: bad request")
	ErrUnauthorized       = errors.New("cinder: unauthorized")
	ErrForbidden          = errors.New("cinder: forbidden")
	ErrNotFound           = errors.New("cinder: not found")
	ErrNotAcceptable      = errors.New("cinder: microversion not acceptable")
	ErrConflict           = errors.New("cinder: conflict")
	ErrPrecondition       = errors.New("cinder: precondition failed")
	ErrOverLimit          = errors.New("cinder: over limit")
	ErrTooManyRequests    = errors.New("cinder: too many requests")
	ErrServer             = errors.New("cinder: server error")
	ErrNotImplemented     = errors.New("cinder: not implemented by the server")
	ErrServiceUnavailable = errors.New("cinder: service unavailable")
)

// APIError is a non-2xx answer from Cinder or Keystone.
type APIError struct {
	StatusCode int
	Code       string // Cinder's fault name, e.g. "itemNotFound"
	Message    string
	RequestID  string // X-OpenStack-Request-Id
	Method     string
	URL        string
	RetryAfter string // Retry-After header, when the server sent one
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cinder: %s %s: %d", e.Method, e.URL, e.StatusCode)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request " + e.RequestID + ")")
	}
	return b.String()
}

// Is matches the status sentinels.
func (e *APIError) Is(target error) bool {
	s := sentinel(e.StatusCode)
	return s != nil && s == target
}

func sentinel(code int) error {
	switch code {
	case http.StatusBadRequest:
		return ErrBadRequest
	case http.StatusUnauthorized:
		return ErrUnauthorized
	case http.StatusForbidden:
		return ErrForbidden
	case http.StatusNotFound:
		return ErrNotFound
	case http.StatusNotAcceptable:
		return ErrNotAcceptable
	case http.StatusConflict:
		return ErrConflict
	case http.StatusPreconditionFailed:
		return ErrPrecondition
	case http.StatusRequestEntityTooLarge:
		return ErrOverLimit
	case http.StatusTooManyRequests:
		return ErrTooManyRequests
	case http.StatusNotImplemented:
		return ErrNotImplemented
	case http.StatusServiceUnavailable:
		return ErrServiceUnavailable
	}
	if code >= 500 {
		return ErrServer
	}
	return nil
}

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

// StatusError is returned by a waiter when the resource reaches an error state.
type StatusError struct {
	ID     string
	Status string
	Reason string // a hint from the resource, when it has one
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("cinder: %s went to status %q", e.ID, e.Status)
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}

// UnreachableError is returned when the service could not be reached at all.
type UnreachableError struct {
	URL string
	Err error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("cinder: service unreachable at %s: %v", e.URL, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }
