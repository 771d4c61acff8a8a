//go:build integration

package integration_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/volumes"
)

// tap is the innermost RoundTripper of a test client (Options.HTTPClient):
// it sees every request as sent, token included, and every answer.
type tap struct {
	next http.RoundTripper

	mu       sync.Mutex
	token    string   // the last X-Auth-Token sent
	issued   []string // X-Subject-Token of every Keystone token issued
	sent     int      // requests sent (Keystone included)
	unauth   int      // 401 answers
	versions []string // OpenStack-API-Version header of each Block Storage request
}

func (tp *tap) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := tp.send(req)
	tp.mu.Lock()
	defer tp.mu.Unlock()
	tp.sent++
	if tok := req.Header.Get("X-Auth-Token"); tok != "" {
		tp.token = tok
	}
	if v := req.Header.Get("OpenStack-API-Version"); v != "" {
		tp.versions = append(tp.versions, v)
	}
	if err != nil {
		return resp, err
	}
	if req.Method == http.MethodPost && strings.HasSuffix(req.URL.Path, "/auth/tokens") && resp.StatusCode == http.StatusCreated {
		tp.issued = append(tp.issued, resp.Header.Get("X-Subject-Token"))
	}
	if resp.StatusCode == http.StatusUnauthorized {
		tp.unauth++
	}
	return resp, nil
}

// send sends req, and sends an idempotent request (GET, HEAD, PUT, DELETE)
// up to twice more when the answer is a 500: the real test cloud keeps its
// database in sqlite, which answers concurrent writes with 500 "database is
// locked" (DIFFERENCES.md #10). This is the one place the suite works
// around it for such requests; the SDK itself rightly never retries a 500.
func (tp *tap) send(req *http.Request) (*http.Response, error) {
	for attempt := 1; ; attempt++ {
		resp, err := tp.next.RoundTrip(req)
		idempotent := req.Method == http.MethodGet || req.Method == http.MethodHead ||
			req.Method == http.MethodPut || req.Method == http.MethodDelete
		if err != nil || resp.StatusCode != http.StatusInternalServerError || !idempotent || attempt == 3 {
			return resp, err
		}
		if req.Body != nil && req.Body != http.NoBody {
			if req.GetBody == nil {
				return resp, nil
			}
			body, gerr := req.GetBody()
			if gerr != nil {
				return resp, nil
			}
			req = req.Clone(req.Context())
			req.Body = body
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		select {
		case <-req.Context().Done():
			return nil, req.Context().Err()
		case <-time.After(time.Duration(attempt) * 300 * time.Millisecond):
		}
	}
}

// Token returns the token the client sent last.
func (tp *tap) Token() string {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.token
}

// Sent returns how many requests went out so far.
func (tp *tap) Sent() int {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.sent
}

// Issued returns the tokens Keystone issued to this client so far.
func (tp *tap) Issued() []string {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return append([]string(nil), tp.issued...)
}

// Unauthorized returns how many 401 answers the client got.
func (tp *tap) Unauthorized() int {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.unauth
}

// LastVersion returns the OpenStack-API-Version header of the last Block Storage request.
func (tp *tap) LastVersion() string {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	if len(tp.versions) == 0 {
		return ""
	}
	return tp.versions[len(tp.versions)-1]
}

// rawResult is the answer to a raw request.
type rawResult struct {
	Status int
	Header http.Header
	Body   []byte
}

// raw sends a JSON request with token to url, outside the SDK: for the
// calls the SDK does not offer (volume types, quotas, Keystone token
// revocation). A nil body sends none; a 2xx answer is decoded into out.
func raw(ctx context.Context, token, method, url string, header http.Header, body, out any) (rawResult, error) {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return rawResult{}, err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return rawResult{}, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("X-Auth-Token", token)
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return rawResult{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return rawResult{}, err
	}
	res := rawResult{Status: resp.StatusCode, Header: resp.Header, Body: data}
	if resp.StatusCode/100 != 2 {
		return res, fmt.Errorf("%s %s: %d %s", method, url, resp.StatusCode, bytes.TrimSpace(data))
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return res, fmt.Errorf("%s %s: decoding: %w", method, url, err)
		}
	}
	return res, nil
}

// adminREST sends a raw Block Storage request as the admin, path relative
// to the admin's endpoint (…/v3/<project>/), at the admin's microversion.
func (b *backend) adminREST(t *testing.T, method, path string, body, out any) rawResult {
	t.Helper()
	h := http.Header{"Openstack-Api-Version": {"volume " + b.admin.Microversion().String()}}
	res, err := raw(b.ctx, b.adminToken(t), method, b.admin.Endpoint()+strings.TrimPrefix(path, "/"), h, body, out)
	require.NoError(t, err)
	return res
}

// adminToken returns a token of the admin client, making a cheap call first if needed.
func (b *backend) adminToken(t *testing.T) string {
	t.Helper()
	if tok := b.adminTap.Token(); tok != "" {
		return tok
	}
	_, _, err := b.admin.Volumes.ListPage(b.ctx, &volumes.ListOptions{Limit: 1})
	require.NoError(t, err)
	tok := b.adminTap.Token()
	require.NotEmpty(t, tok, "the admin client sent no X-Auth-Token")
	return tok
}

// revoke revokes token in Keystone (DELETE /v3/auth/tokens), as the admin.
func (b *backend) revoke(t *testing.T, token string) {
	t.Helper()
	h := http.Header{"X-Subject-Token": {token}}
	res, err := raw(b.ctx, b.adminToken(t), http.MethodDelete, strings.TrimRight(b.authURL, "/")+"/auth/tokens", h, nil, nil)
	require.NoError(t, err)
	require.Equal(t, http.StatusNoContent, res.Status)
}
