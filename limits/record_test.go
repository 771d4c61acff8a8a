package limits_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/record"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/limits"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/limits. It changes nothing.
// Run: CINDER_RECORD=1 go test ./limits/ -run Record
func TestRecord(t *testing.T) {
	if os.Getenv("CINDER_RECORD") != "1" {
		t.Skip("set CINDER_RECORD=1 to record fixtures from the cloud in OS_*")
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	rec := record.NewRecorder(filepath.Join(testutil.Root(), "testdata", "limits"))
	hc := &http.Client{Transport: rec.Transport(nil)}
	admin, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv(), Microversion: "3.70", HTTPClient: hc})
	require.NoError(t, err)
	demoAuth := cinder.FromEnv()
	demoAuth.Username, demoAuth.Password = os.Getenv("DEMO_OS_USERNAME"), os.Getenv("DEMO_OS_PASSWORD")
	demoAuth.ProjectName = os.Getenv("DEMO_OS_PROJECT_NAME")
	demo, err := cinder.New(ctx, cinder.Options{Auth: demoAuth, Microversion: "3.70", HTTPClient: hc})
	require.NoError(t, err)
	sc := rec.Scrubber()
	sc.Alias(admin.ProjectID(), testutil.ProjectID)
	sc.Alias(demo.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002")
	save := func(name string) { t.Helper(); require.NoError(t, rec.Save(name)) }

	_, err = demo.Limits.Get(ctx, nil)
	require.NoError(t, err)
	save("get")
	_, err = admin.Limits.Get(ctx, &limits.Options{ProjectID: demo.ProjectID()})
	require.NoError(t, err)
	save("get_project")

	// a token Keystone does not know
	bad, err := cinder.New(ctx, cinder.Options{Auth: cinder.Auth{Token: "gAAAAA-not-a-token"}, Endpoint: admin.Endpoint(),
		Microversion: "3.70", HTTPClient: hc, MaxAttempts: 1})
	require.NoError(t, err)
	_, err = bad.Limits.Get(ctx, nil)
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	save("error_401")
}
