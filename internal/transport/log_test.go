package transport_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/transport"
	mv "github.com/gocinder/cinder/microversion"
)

func records(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(buf.String()) {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		out = append(out, m)
	}
	return out
}

func TestLogOneRecordPerAttempt(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var buf bytes.Buffer
		logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			h := http.Header{"X-Openstack-Request-Id": {"req-" + string(rune('0'+n))}}
			if n == 1 {
				return respond(503, h, ""), nil
			}
			return respond(200, h, ""), nil
		}}
		stack := &transport.Retry{Next: &transport.Log{Next: rec, Logger: logger}}
		ctx := transport.WithMicroversion(t.Context(), mv.V(3, 70))
		req := newRequest(t, ctx, http.MethodGet, nil)
		req.URL.RawQuery = "limit=2"
		req.Header.Set("X-Auth-Token", "secret-token")
		resp, err := stack.RoundTrip(req)
		require.NoError(t, err)
		resp.Body.Close()

		recs := records(t, &buf)
		require.Len(t, recs, 2)
		for i, r := range recs {
			assert.Equal(t, "DEBUG", r["level"])
			assert.Equal(t, "GET", r["method"])
			assert.Equal(t, "http://cinder.test/v3/p/volumes?limit=2", r["url"])
			assert.Equal(t, float64(i+1), r["attempt"])
			assert.Contains(t, r, "duration")
			assert.Equal(t, "req-"+string(rune('1'+i)), r["request_id"])
		}
		assert.Equal(t, float64(503), recs[0]["status"])
		assert.Equal(t, float64(200), recs[1]["status"])
		assert.NotContains(t, buf.String(), "secret-token")
	})
}

func TestLogRecordsErrors(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) { return nil, errors.New("connection reset") }}
	req := newRequest(t, t.Context(), http.MethodDelete, nil)
	_, err := (&transport.Log{Next: rec, Logger: logger}).RoundTrip(req)
	require.Error(t, err)
	recs := records(t, &buf)
	require.Len(t, recs, 1)
	assert.Equal(t, "DELETE", recs[0]["method"])
	assert.Equal(t, "connection reset", recs[0]["error"])
	assert.NotContains(t, recs[0], "status")
}

func TestLogRedactsUserinfo(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) { return respond(200, nil, ""), nil }}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://bob:hunter2@cinder.test/", nil)
	require.NoError(t, err)
	resp, err := (&transport.Log{Next: rec, Logger: logger}).RoundTrip(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.NotContains(t, buf.String(), "hunter2")
	assert.Contains(t, buf.String(), "cinder.test")
}

func TestLogNothingWhenDisabled(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	info := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) { return respond(200, nil, ""), nil }}
	for _, l := range []*slog.Logger{info, nil, slog.New(slog.DiscardHandler)} {
		resp, err := (&transport.Log{Next: rec, Logger: l}).RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
		require.NoError(t, err)
		resp.Body.Close()
	}
	assert.Equal(t, 3, rec.count())
	assert.Empty(t, buf.String())
}
