package pools_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/pools"
)

func TestCapabilities(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "capabilities/cinder-host@backend", Version: "3.70"},
		http.StatusOK, "pools/capabilities.json")
	got, err := c.Pools.Capabilities(t.Context(), "cinder-host@backend")
	require.NoError(t, err)
	boolProp := func(title, desc string) pools.Property {
		return pools.Property{Title: title, Description: desc, Type: "boolean"}
	}
	assert.Equal(t, pools.BackendCapabilities{
		Namespace: "OS::Storage::Capabilities::cinder-host@backend", VolumeBackendName: "localfile",
		VendorName: "Open Source", DriverVersion: "1.0.0", StorageProtocol: "local", ReplicationTargets: []string{},
		Properties: map[string]pools.Property{
			"thin_provisioning":   boolProp("Thin Provisioning", "Sets thin provisioning."),
			"compression":         boolProp("Compression", "Enables compression."),
			"qos":                 boolProp("QoS", "Enables QoS."),
			"replication_enabled": boolProp("Replication", "Enables replication."),
		},
	}, *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCapabilitiesErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "capabilities/nohost@none"}, http.StatusNotFound, "pools/error_capabilities_404.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "capabilities/a%2Fb"}, http.StatusForbidden, "pools/error_403.json")
	_, err := c.Pools.Capabilities(t.Context(), "nohost@none")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Can't find service: nohost@none")
	_, err = c.Pools.Capabilities(t.Context(), "a/b")
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy doesn't allow")
	_, err = c.Pools.Capabilities(t.Context(), "")
	require.ErrorContains(t, err, "needs a host name")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}
