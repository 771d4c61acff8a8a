package pools_test

import (
	"encoding/json"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/pools"
)

const pool = "cinder-host@backend#pool"

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "scheduler-stats/get_pools", Version: "3.70"}, http.StatusOK, "pools/list.json")
	got, err := c.Pools.List(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, []pools.Pool{{Name: pool}}, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListDetail(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "scheduler-stats/get_pools", Query: "detail=true", Version: "3.0"},
		http.StatusOK, "pools/list_detail.json")
	got, err := c.Pools.List(t.Context(), &pools.ListOptions{Detail: true})
	require.NoError(t, err)
	require.Len(t, got, 1)
	var raw struct {
		Pools []struct {
			Capabilities map[string]any `json:"capabilities"`
		} `json:"pools"`
	}
	testutil.DecodeFixture(t, "pools/list_detail.json", &raw)
	assert.Equal(t, pools.Pool{Name: pool, Capabilities: &pools.Capabilities{
		VolumeBackendName: "localfile", VendorName: "Open Source", DriverVersion: "1.0.0", StorageProtocol: "local",
		TotalCapacityGB: 251.97, FreeCapacityGB: 76.69, AllocatedCapacityGB: 35,
		ThinProvisioningSupport: true, QoSSupport: true, Multiattach: true, OnlineExtendSupport: true,
		ConsistentGroupSnapshotEnabled: true, Timestamp: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC),
		Raw: raw.Pools[0].Capabilities,
	}}, got[0])
	assert.Equal(t, 20.0, got[0].Capabilities.Raw["max_over_subscription_ratio"])
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    pools.ListOptions
		query   string
		fixture string
	}{
		{"3.28", pools.ListOptions{Name: pool}, "name=cinder-host%40backend%23pool", "pools/list_filtered.json"},
		{"3.28", pools.ListOptions{Detail: true, Filters: map[string]string{"volume_backend_name": "lvm"}},
			"detail=true&volume_backend_name=lvm", "pools/list_detail.json"},
		{"3.35", pools.ListOptions{VolumeType: "fast"}, "volume_type=fast", "pools/list.json"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "scheduler-stats/get_pools", Query: tc.query, Version: tc.version},
			http.StatusOK, tc.fixture)
		got, err := c.Pools.List(t.Context(), &tc.opts)
		require.NoError(t, err, tc.query)
		assert.Equal(t, pool, got[0].Name, tc.query)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.query)
	}
}

func TestListFilterVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    pools.ListOptions
		need    string
	}{
		{"3.27", pools.ListOptions{Name: pool}, "3.28"},
		{"3.27", pools.ListOptions{Filters: map[string]string{"a": "b"}}, "3.28"},
		{"3.34", pools.ListOptions{VolumeType: "fast"}, "3.35"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		_, err := c.Pools.List(t.Context(), &tc.opts)
		testutil.RequireVersionError(t, err, tc.need)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

func TestListErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts     pools.ListOptions
		query    string
		status   int
		fixture  string
		sentinel error
		msg      string
	}{
		{pools.ListOptions{}, "", http.StatusForbidden, "pools/error_403.json", cinder.ErrForbidden, "get_pools"},
		{pools.ListOptions{Filters: map[string]string{"volume_backend_name": "none"}}, "volume_backend_name=none",
			http.StatusBadRequest, "pools/error_list_filter.json", cinder.ErrBadRequest, "Invalid filters volume_backend_name"},
		{pools.ListOptions{VolumeType: "__DEFAULT__"}, "volume_type=__DEFAULT__",
			http.StatusBadRequest, "pools/error_volume_type.json", cinder.ErrBadRequest, "could not comply"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "scheduler-stats/get_pools", Query: tc.query}, tc.status, tc.fixture)
		_, err := c.Pools.List(t.Context(), &tc.opts)
		testutil.RequireAPIError(t, err, tc.status, tc.sentinel, tc.msg)
	}
}

// TestCapacityForms: drivers send numbers, numeric strings, "infinite"
// and "unknown", and booleans as strings.
func TestCapacityForms(t *testing.T) {
	t.Parallel()
	var c pools.Capabilities
	require.NoError(t, json.Unmarshal([]byte(`{"total_capacity_gb": "infinite", "free_capacity_gb": "unknown",
		"allocated_capacity_gb": "12.5", "reserved_percentage": null, "multiattach": "True"}`), &c))
	assert.True(t, math.IsInf(c.TotalCapacityGB, 1))
	assert.True(t, math.IsNaN(c.FreeCapacityGB))
	assert.Equal(t, 12.5, c.AllocatedCapacityGB)
	assert.Zero(t, c.ReservedPercentage)
	assert.True(t, c.Multiattach)
	assert.Len(t, c.Raw, 5)
	assert.Error(t, json.Unmarshal([]byte(`{"total_capacity_gb": "lots"}`), &c))
}
