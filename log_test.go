package cinder_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
)

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLogNeverShowsSecrets runs every authentication method with a debug
// logger, through token expiry and re-authentication, and checks that no
// password, secret or token reaches the log.
func TestLogNeverShowsSecrets(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	const fixedToken = "fixed-T0KEN-0123456789abcdef"
	s.addToken(fixedToken)
	var buf syncBuffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))

	clients := map[string]cinder.Options{
		"password": {Auth: passwordAuth(s)},
		"appcred":  {Auth: cinder.Auth{AuthURL: s.authURL(), ApplicationCredentialID: stubAppCredID, ApplicationCredentialSecret: stubAppSecret}},
		"token":    {Auth: cinder.Auth{AuthURL: s.authURL(), Token: fixedToken, ProjectID: stubProject}},
		"endpoint": {Auth: cinder.Auth{Token: fixedToken}, Endpoint: s.endpoint("/cinder-pub/v3/" + stubProject)},
	}
	for name, o := range clients {
		o.Logger = logger
		o.GlobalRequestID = "req-global-0001"
		c, err := cinder.New(t.Context(), o)
		require.NoError(t, err, name)
		_, err = c.Volumes.Get(t.Context(), "v1")
		require.NoError(t, err, name)
		_, err = cinder.Collect(c.Volumes.List(t.Context(), nil))
		require.NoError(t, err, name)
		_, err = c.Volumes.Get(t.Context(), "gone")
		require.ErrorIs(t, err, cinder.ErrNotFound, name)
		if name != "endpoint" && name != "token" {
			s.expire() // the next call gets a 401, re-authenticates and replays
			s.addToken(fixedToken)
			_, err = c.Volumes.Get(t.Context(), "v1")
			require.NoError(t, err, name)
		}
	}
	a := passwordAuth(s)
	a.Password = "wrong-" + stubPassword
	_, err := cinder.New(t.Context(), cinder.Options{Auth: a, Logger: logger})
	require.Error(t, err)

	out := buf.String()
	secrets := append([]string{stubPassword, stubAppSecret, fixedToken}, s.tokens()...)
	require.Greater(t, len(secrets), 6, "the stub issued tokens")
	for _, secret := range secrets {
		assert.False(t, strings.Contains(out, secret), "the log shows the secret %q", secret)
	}

	// The log does hold one record per HTTP attempt.
	type record struct {
		Level        string `json:"level"`
		Msg          string `json:"msg"`
		Method       string `json:"method"`
		URL          string `json:"url"`
		Status       int    `json:"status"`
		RequestID    string `json:"request_id"`
		Attempt      int    `json:"attempt"`
		Duration     *int64 `json:"duration"`
		Microversion string `json:"microversion"`
	}
	var recs []record
	for line := range strings.Lines(out) {
		var r record
		require.NoError(t, json.Unmarshal([]byte(line), &r), line)
		recs = append(recs, r)
	}
	count := func(pred func(record) bool) int {
		n := 0
		for _, r := range recs {
			if pred(r) {
				n++
			}
		}
		return n
	}
	assert.Equal(t, len(recs), count(func(r record) bool {
		return r.Level == "DEBUG" && r.Msg == "cinder http" && r.Attempt >= 1 && r.Duration != nil
	}))
	// 3 logins, 2 re-authentications, 1 failed login.
	assert.Equal(t, 5, count(func(r record) bool {
		return r.Method == "POST" && strings.HasSuffix(r.URL, "/identity/v3/auth/tokens") && r.Status == 201
	}))
	assert.Equal(t, 1, count(func(r record) bool { return r.Method == "POST" && r.Status == 401 }))
	assert.Equal(t, 2, count(func(r record) bool {
		return r.Method == "GET" && strings.HasSuffix(r.URL, "/volumes/v1") && r.Status == 401 && r.RequestID == "req-cinder-volumes-v1"
	}), "the 401s before re-authentication")
	assert.Equal(t, 4+2, count(func(r record) bool {
		return strings.HasSuffix(r.URL, "/volumes/v1") && r.Status == 200 && r.Microversion == "volume 3.70"
	}))
	assert.Equal(t, 4, count(func(r record) bool { return strings.HasSuffix(r.URL, "/volumes/gone") && r.Status == 404 }))
	assert.Equal(t, 4, count(func(r record) bool { return strings.HasSuffix(r.URL, "/volumes/detail") && r.Status == 200 }))
}

func TestLogDisabledByDefault(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var buf syncBuffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	c, err := cinder.New(t.Context(), cinder.Options{Auth: passwordAuth(s), Logger: logger})
	require.NoError(t, err)
	_, err = c.Volumes.Get(t.Context(), "v1")
	require.NoError(t, err)
	assert.Empty(t, buf.String(), "HTTP records are Debug only")
}
