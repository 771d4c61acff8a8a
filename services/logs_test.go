package services_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/services"
)

func TestLogLevels(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.32")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/get-log", Version: "3.32",
		Body: `{"binary":"cinder-api","prefix":"cinder.api.contrib.hosts"}`}, http.StatusOK, "services/log_levels.json")
	got, err := c.Services.LogLevels(t.Context(), services.LogFilter{Binary: services.BinaryAPI, Prefix: "cinder.api.contrib.hosts"})
	require.NoError(t, err)
	assert.Equal(t, []services.LogLevel{{Host: "cinder-host", Binary: "cinder-api",
		Levels: map[string]string{"cinder.api.contrib.hosts": "INFO"}}}, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestLogLevelsShapes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f       services.LogFilter
		body    string
		fixture string
		want    []services.LogLevel
	}{
		{services.LogFilter{}, `{}`, "services/log_levels_debug.json", []services.LogLevel{{Host: "cinder-host", Binary: "cinder-api",
			Levels: map[string]string{"cinder.api.contrib.hosts": "DEBUG"}}}},
		{services.LogFilter{Binary: services.BinaryVolume, Server: host, Prefix: "cinder.volume.manager"},
			`{"binary":"cinder-volume","server":"cinder-host@backend","prefix":"cinder.volume.manager"}`, "services/log_levels_volume.json",
			[]services.LogLevel{{Host: host, Binary: "cinder-volume", Levels: map[string]string{"cinder.volume.manager": "INFO"}}}},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/get-log", Body: tc.body}, http.StatusOK, tc.fixture)
		got, err := c.Services.LogLevels(t.Context(), tc.f)
		require.NoError(t, err, tc.body)
		assert.Equal(t, tc.want, got, tc.body)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.body)
	}
}

func TestSetLogLevels(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.32")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/set-log", Version: "3.32",
		Body: `{"binary":"cinder-api","prefix":"cinder.api.contrib.hosts","level":"DEBUG"}`}, http.StatusAccepted, "")
	err := c.Services.SetLogLevels(t.Context(), services.LogFilter{Binary: services.BinaryAPI, Prefix: "cinder.api.contrib.hosts"}, services.LevelDebug)
	require.NoError(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSetLogLevelsError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/set-log",
		Body: `{"binary":"cinder-api","prefix":"cinder.api.contrib.hosts","level":"LOUD"}`}, http.StatusBadRequest, "services/error_set_log.json")
	err := c.Services.SetLogLevels(t.Context(), services.LogFilter{Binary: services.BinaryAPI, Prefix: "cinder.api.contrib.hosts"}, "LOUD")
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "LOUD is not a valid log level")

	c, mock = testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/get-log", Body: `{}`}, http.StatusForbidden, "services/error_403.json")
	_, err = c.Services.LogLevels(t.Context(), services.LogFilter{})
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy doesn't allow")
}

func TestLogLevelsVersion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.31")
	_, err := c.Services.LogLevels(t.Context(), services.LogFilter{})
	testutil.RequireVersionError(t, err, "3.32")
	testutil.RequireVersionError(t, c.Services.SetLogLevels(t.Context(), services.LogFilter{}, services.LevelInfo), "3.32")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}
