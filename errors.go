package cinder

import (
	"github.com/gocinder/cinder/apierror"
	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/microversion"
)

// Error types and sentinels; they are defined in packages apierror, find and
// microversion, and re-exported here under the names callers write.
type (
	// APIError is a non-2xx answer; errors.Is matches it against the sentinels below.
	APIError = apierror.Error
	// VersionError is returned, before sending, when a method or option needs another microversion.
	VersionError = microversion.Error
	// StatusError is returned by waiters when a resource reaches an error state.
	StatusError = apierror.StatusError
	// AmbiguousError is returned by a Find when several resources have the name.
	AmbiguousError = find.AmbiguousError
	// UnreachableError is returned when the endpoint cannot be reached at all.
	UnreachableError = apierror.UnreachableError
	// MayExistError is returned by a create whose answer was lost after the
	// server may have acted: the resource may exist under its Name (or its
	// client token, see volumes.CreateRequest.ClientToken).
	MayExistError = apierror.MayExistError
)

// Sentinels matched by errors.Is on an *APIError.
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
