package discovery_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/discovery"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestAvailabilityZones(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-availability-zone", Version: "3.0"},
		http.StatusOK, "discovery/availability_zones.json")
	zs, err := c.Discovery.AvailabilityZones(t.Context())
	require.NoError(t, err)
	assert.Equal(t, []discovery.AvailabilityZone{{Name: "nova", State: discovery.ZoneState{Available: true}}}, zs)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestAvailabilityZonesUnauthorized(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-availability-zone"}, http.StatusUnauthorized, "discovery/error_401.json")
	_, err := c.Discovery.AvailabilityZones(t.Context())
	requireAPIError(t, err, http.StatusUnauthorized, cinder.ErrUnauthorized, "requires authentication")
}

// volumeFilters is what the recorded cloud allows non-admins for volumes.
var volumeFilters = discovery.ResourceFilter{Resource: "volume", Filters: []string{"name", "status", "metadata", "bootable",
	"migration_status", "availability_zone", "group_id", "size", "created_at", "updated_at"}}

func TestResourceFilters(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.33")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "resource_filters", Version: "3.33"},
		http.StatusOK, "discovery/resource_filters.json")
	fs, err := c.Discovery.ResourceFilters(t.Context(), "")
	require.NoError(t, err)
	assert.Equal(t, []discovery.ResourceFilter{
		volumeFilters,
		{Resource: "backup", Filters: []string{"name", "status", "volume_id"}},
		{Resource: "snapshot", Filters: []string{"name", "status", "volume_id", "metadata", "availability_zone"}},
		{Resource: "group", Filters: []string{}},
		{Resource: "group_snapshot", Filters: []string{"status", "group_id"}},
		{Resource: "attachment", Filters: []string{"volume_id", "status", "instance_id", "attach_status"}},
		{Resource: "message", Filters: []string{"resource_uuid", "resource_type", "event_id", "request_id", "message_level"}},
		{Resource: "pool", Filters: []string{"name", "volume_type"}},
		{Resource: "volume_type", Filters: []string{"is_public"}},
	}, fs)
}

func TestResourceFiltersOne(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		resource, query, fixture string
		want                     []discovery.ResourceFilter
	}{
		{discovery.ResourceVolume, "resource=volume", "discovery/resource_filters_volume.json", []discovery.ResourceFilter{volumeFilters}},
		{"nosuch", "resource=nosuch", "discovery/resource_filters_unknown.json", []discovery.ResourceFilter{}},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "resource_filters", Query: tc.query, Version: "3.70"},
			http.StatusOK, tc.fixture)
		fs, err := c.Discovery.ResourceFilters(t.Context(), tc.resource)
		require.NoError(t, err, tc.resource)
		assert.Equal(t, tc.want, fs, tc.resource)
	}
}

func TestResourceFiltersUnauthorized(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "resource_filters"}, http.StatusUnauthorized, "discovery/error_401.json")
	_, err := c.Discovery.ResourceFilters(t.Context(), "")
	requireAPIError(t, err, http.StatusUnauthorized, cinder.ErrUnauthorized, "requires authentication")
}

func TestResourceFiltersNeeds333(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.32")
	_, err := c.Discovery.ResourceFilters(t.Context(), discovery.ResourceVolume)
	var verr *cinder.VersionError
	require.True(t, errors.As(err, &verr), "want *cinder.VersionError, got %v", err)
	assert.Equal(t, "3.33", verr.Need.String())
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func requireAPIError(t *testing.T, err error, status int, sentinel error, msg string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, status, apiErr.StatusCode)
	assert.Equal(t, testutil.RequestID, apiErr.RequestID)
	assert.Contains(t, apiErr.Message, msg)
}
