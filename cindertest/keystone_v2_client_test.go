package cindertest_test

import (
	"testing"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClientOverKeystoneV2 is the classic OS_TENANT_NAME + /v2.0 setup,
// through the SDK (gophercloud's v2 token request and catalog parsing).
func TestClientOverKeystoneV2(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	ctx := t.Context()
	c, err := cinder.New(ctx, cinder.Options{Auth: cinder.Auth{
		AuthURL:     srv.URL() + "/identity/v2.0",
		Username:    "demo",
		Password:    "demo",
		ProjectName: "demo",
	}})
	require.NoError(t, err)
	assert.Equal(t, srv.ProjectID("demo"), c.ProjectID())
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "v2-vol", Size: 1})
	require.NoError(t, err)
	got, err := c.Volumes.Find(ctx, "v2-vol", nil)
	require.NoError(t, err)
	assert.Equal(t, v.ID, got.ID)

	_, err = cinder.New(ctx, cinder.Options{Auth: cinder.Auth{
		AuthURL: srv.URL() + "/identity/v2.0", Username: "demo", Password: "wrong", ProjectName: "demo"}})
	require.ErrorIs(t, err, cinder.ErrUnauthorized)
}
