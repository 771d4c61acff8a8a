package cinder

import (
	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/microversion"
)

// Error types and sentinels; see internal/rest for their behaviour.
type (
	// APIError is a non-2xx answer; errors.Is matches it against the sentinels below.
	APIError = rest.APIError
	// VersionError is returned, before sending, when a method or option needs another microversion.
	VersionError = microversion.Error
	// StatusError is returned by waiters when a resource reaches an error state.
	StatusError = rest.StatusError
	// AmbiguousError is returned by a Find when several resources have the name.
	AmbiguousError = find.AmbiguousError
	// UnreachableError is returned when the endpoint cannot be reached at all.
	UnreachableError = rest.UnreachableError
	// MayExistError is returned by a create whose answer was lost after the
	// server may have acted: the resource may exist under its Name (or its
	// client token, see volumes.CreateRequest.ClientToken).
	MayExistError = rest.MayExistError
	// Response holds a response's status, request id and headers (see WithResponse).
	Response = rest.Response
)

// Sentinels matched by errors.Is on an *APIError.
var (
	ErrBadRequest         = rest.ErrBadRequest
	ErrUnauthorized       = rest.ErrUnauthorized
	ErrForbidden          = rest.ErrForbidden
	ErrNotFound           = rest.ErrNotFound
	ErrNotAcceptable      = rest.ErrNotAcceptable
	ErrConflict           = rest.ErrConflict
	ErrPrecondition       = rest.ErrPrecondition
	ErrOverLimit          = rest.ErrOverLimit
	ErrTooManyRequests    = rest.ErrTooManyRequests
	ErrServer             = rest.ErrServer
	ErrNotImplemented     = rest.ErrNotImplemented
	ErrServiceUnavailable = rest.ErrServiceUnavailable
)
