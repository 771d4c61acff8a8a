package limits_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/limits"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/limits. It changes nothing.
// Run: CINDER_RECORD=1 go test ./limits/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "limits", time.Minute)
	var err error
	ctx, admin, demo, sc, save := r.Ctx, r.Admin, r.Demo, r.Scrub, r.Save
	sc.Alias(admin.ProjectID(), testutil.ProjectID)
	sc.Alias(demo.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002")

	_, err = demo.Limits.Get(ctx, nil)
	require.NoError(t, err)
	save("get")
	_, err = admin.Limits.Get(ctx, &limits.Options{ProjectID: demo.ProjectID()})
	require.NoError(t, err)
	save("get_project")

	// a token Keystone does not know
	bad, err := cinder.New(ctx, cinder.Options{Auth: cinder.Auth{Token: "gAAAAA-not-a-token"}, Endpoint: admin.Endpoint(),
		Microversion: "3.70", HTTPClient: r.HTTP, MaxAttempts: 1})
	require.NoError(t, err)
	_, err = bad.Limits.Get(ctx, nil)
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
	save("error_401")
}
