package transport

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"
)

// Retry replays idempotent requests (GET, HEAD, PUT, DELETE, or any request
// whose context is marked WithRetrySafe) on connection errors and on
// 429, 502, 503, 504 and 413-with-Retry-After, with jittered exponential
// backoff and Retry-After honoured. When the wait would outlast the
// context's deadline, the last answer (or error) is returned at once
// instead of sleeping into the deadline.
//
// A request that is not idempotent (a POST) is replayed only when the
// server provably did not act on it: the connection was refused or never
// dialled, or the answer was 503, 429 or 413 with Retry-After (python
// cinderclient retries a 413 with Retry-After ≥ 1 s for any method, too).
// After a connection error or a 502/504 the server may have acted, and a
// POST is never sent again.
//
// A DELETE replayed after an attempt that may have reached the server
// (a connection error after dialling, or a 502/504 from a gateway) and now
// answered 404 has succeeded: the first attempt deleted the resource. The
// 404 is turned into a 204 No Content, with the 404's headers.
type Retry struct {
	Next        http.RoundTripper
	MaxAttempts int           // total attempts; 0 means 3, 1 disables retries
	Base        time.Duration // first backoff; 0 means 500ms
	Cap         time.Duration // longest wait; 0 means 30s
}

// RoundTrip implements http.RoundTripper.
func (r *Retry) RoundTrip(req *http.Request) (*http.Response, error) {
	attempts := r.MaxAttempts
	if attempts <= 0 {
		attempts = 3
	}
	ctx := req.Context()
	idempotent := retrySafe(ctx) || isIdempotent(req.Method)
	hasBody := req.Body != nil && req.Body != http.NoBody
	mayHaveActed := false // an earlier attempt may have reached the server
	for n := 1; ; n++ {
		try := req.WithContext(withAttempt(ctx, n))
		if n > 1 && hasBody {
			if req.GetBody == nil {
				return nil, errors.New("cinder: cannot replay a request body without GetBody")
			}
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			try.Body = body
		}
		resp, err := r.Next.RoundTrip(try)
		if err == nil && mayHaveActed && req.Method == http.MethodDelete && resp.StatusCode == http.StatusNotFound {
			return deleted(resp), nil
		}
		if n >= attempts {
			return resp, err
		}
		var wait time.Duration
		switch {
		case err != nil:
			if ctx.Err() != nil || !(idempotent || neverSent(err)) {
				return resp, err
			}
			mayHaveActed = mayHaveActed || !neverSent(err)
			wait = r.backoff(n)
		case retryStatus(resp):
			if !idempotent && !didNotAct(resp) {
				return resp, nil
			}
			mayHaveActed = mayHaveActed || !didNotAct(resp)
			wait = r.backoff(n)
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				wait = min(ra, r.cap())
			}
		default:
			return resp, nil
		}
		if pastDeadline(ctx, wait) {
			// The next attempt could not start before ctx ends: the
			// answer (or error) in hand beats sleeping into ctx.Err().
			return resp, err
		}
		if resp != nil {
			drain(resp)
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func (r *Retry) cap() time.Duration {
	if r.Cap > 0 {
		return r.Cap
	}
	return 30 * time.Second
}

// backoff is full jitter over base*2^(n-1), capped.
func (r *Retry) backoff(n int) time.Duration {
	base := r.Base
	if base <= 0 {
		base = 500 * time.Millisecond
	}
	d := base << (n - 1)
	if d <= 0 || d > r.cap() {
		d = r.cap()
	}
	return d/2 + rand.N(d/2+1)
}

func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

func retryStatus(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	case http.StatusRequestEntityTooLarge:
		return resp.Header.Get("Retry-After") != ""
	}
	return false
}

// didNotAct reports whether a retryable answer proves the server did not
// act on the request: a 503 (the service is not taking requests), a 429 or
// a 413 with Retry-After (rate limited before being served). A 502 or 504
// comes from a gateway whose backend may have acted.
func didNotAct(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusServiceUnavailable, http.StatusTooManyRequests:
		return true
	case http.StatusRequestEntityTooLarge:
		return resp.Header.Get("Retry-After") != ""
	}
	return false
}

// deleted turns the 404 of a replayed DELETE into the 204 the first
// attempt would have answered.
func deleted(resp *http.Response) *http.Response {
	drain(resp)
	out := *resp
	out.StatusCode = http.StatusNoContent
	out.Status = "204 No Content"
	out.Body = http.NoBody
	out.ContentLength = 0
	return &out
}

// neverSent reports whether err proves the request never reached a server.
func neverSent(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// retryAfter parses Retry-After as seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// pastDeadline reports whether waiting d would reach ctx's deadline.
func pastDeadline(ctx context.Context, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && !time.Now().Add(d).Before(dl)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
