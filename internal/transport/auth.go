package transport

import (
	"context"
	"io"
	"net/http"
)

// TokenSource hands out Keystone tokens.
type TokenSource interface {
	// Token returns the current token.
	Token(ctx context.Context) (string, error)
	// Reauth gets a new token to replace stale; it returns an error when
	// the source cannot re-authenticate (a fixed token, say).
	Reauth(ctx context.Context, stale string) (string, error)
}

// Auth sets X-Auth-Token and, on a 401, re-authenticates once and replays.
type Auth struct {
	Next   http.RoundTripper
	Tokens TokenSource
}

// RoundTrip implements http.RoundTripper.
func (a *Auth) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	tok, err := a.Tokens.Token(ctx)
	if err != nil {
		return nil, err
	}
	resp, err := a.Next.RoundTrip(withToken(req, tok))
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return resp, nil // cannot replay
	}
	fresh, rerr := a.Tokens.Reauth(ctx, tok)
	if rerr != nil || fresh == "" {
		return resp, nil // keep the 401: it is the caller's answer
	}
	replay := withToken(req, fresh)
	if req.GetBody != nil {
		body, gerr := req.GetBody()
		if gerr != nil {
			return resp, nil
		}
		replay.Body = body
	}
	drain(resp)
	return a.Next.RoundTrip(replay)
}

func withToken(req *http.Request, tok string) *http.Request {
	r := req.Clone(req.Context())
	if tok != "" {
		r.Header.Set("X-Auth-Token", tok)
	}
	return r
}

func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}
