package cinder_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

// v3URL is GET /v3/ on the test endpoint's service root.
const v3URL = "https://cinder.example.com:8776/v3/"

func TestVersionDetails(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, v3URL, func(r *http.Request) (*http.Response, error) {
		assert.Empty(t, r.URL.RawQuery)
		assert.Equal(t, "volume 3.70", r.Header.Get("OpenStack-API-Version"))
		return testutil.Respond(http.StatusOK, testutil.Fixture(t, "discovery/version_v3.json")), nil
	})
	v, err := c.VersionDetails(t.Context())
	require.NoError(t, err)
	want := cinder.APIVersion{ID: "v3.0", Status: "CURRENT", Version: "3.70", MinVersion: "3.0", Updated: "2024-05-01T12:00:00Z"}
	want.Links = append(want.Links,
		struct {
			Rel  string `json:"rel"`
			Href string `json:"href"`
			Type string `json:"type,omitempty"`
		}{Rel: "describedby", Href: "https://docs.openstack.org/", Type: "text/html"},
		struct {
			Rel  string `json:"rel"`
			Href string `json:"href"`
			Type string `json:"type,omitempty"`
		}{Rel: "self", Href: v3URL})
	assert.Equal(t, want, *v)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestVersionDetailsSingular(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, v3URL, httpmock.NewStringResponder(http.StatusOK,
		`{"version":{"id":"v3.0","status":"CURRENT","version":"3.60","min_version":"3.0"}}`))
	v, err := c.VersionDetails(t.Context())
	require.NoError(t, err)
	assert.Equal(t, "3.60", v.Version)
}

func TestVersionDetailsErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, v3URL, testutil.JSONResponder(t, http.StatusUnauthorized, "discovery/error_401.json"))
	_, err := c.VersionDetails(t.Context())
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, testutil.RequestID, apiErr.RequestID)

	mock.RegisterResponder(http.MethodGet, v3URL, httpmock.NewStringResponder(http.StatusOK, `{"versions":[{"id":"v2.0"}]}`))
	_, err = c.VersionDetails(t.Context())
	require.ErrorContains(t, err, "without a v3 version")

	_, err = c.WithMicroversion("9.9")
	require.Error(t, err, "a bad microversion gives no client")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}
