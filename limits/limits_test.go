package limits_test

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/limits"
)

const demoProject = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002"

// recorded is testdata/limits/get.json decoded.
func recorded() limits.Limits {
	return limits.Limits{
		Rate: []limits.RateLimit{},
		Absolute: limits.Absolute{
			MaxTotalVolumes: 10, MaxTotalSnapshots: 10, MaxTotalVolumeGigabytes: 1000, MaxTotalBackups: 10,
			MaxTotalBackupGigabytes: 1000, TotalBackupsUsed: 1, TotalBackupGigabytesUsed: 1,
			Raw: map[string]int{
				"maxTotalVolumes": 10, "maxTotalSnapshots": 10, "maxTotalVolumeGigabytes": 1000, "maxTotalBackups": 10,
				"maxTotalBackupGigabytes": 1000, "totalVolumesUsed": 0, "totalGigabytesUsed": 0, "totalSnapshotsUsed": 0,
				"totalBackupsUsed": 1, "totalBackupGigabytesUsed": 1,
			},
		},
	}
}

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "limits", Version: "3.0"}, http.StatusOK, "limits/get.json")
	l, err := c.Limits.Get(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, recorded(), *l)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetProject(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.39")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "limits", Query: "project_id=" + demoProject, Version: "3.39"},
		http.StatusOK, "limits/get_project.json")
	l, err := c.Limits.Get(t.Context(), &limits.Options{ProjectID: demoProject})
	require.NoError(t, err)
	assert.Equal(t, recorded(), *l)
}

func TestGetEmptyOptions(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "limits"}, http.StatusOK, "limits/get.json")
	_, err := c.Limits.Get(t.Context(), &limits.Options{})
	require.NoError(t, err, "an empty ProjectID needs no microversion")
}

func TestGetProjectNeeds339(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.38")
	_, err := c.Limits.Get(t.Context(), &limits.Options{ProjectID: demoProject})
	var verr *cinder.VersionError
	require.True(t, errors.As(err, &verr), "want *cinder.VersionError, got %v", err)
	assert.Equal(t, "3.39", verr.Need.String())
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestGetUnauthorized(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "limits"}, http.StatusUnauthorized, "limits/error_401.json")
	_, err := c.Limits.Get(t.Context(), nil)
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusUnauthorized, apiErr.StatusCode)
	assert.Equal(t, testutil.RequestID, apiErr.RequestID)
	assert.Contains(t, apiErr.Message, "requires authentication")
}

// TestRateLimits decodes the rate section, which the recorded cloud leaves
// empty (it runs no rate-limit middleware): a tiny inline body in the
// shape Cinder's limits view writes.
func TestRateLimits(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("limits"), httpmock.NewStringResponder(http.StatusOK, `{"limits":{
		"rate":[{"uri":"*","regex":".*","limit":[{"verb":"POST","value":10,"remaining":9,"unit":"MINUTE",
			"next-available":"2024-05-01T12:00:00"}]}],
		"absolute":{"maxTotalVolumes":-1,"maxTotalGroups":4}}}`))
	l, err := c.Limits.Get(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, limits.Limits{
		Rate: []limits.RateLimit{{URI: "*", Regex: ".*", Limits: []limits.Rate{{Verb: "POST", Value: 10, Remaining: 9, Unit: "MINUTE",
			NextAvailable: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}}}},
		Absolute: limits.Absolute{MaxTotalVolumes: -1, Raw: map[string]int{"maxTotalVolumes": -1, "maxTotalGroups": 4}},
	}, *l)
}

func TestGetBadAnswer(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("limits"), httpmock.NewStringResponder(http.StatusOK,
		`{"limits":{"rate":[{"limit":[{"next-available":"soon"}]}]}}`))
	_, err := c.Limits.Get(t.Context(), nil)
	require.ErrorContains(t, err, "decoding response")
}
