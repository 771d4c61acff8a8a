package cinder_test

import (
	"bytes"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/microversion"
)

func tokenClient(t *testing.T, s *stub, o cinder.Options) (*cinder.Client, error) {
	t.Helper()
	s.addToken("tok")
	o.Endpoint = s.endpoint("/cinder-pub/v3/" + stubProject)
	o.Auth = cinder.Auth{Token: "tok"}
	return cinder.New(t.Context(), o)
}

func TestNegotiation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, minV, maxV, asked string
		want                    string
		wantErr                 string
	}{
		{"default picks server max", "3.0", "3.70", "", "3.70", ""},
		{"3.latest picks server max", "3.0", "3.70", "3.latest", "3.70", ""},
		{"latest", "3.0", "3.70", "latest", "3.70", ""},
		{"newer server capped at client max", "3.0", "3.80", "", cinder.MaxMicroversion, ""},
		{"old server", "3.0", "3.27", "3.latest", "3.27", ""},
		{"unversioned server", "", "", "", "3.0", ""},
		{"server min above client max", "3.80", "3.90", "", "", "cinder: server supports microversions 3.80 to 3.90, not 3.71"},
		{"fixed version", "3.0", "3.70", "3.60", "3.60", ""},
		{"3 means 3.0", "3.0", "3.70", "3", "3.0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.setVersions(versionsDoc(tt.minV, tt.maxV))
			c, err := tokenClient(t, s, cinder.Options{Microversion: tt.asked})
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Equal(t, tt.wantErr, err.Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, c.Microversion().String())
		})
	}
}

func TestNegotiationReportsServerRange(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := tokenClient(t, s, cinder.Options{})
	require.NoError(t, err)
	assert.Equal(t, microversion.Range{Min: microversion.V(3, 0), Max: microversion.V(3, 70)}, c.ServerVersions())
	vs, err := c.Versions(t.Context())
	require.NoError(t, err)
	require.Len(t, vs, 1)
	assert.Equal(t, "v3.0", vs[0].ID)
	assert.Equal(t, "CURRENT", vs[0].Status)
	assert.Equal(t, "3.70", vs[0].Version)
	assert.Equal(t, "3.0", vs[0].MinVersion)
}

func TestNegotiationError(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.setVersions(`<html>oops</html>`)
	_, err := tokenClient(t, s, cinder.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cinder: ")
}

func TestLegacyVersionsWarn(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"1", "2"} {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			var buf bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
			c, err := tokenClient(t, s, cinder.Options{Microversion: v, Logger: logger})
			require.NoError(t, err)
			assert.Equal(t, "3.0", c.Microversion().String())
			assert.Contains(t, buf.String(), "level=WARN")
			assert.Contains(t, buf.String(), "API version "+v+" is served by v3")
		})
	}
}

func TestWithMicroversion(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := tokenClient(t, s, cinder.Options{})
	require.NoError(t, err)

	c60 := testutil.At(t, c, "3.60")
	assert.Equal(t, "3.60", c60.Microversion().String())
	assert.Equal(t, "3.70", c.Microversion().String(), "the original is untouched")
	_, err = c60.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	assert.Equal(t, "volume 3.60", s.lastRequest().Header.Get("OpenStack-API-Version"))
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	assert.Equal(t, "volume 3.70", s.lastRequest().Header.Get("OpenStack-API-Version"))

	assert.Equal(t, "3.70", testutil.At(t, c60, "3.latest").Microversion().String(), "latest is the negotiated max")

	_, before := s.counts()
	for _, bad := range []string{"3.y", "3.99", "9.1"} {
		cb, err := c.WithMicroversion(bad)
		require.Error(t, err, bad)
		assert.Nil(t, cb, bad)
		assert.Contains(t, err.Error(), "cinder: ")
	}
	_, after := s.counts()
	assert.Equal(t, before, after, "nothing sent for an invalid version")

	// The original still works after a refused copy.
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
}

func TestWithMicroversionOutsideServerRange(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.setVersions(versionsDoc("3.10", "3.50"))
	c, err := tokenClient(t, s, cinder.Options{})
	require.NoError(t, err)
	assert.Equal(t, "3.50", c.Microversion().String())
	for _, v := range []string{"3.5", "3.60"} {
		_, err = c.WithMicroversion(v)
		require.Error(t, err)
		assert.Equal(t, "cinder: server supports microversions 3.10 to 3.50, not "+v, err.Error())
	}
}

func TestWithMicroversionLatestOnFixedClient(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := tokenClient(t, s, cinder.Options{Microversion: "3.60"})
	require.NoError(t, err)
	_, before := s.counts()
	require.Equal(t, 0, before, "a fixed microversion asks the server nothing")
	assert.Zero(t, c.ServerVersions())

	for _, v := range []string{"latest", "3.latest", ""} {
		_, err = c.WithMicroversion(v)
		require.Error(t, err, v)
		assert.Contains(t, err.Error(), "cinder: microversion")
		assert.Contains(t, err.Error(), "Negotiate")
	}
	_, after := s.counts()
	assert.Equal(t, 0, after, "nothing sent: the 3.70 server would have got 3.71")
	assert.Equal(t, "3.50", testutil.At(t, c, "3.50").Microversion().String(), "fixed versions need no range")
}

func TestNegotiate(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	c, err := tokenClient(t, s, cinder.Options{Microversion: "3.60"})
	require.NoError(t, err)

	latest, err := c.Negotiate(t.Context(), "latest")
	require.NoError(t, err)
	assert.Equal(t, "3.70", latest.Microversion().String())
	assert.Equal(t, "3.60", c.Microversion().String(), "the original is untouched")
	_, calls := s.counts()
	assert.Equal(t, 1, calls, "one GET / learns the range")
	assert.Equal(t, "/cinder-pub/", s.lastRequest().URL.Path)
	assert.Equal(t, microversion.Range{Min: microversion.V(3, 0), Max: microversion.V(3, 70)}, latest.ServerVersions())

	// The copy knows the range: no further GET /.
	assert.Equal(t, "3.70", testutil.At(t, latest, "latest").Microversion().String())
	again, err := latest.Negotiate(t.Context(), "3.42")
	require.NoError(t, err)
	assert.Equal(t, "3.42", again.Microversion().String())
	_, err = latest.Negotiate(t.Context(), "3.71")
	require.EqualError(t, err, "cinder: server supports microversions 3.0 to 3.70, not 3.71")
	_, calls = s.counts()
	assert.Equal(t, 1, calls)

	_, err = latest.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	assert.Equal(t, "volume 3.70", s.lastRequest().Header.Get("OpenStack-API-Version"))

	_, err = c.Negotiate(t.Context(), "3.x.1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `cinder: invalid microversion "3.x.1"`)
}

func TestNegotiateServerError(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.setVersions(`<html>oops</html>`)
	c, err := tokenClient(t, s, cinder.Options{Microversion: "3.60"})
	require.NoError(t, err)
	_, err = c.Negotiate(t.Context(), "latest")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cinder: ")
}

func TestWithMicroversionLegacyWarns(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
	c, err := tokenClient(t, s, cinder.Options{Logger: logger})
	require.NoError(t, err)
	require.Empty(t, buf.String())
	assert.Equal(t, "3.0", testutil.At(t, c, "2").Microversion().String())
	assert.Contains(t, buf.String(), "level=WARN")
	assert.Contains(t, buf.String(), "API version 2 is served by v3")
}
