package cinder_test

import (
	"encoding/pem"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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

	_, err = cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), CACertFile: caFile(t, s),
		HTTPClient: &http.Client{Transport: &http.Transport{}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cinder: TLS options cannot be combined with a custom HTTPClient transport")
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
