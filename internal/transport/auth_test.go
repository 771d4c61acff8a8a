package transport_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/transport"
)

// tokens is a TokenSource that, like gophercloud, renews only when the stale
// token is still the current one.
type tokens struct {
	mu      sync.Mutex
	current string
	minted  int
	reauths int
	fail    error
}

func (s *tokens) Token(context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current, nil
}

func (s *tokens) Reauth(_ context.Context, stale string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reauths++
	if s.fail != nil {
		return "", s.fail
	}
	if stale == s.current {
		s.minted++
		s.current = fmt.Sprintf("tok-%d", s.minted+1)
	}
	return s.current, nil
}

func TestAuthSetsToken(t *testing.T) {
	t.Parallel()
	src := &tokens{current: "tok-1"}
	rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) { return respond(200, nil, ""), nil }}
	req := newRequest(t, t.Context(), http.MethodGet, nil)
	resp, err := (&transport.Auth{Next: rec, Tokens: src}).RoundTrip(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 1, rec.count())
	assert.Equal(t, "tok-1", rec.reqs[0].Header.Get("X-Auth-Token"))
	assert.Empty(t, req.Header.Get("X-Auth-Token"), "the caller's request is not mutated")
	assert.Zero(t, src.reauths)
}

func TestAuthReauthenticatesOnceAndReplays(t *testing.T) {
	t.Parallel()
	src := &tokens{current: "tok-1"}
	rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
		if r.Header.Get("X-Auth-Token") == "tok-1" {
			return respond(401, nil, `{"error":{"code":401}}`), nil
		}
		return respond(202, nil, ""), nil
	}}
	body := `{"os-extend":{"new_size":2}}`
	resp, err := (&transport.Auth{Next: rec, Tokens: src}).RoundTrip(newRequest(t, t.Context(), http.MethodPost, []byte(body)))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 202, resp.StatusCode)
	require.Equal(t, 2, rec.count())
	assert.Equal(t, "tok-2", rec.reqs[1].Header.Get("X-Auth-Token"))
	assert.Equal(t, []string{body, body}, rec.bodies, "the replay carries the same body")
	assert.Equal(t, 1, src.reauths)
}

func TestAuthReturnsOriginal401WhenReauthFails(t *testing.T) {
	t.Parallel()
	src := &tokens{current: "tok-1", fail: errors.New("keystone down")}
	rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) {
		return respond(401, http.Header{"X-Openstack-Request-Id": {"req-first"}}, `{"error":{"message":"expired"}}`), nil
	}}
	resp, err := (&transport.Auth{Next: rec, Tokens: src}).RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, 401, resp.StatusCode)
	assert.Equal(t, "req-first", resp.Header.Get("X-Openstack-Request-Id"))
	buf := make([]byte, 64)
	n, _ := resp.Body.Read(buf)
	assert.Contains(t, string(buf[:n]), "expired", "the original body is still readable")
	assert.Equal(t, 1, rec.count())
	assert.Equal(t, 1, src.reauths)
}

func TestAuthReplayThat401sIsReturned(t *testing.T) {
	t.Parallel()
	src := &tokens{current: "tok-1"}
	rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) { return respond(401, nil, ""), nil }}
	resp, err := (&transport.Auth{Next: rec, Tokens: src}).RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 401, resp.StatusCode)
	assert.Equal(t, 2, rec.count(), "one replay, no loop")
	assert.Equal(t, 1, src.reauths)
}

func TestAuthConcurrent401sRenewOnce(t *testing.T) {
	t.Parallel()
	src := &tokens{current: "tok-1"}
	var mu sync.Mutex
	seen := map[string]int{}
	rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
		tok := r.Header.Get("X-Auth-Token")
		mu.Lock()
		seen[tok]++
		mu.Unlock()
		if tok == "tok-1" {
			return respond(401, nil, ""), nil
		}
		return respond(200, nil, ""), nil
	}}
	a := &transport.Auth{Next: rec, Tokens: src}
	var wg sync.WaitGroup
	codes := make([]int, 16)
	for i := range codes {
		wg.Go(func() {
			resp, err := a.RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
			if assert.NoError(t, err) {
				codes[i] = resp.StatusCode
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	for _, c := range codes {
		assert.Equal(t, 200, c)
	}
	assert.Equal(t, 1, src.minted, "one new token for all")
	assert.Zero(t, seen["tok-3"])
	assert.Equal(t, 16, seen["tok-2"])
}

func TestAuthTokenErrorIsReturned(t *testing.T) {
	t.Parallel()
	want := errors.New("cinder: no token")
	rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) { return respond(200, nil, ""), nil }}
	a := &transport.Auth{Next: rec, Tokens: failingTokens{want}}
	_, err := a.RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
	require.ErrorIs(t, err, want)
	assert.Zero(t, rec.count())
}

type failingTokens struct{ err error }

func (f failingTokens) Token(context.Context) (string, error)          { return "", f.err }
func (f failingTokens) Reauth(context.Context, string) (string, error) { return "", f.err }
