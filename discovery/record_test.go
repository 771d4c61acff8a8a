package discovery_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/discovery"
	"github.com/gocinder/cinder/internal/record"
	"github.com/gocinder/cinder/internal/testutil"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/discovery, including the root package's GET /v3/ answer
// (version_v3.json). It changes nothing.
// Run: CINDER_RECORD=1 go test ./discovery/ -run Record
func TestRecord(t *testing.T) {
	if os.Getenv("CINDER_RECORD") != "1" {
		t.Skip("set CINDER_RECORD=1 to record fixtures from the cloud in OS_*")
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	rec := record.NewRecorder(filepath.Join(testutil.Root(), "testdata", "discovery"))
	hc := &http.Client{Transport: rec.Transport(nil)}
	demoAuth := cinder.FromEnv()
	demoAuth.Username, demoAuth.Password = os.Getenv("DEMO_OS_USERNAME"), os.Getenv("DEMO_OS_PASSWORD")
	demoAuth.ProjectName = os.Getenv("DEMO_OS_PROJECT_NAME")
	demo, err := cinder.New(ctx, cinder.Options{Auth: demoAuth, Microversion: "3.70", HTTPClient: hc})
	require.NoError(t, err)
	rec.Scrubber().Alias(demo.ProjectID(), testutil.ProjectID)
	save := func(name string) { t.Helper(); require.NoError(t, rec.Save(name)) }
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
		Microversion: "3.70", HTTPClient: hc, MaxAttempts: 1})
	require.NoError(t, err)
	_, err = bad.Discovery.AvailabilityZones(ctx)
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	save("error_401")
}
