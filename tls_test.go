package cinder_test

import (
	"encoding/pem"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
)

// caFile writes the stub server's certificate as a PEM file.
func caFile(t *testing.T, s *stub) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ca.pem")
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.srv.Certificate().Raw})
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path
}

func TestTLSWithCACertFile(t *testing.T) {
	t.Parallel()
	s := newTLSStub(t)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), CACertFile: caFile(t, s)})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(c.Endpoint(), "https://"))
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
}

func TestTLSInsecure(t *testing.T) {
	t.Parallel()
	s := newTLSStub(t)
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), Insecure: true})
	require.NoError(t, err)
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
}

func TestTLSUnknownAuthority(t *testing.T) {
	t.Parallel()
	s := newTLSStub(t)
	_, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate")
	assert.True(t, strings.HasPrefix(err.Error(), "cinder: "), err.Error())

	s.addToken("tok")
	_, err = cinder.New(t.Context(), cinder.Options{Endpoint: s.endpoint("/cinder-pub/v3/" + stubProject), Auth: cinder.Auth{Token: "tok"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate")
}

func TestTLSBadCAFile(t *testing.T) {
	t.Parallel()
	s := newTLSStub(t)
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(notPEM, []byte("not a certificate"), 0o600))

	_, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), CACertFile: filepath.Join(t.TempDir(), "missing.pem")})
	require.ErrorIs(t, err, os.ErrNotExist)
	assert.True(t, strings.HasPrefix(err.Error(), "cinder: CA file: "), err.Error())

	_, err = cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), CACertFile: notPEM})
	require.Error(t, err)
	assert.Equal(t, "cinder: CA file "+notPEM+" holds no PEM certificate", err.Error())

	opaque := rtFunc(func(r *http.Request) (*http.Response, error) { return http.DefaultTransport.RoundTrip(r) })
	_, err = cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), CACertFile: caFile(t, s),
		HTTPClient: &http.Client{Transport: opaque}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cinder: TLS settings (Options or clouds.yaml) need the HTTPClient's transport to be an *http.Transport")
	auth, cinderCalls := s.counts()
	assert.Zero(t, auth+cinderCalls, "nothing sent")
}

type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestTimeoutApplied(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.addToken("tok")
	base := http.DefaultTransport
	hang := rtFunc(func(r *http.Request) (*http.Response, error) {
		if strings.Contains(r.URL.Path, "/volumes") {
			<-r.Context().Done()
			return nil, r.Context().Err()
		}
		return base.RoundTrip(r)
	})
	c, err := cinder.New(t.Context(), cinder.Options{Endpoint: s.endpoint("/cinder-pub/v3/" + stubProject),
		Auth: cinder.Auth{Token: "tok"}, HTTPClient: &http.Client{Transport: hang}, Timeout: 50 * time.Millisecond})
	require.NoError(t, err)
	start := time.Now()
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.Error(t, err)
	var ne net.Error
	require.True(t, errors.As(err, &ne), "%T %v", err, err)
	assert.True(t, ne.Timeout(), err.Error())
	assert.Less(t, time.Since(start), 5*time.Second)
}

// counting wraps a transport, counting the requests that pass.
func counting(n *atomic.Int32) func(http.RoundTripper) http.RoundTripper {
	return func(next http.RoundTripper) http.RoundTripper {
		return rtFunc(func(r *http.Request) (*http.Response, error) {
			n.Add(1)
			return next.RoundTrip(r)
		})
	}
}

func TestTLSWrapTransportKeepsTLS(t *testing.T) {
	t.Parallel()
	s := newTLSStub(t)
	var n atomic.Int32
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), CACertFile: caFile(t, s), WrapTransport: counting(&n)})
	require.NoError(t, err)
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	auth, calls := s.counts()
	assert.Equal(t, int32(auth+calls), n.Load(), "the wrapper sees Keystone and Cinder requests alike")

	// A caller's own *http.Transport gets the TLS settings on a clone.
	own := &http.Transport{}
	c, err = cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), CACertFile: caFile(t, s),
		HTTPClient: &http.Client{Transport: own}})
	require.NoError(t, err)
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	if own.TLSClientConfig != nil { // net/http's Clone sets up HTTP/2 on the original
		assert.Nil(t, own.TLSClientConfig.RootCAs, "the caller's transport does not get the CA")
	}
}

// TestTLSCloudsYAMLCACert: clouds.yaml's cacert is honoured with a wrapped
// transport and with a caller's *http.Transport (it used to be dropped
// whenever the caller supplied a transport).
func TestTLSCloudsYAMLCACert(t *testing.T) {
	clearEnv(t)
	s := newTLSStub(t)
	writeClouds(t, `clouds:
  tls:
    auth:
      auth_url: `+s.authURL()+`
      username: `+stubUser+`
      password: `+stubPassword+`
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    cacert: `+caFile(t, s)+`
  unverified:
    auth:
      auth_url: `+s.authURL()+`
      username: `+stubUser+`
      password: `+stubPassword+`
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    verify: false
  plain:
    auth:
      auth_url: `+s.authURL()+`
      username: `+stubUser+`
      password: `+stubPassword+`
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
`)
	var n atomic.Int32
	for _, o := range []cinder.Options{
		{Auth: cinder.FromCloud("tls")},
		{Auth: cinder.FromCloud("tls"), WrapTransport: counting(&n)},
		{Auth: cinder.FromCloud("tls"), HTTPClient: &http.Client{Transport: &http.Transport{}}},
		{Auth: cinder.FromCloud("unverified"), WrapTransport: counting(&n)},
	} {
		c, err := cinder.New(t.Context(), o)
		require.NoError(t, err)
		_, err = c.Volumes.Get(t.Context(), "v1")
		require.NoError(t, err)
	}
	assert.Positive(t, n.Load())
	_, err := cinder.New(t.Context(), cinder.Options{Auth: cinder.FromCloud("plain"), WrapTransport: counting(&n)})
	require.Error(t, err, "without cacert the stub's certificate is unknown")
	assert.Contains(t, err.Error(), "certificate")
}
