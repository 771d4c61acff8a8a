// Package transport holds the http.RoundTripper layers every request goes
// through, outer to inner: Headers, Retry, Auth, Log, then the base transport.
package transport

import (
	"context"

	mv "github.com/gocinder/cinder/microversion"
)

type (
	versionKey   struct{}
	retrySafeKey struct{}
	attemptKey   struct{}
)

// WithMicroversion returns a context whose requests carry OpenStack-API-Version: volume v.
func WithMicroversion(ctx context.Context, v mv.Version) context.Context {
	return context.WithValue(ctx, versionKey{}, v)
}

func microversion(ctx context.Context) mv.Version {
	v, _ := ctx.Value(versionKey{}).(mv.Version)
	return v
}

// WithRetrySafe marks a request as safe to replay even when its method is not
// idempotent (the caller knows a duplicate cannot happen).
func WithRetrySafe(ctx context.Context) context.Context {
	return context.WithValue(ctx, retrySafeKey{}, true)
}

func retrySafe(ctx context.Context) bool {
	b, _ := ctx.Value(retrySafeKey{}).(bool)
	return b
}

func withAttempt(ctx context.Context, n int) context.Context {
	return context.WithValue(ctx, attemptKey{}, n)
}

// Attempt returns the 1-based attempt number of the request (1 outside Retry).
func Attempt(ctx context.Context) int {
	if n, ok := ctx.Value(attemptKey{}).(int); ok {
		return n
	}
	return 1
}
