// Package apierror holds the SDK's error types and the sentinels errors.Is
// matches them against. The root package re-exports each of them
// (cinder.APIError is *Error here, cinder.ErrNotFound is ErrNotFound, …);
// callers usually write the cinder names.
package apierror

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Sentinels matched by errors.Is on an *Error, one per HTTP status family.
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

// Error is a non-2xx answer from Cinder or Keystone (cinder.APIError).
// errors.Is matches it against the sentinel of its status.
type Error struct {
	StatusCode int    // the HTTP status
	Code       string // Cinder's fault name, e.g. "itemNotFound"
	Message    string // the fault's message, or the status text
	RequestID  string // X-OpenStack-Request-Id
	Method     string // the request's method
	URL        string // the request's URL, redacted
	RetryAfter string // Retry-After header, when the server sent one
}

// Error formats the method, URL, status, fault and request id.
func (e *Error) Error() string {
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
func (e *Error) Is(target error) bool {
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

// StatusError is returned by a waiter when the resource reaches an error state.
type StatusError struct {
	ID     string // the resource's ID
	Status string // the error status it reached, e.g. "error_extending"
	Reason string // a hint from the resource, when it has one
}

// Error names the resource and the status it reached.
func (e *StatusError) Error() string {
	s := fmt.Sprintf("cinder: %s went to status %q", e.ID, e.Status)
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}

// UnreachableError is returned when the service could not be reached at all.
type UnreachableError struct {
	URL string // scheme and host that could not be reached
	Err error  // the dial error
}

// Error names the unreachable URL and the cause.
func (e *UnreachableError) Error() string {
	return fmt.Sprintf("cinder: service unreachable at %s: %v", e.URL, e.Err)
}

// Unwrap returns the dial error.
func (e *UnreachableError) Unwrap() error { return e.Err }

// MayExistError is returned by a create whose answer was lost after the
// request may have reached the server (a broken connection, an unreadable
// answer, a 500, 502 or 504): the resource may exist. Find it by Name, or by
// the metadata key "gocinder_client_token" = Token when the caller set a
// client token, and delete it if it is not wanted.
type MayExistError struct {
	Kind      string // the resource: "volume", "snapshot", "backup"
	Name      string // the name asked for ("" when none was)
	Token     string // the client token, when one was set
	RequestID string // the request id of the lost answer, when one arrived
	Err       error  // what was lost
}

// Error says what may have been created and what was lost.
func (e *MayExistError) Error() string {
	s := "cinder: the " + e.Kind
	if e.Name != "" {
		s += fmt.Sprintf(" %q", e.Name)
	}
	s += " may have been created: its answer was lost"
	if e.RequestID != "" {
		s += " (request " + e.RequestID + ")"
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns what was lost.
func (e *MayExistError) Unwrap() error { return e.Err }
