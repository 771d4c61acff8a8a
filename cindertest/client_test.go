package cindertest_test

import (
	"testing"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClientRoundTrip(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	ctx := t.Context()
	c, err := srv.Client(ctx)
	require.NoError(t, err)
	assert.Equal(t, cinder.MaxMicroversion, c.Microversion().String())
	assert.Equal(t, srv.ProjectID("admin"), c.ProjectID())

	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "test-vol", Size: 1})
	require.NoError(t, err)
	got, err := c.Volumes.Get(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, "test-vol", got.Name)
	assert.Equal(t, volumes.StatusAvailable, got.Status)

	all, err := cinder.Collect(c.Volumes.List(ctx, nil))
	require.NoError(t, err)
	assert.Len(t, all, 1)

	demo, err := srv.ClientAs(ctx, "demo", cinder.Options{Microversion: "3.60"})
	require.NoError(t, err)
	assert.Equal(t, "3.60", demo.Microversion().String())
	mine, err := cinder.Collect(demo.Volumes.List(ctx, nil))
	require.NoError(t, err)
	assert.Empty(t, mine, "demo must not see admin's volumes")
}
