package cinder_test

import (
	"errors"
	"fmt"
	"github.com/gocinder/cinder/internal/testutil"
	"iter"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
)

func passwordAuth(s *stub) cinder.Auth {
	return cinder.Auth{AuthURL: s.authURL(), Username: stubUser, Password: stubPassword,
		ProjectName: "demo", UserDomainName: "Default", ProjectDomainName: "Default"}
}

func TestNewWithEndpointAndTokenMakesNoKeystoneCall(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.addToken("fixed-T0KEN-value")
	c, err := cinder.New(t.Context(), cinder.Options{
		Endpoint: s.endpoint("/cinder-pub/v3/" + stubProject),
		Auth:     cinder.Auth{Token: "fixed-T0KEN-value"},
	})
	require.NoError(t, err)
	auth, _ := s.counts()
	assert.Zero(t, auth)
	assert.Equal(t, stubProject, c.ProjectID(), "from the endpoint URL")
	assert.Equal(t, s.endpoint("/cinder-pub/v3/"+stubProject+"/"), c.Endpoint())

	vols, err := cinder.Collect(c.Volumes.List(t.Context(), nil))
	require.NoError(t, err)
	assert.Len(t, vols, 2)
	assert.Equal(t, "fixed-T0KEN-value", s.lastRequest().Header.Get("X-Auth-Token"))
	auth, _ = s.counts()
	assert.Zero(t, auth)
}

func TestNewWithFixedTokenCannotRenew(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.addToken("fixed")
	c, err := cinder.New(t.Context(), cinder.Options{Endpoint: s.endpoint("/cinder-pub/v3/" + stubProject),
		Auth: cinder.Auth{Token: "fixed"}})
	require.NoError(t, err)
	s.expire()
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "req-cinder-volumes-v1", apiErr.RequestID)
}

func TestNewPasswordAuthPicksEndpoint(t *testing.T) {
	t.Parallel()
	only := func(typ string) []serviceDef {
		return []serviceDef{{typ, "cinderv3", []endpointDef{{"RegionOne", "public", "/cinder-" + typ + "/v3/" + stubProject}}}}
	}
	tests := []struct {
		name      string
		catalog   []serviceDef
		opts      cinder.Options
		want      string
		wantError string
	}{
		{name: "default public", want: "/cinder-pub/"},
		{name: "internal", opts: cinder.Options{Interface: "internal"}, want: "/cinder-int/"},
		{name: "internalURL", opts: cinder.Options{Interface: "internalURL"}, want: "/cinder-int/"},
		{name: "admin", opts: cinder.Options{Interface: "admin"}, want: "/cinder-adm/"},
		{name: "publicURL upper", opts: cinder.Options{Interface: "PublicURL"}, want: "/cinder-pub/"},
		{name: "region", opts: cinder.Options{Region: "RegionTwo"}, want: "/cinder-r2/"},
		{name: "region and interface", opts: cinder.Options{Region: "RegionOne", Interface: "admin"}, want: "/cinder-adm/"},
		{name: "volumev3 only", catalog: only("volumev3"), want: "/cinder-volumev3/"},
		{name: "block-storage only, volumev3 asked", catalog: only("block-storage"), opts: cinder.Options{ServiceType: "volumev3"}, want: "/cinder-block-storage/"},
		{name: "volumev2 alias", catalog: only("volumev2"), want: "/cinder-volumev2/"},
		{name: "v3 preferred over an earlier volumev2", catalog: append(only("volumev2"), only("volumev3")...), want: "/cinder-volumev3/"},
		{name: "no such region", opts: cinder.Options{Region: "Nowhere"}, wantError: `cinder: no block-storage endpoint (interface public, region "Nowhere") in the service catalog`},
		{name: "bad interface", opts: cinder.Options{Interface: "private"}, wantError: `cinder: interface "private": want public, internal or admin`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			if tt.catalog != nil {
				s.setCatalog(tt.catalog)
			}
			o := tt.opts
			o.Auth = passwordAuth(s)
			c, err := cinder.New(t.Context(), o)
			if tt.wantError != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantError)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, s.srv.URL+tt.want+"v3/"+stubProject+"/", c.Endpoint())
			assert.Equal(t, stubProject, c.ProjectID())
			assert.Equal(t, "3.70", c.Microversion().String())
			_, err = c.Volumes.Get(t.Context(), "v1")
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(s.lastRequest().URL.Path, tt.want))
		})
	}
}

func TestNewPasswordAuthRequestShape(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	_, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s)})
	require.NoError(t, err)
	require.Len(t, s.authBodies, 1)
	assert.JSONEq(t, `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","password":"s3cret-Pa55word",
		"domain":{"name":"Default"}}}},"scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}`, s.authBodies[0])
}

func TestNewKeystoneV2(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.setCatalog([]serviceDef{{"volumev3", "cinderv3", []endpointDef{
		{"RegionOne", "public", "/cinder-pub/v3/" + stubProject},
		{"RegionOne", "internal", "/cinder-int/v3/" + stubProject},
	}}})
	c, err := cinder.New(t.Context(), cinder.Options{Interface: "internal",
		Auth: cinder.Auth{AuthURL: s.authURLv2(), Username: stubUser, Password: stubPassword, ProjectName: "demo"}})
	require.NoError(t, err)
	assert.Equal(t, s.endpoint("/cinder-int/v3/"+stubProject+"/"), c.Endpoint())
	assert.Equal(t, stubProject, c.ProjectID())
	require.Len(t, s.authBodies, 1)
	assert.JSONEq(t, `{"auth":{"passwordCredentials":{"username":"alice","password":"s3cret-Pa55word"},"tenantName":"demo"}}`, s.authBodies[0])
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
}

func TestNewApplicationCredential(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: cinder.Auth{AuthURL: s.authURL(),
		ApplicationCredentialID: stubAppCredID, ApplicationCredentialSecret: stubAppSecret}})
	require.NoError(t, err)
	require.Len(t, s.authBodies, 1)
	assert.JSONEq(t, `{"auth":{"identity":{"methods":["application_credential"],
		"application_credential":{"id":"appcred-1","secret":"app-cr3d-S3CRET"}}}}`, s.authBodies[0])

	// An application credential can be used again when the token expires.
	s.expire()
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	auth, _ := s.counts()
	assert.Equal(t, 2, auth)
}

func TestNewTokenWithAuthURL(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.addToken("unscoped-T0K")
	c, err := cinder.New(t.Context(), cinder.Options{Auth: cinder.Auth{AuthURL: s.authURL(), Token: "unscoped-T0K", ProjectID: stubProject}})
	require.NoError(t, err)
	require.Len(t, s.authBodies, 1)
	assert.JSONEq(t, `{"auth":{"identity":{"methods":["token"],"token":{"id":"unscoped-T0K"}},"scope":{"project":{"id":"proj1"}}}}`, s.authBodies[0])
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	assert.NotEqual(t, "unscoped-T0K", s.lastRequest().Header.Get("X-Auth-Token"), "the scoped token is used")
}

func TestNewReauthenticatesOn401(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s)})
	require.NoError(t, err)
	s.expire()
	v, err := c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	assert.Equal(t, "v1", v.ID)
	auth, _ := s.counts()
	assert.Equal(t, 2, auth)
	toks := s.tokens()
	assert.Equal(t, toks[len(toks)-1], s.lastRequest().Header.Get("X-Auth-Token"))
}

func TestNewConcurrent401sReauthOnce(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s)})
	require.NoError(t, err)
	s.expire()
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			_, err := c.Volumes.Get(t.Context(), "v1")
			errs <- err
		}()
	}
	for range 8 {
		assert.NoError(t, <-errs)
	}
	auth, _ := s.counts()
	assert.LessOrEqual(t, auth, 3, "reauth is shared, not one per request")
	assert.GreaterOrEqual(t, auth, 2)
}

func TestNewErrors(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	tests := []struct {
		name string
		opts cinder.Options
		want string
	}{
		{"no auth url", cinder.Options{Auth: cinder.Auth{Username: "u", Password: "p"}}, "cinder: no auth URL"},
		{"no user", cinder.Options{Auth: cinder.Auth{AuthURL: s.authURL(), Password: "p"}}, "cinder: no user"},
		{"no credentials", cinder.Options{Auth: cinder.Auth{AuthURL: s.authURL(), Username: "u"}}, "cinder: no credentials"},
		{"secret without id", cinder.Options{Auth: cinder.Auth{AuthURL: s.authURL(), ApplicationCredentialSecret: "x"}}, "cinder: an application credential secret needs its ID or name"},
		{"bad interface", cinder.Options{Interface: "sideways", Auth: passwordAuth(s)}, `cinder: interface "sideways"`},
		{"bad microversion", cinder.Options{Microversion: "3.x.1", Auth: passwordAuth(s)}, `cinder: invalid microversion "3.x.1"`},
		{"too new microversion", cinder.Options{Microversion: "3.99", Auth: passwordAuth(s)}, "cinder: microversion 3.99 is newer than this client supports"},
		{"v4", cinder.Options{Microversion: "4.0", Auth: passwordAuth(s)}, `cinder: invalid microversion "4.0"`},
		{"bad auth url", cinder.Options{Auth: cinder.Auth{AuthURL: "://nope", Username: "u", Password: "p"}}, "cinder: auth URL"},
		{"client cert without key", cinder.Options{CertFile: "x.pem", Auth: passwordAuth(s)}, "cinder: a client certificate needs both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := cinder.New(t.Context(), tt.opts)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), err.Error())
		})
	}
}

func TestNewWrongPasswordIsAPIError(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	a := passwordAuth(s)
	a.Password = "wrong"
	_, err := cinder.New(t.Context(), cinder.Options{Auth: a})
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 401, apiErr.StatusCode)
	assert.Equal(t, "req-keystone-0001", apiErr.RequestID)
	assert.Equal(t, "Unauthorized", apiErr.Code, "Keystone's fault title")
	assert.Equal(t, http.MethodPost, apiErr.Method)
	assert.Contains(t, apiErr.Message, "authentication failed")
	assert.NotContains(t, err.Error(), "wrong")
}

func TestNewClientTwin(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := cinder.NewClient(t.Context(), "3.60", stubUser, stubPassword, "demo", s.authURL())
	require.NoError(t, err)
	assert.Equal(t, "3.60", c.Microversion().String())
	assert.Equal(t, stubProject, c.ProjectID())
}

func TestErrorsCarryRequestID(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s)})
	require.NoError(t, err)
	_, err = c.Volumes.Get(t.Context(), "gone")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "req-cinder-volumes-gone", apiErr.RequestID)
	assert.Equal(t, "itemNotFound", apiErr.Code)
	assert.Contains(t, err.Error(), "(request req-cinder-volumes-gone)")

	_, err = cinder.Collect(testutil.At(t, c, "3.60").Volumes.List(t.Context(), nil))
	require.NoError(t, err)
}

func TestHeadersSent(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), UserAgent: "myapp/2.1",
		GlobalRequestID: "req-11111111-2222-3333-4444-555555555555"})
	require.NoError(t, err)
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	r := s.lastRequest()
	assert.Equal(t, "myapp/2.1 gocinder/"+cinder.Version, r.Header.Get("User-Agent"))
	assert.Equal(t, "req-11111111-2222-3333-4444-555555555555", r.Header.Get("X-OpenStack-Request-ID"))
	assert.Equal(t, "volume 3.70", r.Header.Get("OpenStack-API-Version"))
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
}

func TestUnreachableEndpointError(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	url := s.srv.URL
	s.srv.Close()
	_, err := cinder.New(t.Context(), cinder.Options{Endpoint: url + "/cinder-pub/v3/" + stubProject,
		Auth: cinder.Auth{Token: "t"}, MaxAttempts: 1})
	var uerr *cinder.UnreachableError
	require.ErrorAs(t, err, &uerr)
	assert.Equal(t, url, uerr.URL)
	assert.Contains(t, err.Error(), "unreachable")
}

func TestUnreachableKeystoneError(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	a := passwordAuth(s)
	s.srv.Close()
	_, err := cinder.New(t.Context(), cinder.Options{Auth: a})
	var uerr *cinder.UnreachableError
	require.ErrorAs(t, err, &uerr)
	assert.Equal(t, a.AuthURL, uerr.URL)
	assert.True(t, strings.HasPrefix(err.Error(), "cinder: service unreachable at "+a.AuthURL+": "), err.Error())
	assert.NotContains(t, err.Error(), stubPassword)
}

func seqOf(items []string, err error) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
		if err != nil {
			yield("", err)
		}
	}
}

func TestCollect(t *testing.T) {
	t.Parallel()
	got, err := cinder.Collect(seqOf([]string{"a", "b"}, nil))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, got)

	boom := errors.New("boom")
	got, err = cinder.Collect(seqOf([]string{"a"}, boom))
	require.ErrorIs(t, err, boom)
	assert.Equal(t, []string{"a"}, got, "what came before the error is kept")

	got, err = cinder.Collect(seqOf(nil, nil))
	require.NoError(t, err)
	assert.Empty(t, got)
}

func ExampleCollect() {
	names, err := cinder.Collect(seqOf([]string{"vol-a", "vol-b"}, nil))
	fmt.Println(names, err)
	// Output: [vol-a vol-b] <nil>
}
