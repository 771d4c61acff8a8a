package rest

import (
	"context"
	"errors"
	"net"
	"net/http"
	"syscall"
)

// ClientTokenKey is the metadata key under which a create's client token is
// stored (see CreateOnce): a volume or snapshot created with a token carries
// metadata {"gocinder_client_token": token}.
const ClientTokenKey = "gocinder_client_token"

// lostError marks an error after which the request may have reached the
// server although its answer did not reach us: the connection broke after
// the request was written, or the answer could not be read.
type lostError struct{ err error }

func (e *lostError) Error() string { return e.err.Error() }
func (e *lostError) Unwrap() error { return e.err }

// Lost reports whether err leaves open whether the server acted on the
// request: a connection that broke after dialling, an unreadable answer
// (truncated, not JSON), or a 500, 502 or 504 (a gateway or a server that
// failed after its work may have been done). It is false for an error that
// proves nothing was done (a refused connection, a 4xx, a 503).
func Lost(err error) bool {
	var le *lostError
	if errors.As(err, &le) {
		return true
	}
	var ae *APIError
	if errors.As(err, &ae) {
		switch ae.StatusCode {
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
			return true
		}
	}
	return false
}

// MayExist turns a Lost create error into a *MayExistError; other errors
// are returned unchanged.
func MayExist(err error, kind, name, token string) error {
	if err == nil || !Lost(err) {
		return err
	}
	me := &MayExistError{Kind: kind, Name: name, Token: token, Err: err}
	var ae *APIError
	if errors.As(err, &ae) {
		me.RequestID = ae.RequestID
	}
	return me
}

// CreateOnce runs post, a create. When its answer is lost (Lost) and token
// is set, it looks the resource up by its token: found, that is the answer;
// absent, the server did not create it and post runs again — post runs at
// most three times. Without a token, or when a lookup fails too, a lost
// answer is a *MayExistError. lookup returns (nil, nil) when nothing
// carries the token.
//
// A lookup cannot see a create the server is still working on (a gateway
// that timed out while the backend went on): such a create can still be
// duplicated, which is why the token stays on the resource for the caller
// to check.
func CreateOnce[T any](ctx context.Context, kind, name, token string,
	post func(context.Context) (*T, error), lookup func(context.Context) (*T, error)) (*T, error) {
	const attempts = 3
	var err error
	for n := 1; n <= attempts; n++ {
		var v *T
		v, err = post(ctx)
		if err == nil || token == "" || !Lost(err) || ctx.Err() != nil {
			return v, MayExist(err, kind, name, token)
		}
		found, lerr := lookup(ctx)
		if lerr != nil {
			return nil, MayExist(err, kind, name, token)
		}
		if found != nil {
			return found, nil
		}
	}
	return nil, MayExist(err, kind, name, token)
}

// neverSent reports whether err proves the request never reached a server.
func neverSent(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}
