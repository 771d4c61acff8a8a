package discovery_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/discovery"
	"github.com/gocinder/cinder/internal/testutil"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/discovery, including the root package's GET /v3/ answer
// (version_v3.json). It changes nothing.
// Run: CINDER_RECORD=1 go test ./discovery/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "discovery", time.Minute)
	var err error
	ctx, demo, sc, save := r.Ctx, r.Demo, r.Scrub, r.Save
	sc.Alias(demo.ProjectID(), testutil.ProjectID)
	d := demo.Discovery

	_, err = d.AvailabilityZones(ctx)
	require.NoError(t, err)
	save("availability_zones")
	_, err = d.ResourceFilters(ctx, "")
	require.NoError(t, err)
	save("resource_filters")
	_, err = d.ResourceFilters(ctx, discovery.ResourceVolume)
	require.NoError(t, err)
	save("resource_filters_volume")
	_, err = d.ResourceFilters(ctx, "nosuch")
	require.NoError(t, err)
	save("resource_filters_unknown")
	_, err = demo.VersionDetails(ctx)
	require.NoError(t, err)
	save("version_v3")

	// a token Keystone does not know
	bad, err := cinder.New(ctx, cinder.Options{Auth: cinder.Auth{Token: "gAAAAA-not-a-token"}, Endpoint: demo.Endpoint(),
		Microversion: "3.70", HTTPClient: r.HTTP, MaxAttempts: 1})
	require.NoError(t, err)
	_, err = bad.Discovery.AvailabilityZones(ctx)
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	save("error_401")
}
