//go:build integration

package integration_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// volumeType creates a volume type as the admin and deletes it in
// t.Cleanup. Register it before any volume of that type, so that its
// cleanup runs after theirs.
func (b *backend) volumeType(t *testing.T, r types.CreateRequest) *types.VolumeType {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every volume type")
	vt := retryCreate(t, b, "volume type "+r.Name, func() (*types.VolumeType, error) {
		return b.admin.Types.Create(b.ctx, r)
	}, func() (*types.VolumeType, bool, error) {
		all, err := cinder.Collect(b.admin.Types.List(b.ctx, &types.ListOptions{Visibility: types.VisibilityAll}))
		for _, vt := range all {
			if vt.Name == r.Name {
				return &vt, true, nil
			}
		}
		return nil, false, err
	})
	require.NotEmpty(t, vt.ID)
	id := vt.ID
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := b.admin.Types.Delete(ctx, id); err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: volume type %s left behind: %v", id, err)
		}
	})
	return vt
}

// typeNames returns the names of the volume types c lists.
func (b *backend) typeNames(t *testing.T, c *cinder.Client) []string {
	t.Helper()
	all, err := cinder.Collect(c.Types.List(b.ctx, nil))
	require.NoError(t, err)
	return typeNamesOf(all)
}

// testTypes checks a private volume type: hidden from the demo project
// until the admin grants it access, usable then, hidden again after the
// access is removed; extra specs; and that a type in use cannot be deleted.
func testTypes(t *testing.T, b *backend) {
	ctx, admin, demo := b.ctx, b.admin, b.demo
	demoProject := demo.ProjectID()
	require.NotEmpty(t, demoProject)

	vt := b.volumeType(t, types.CreateRequest{Name: b.name("private"), Description: "private type",
		IsPublic: new(false)})
	assert.False(t, vt.IsPublic)
	assert.Equal(t, b.name("private"), vt.Name)
	assert.Equal(t, "private type", vt.Description)

	got, err := admin.Types.Get(ctx, vt.ID)
	require.NoError(t, err)
	assert.False(t, got.IsPublic)
	assert.Empty(t, got.QoSSpecsID)

	t.Run("admin lists", func(t *testing.T) {
		assert.NotContains(t, b.typeNames(t, admin), vt.Name, "an admin's default list holds the public types only")
		priv, err := cinder.Collect(admin.Types.List(ctx, &types.ListOptions{Visibility: types.VisibilityPrivate}))
		require.NoError(t, err)
		assert.Contains(t, typeNamesOf(priv), vt.Name)
		all, err := cinder.Collect(admin.Types.List(ctx, &types.ListOptions{Visibility: types.VisibilityAll}))
		require.NoError(t, err)
		assert.Contains(t, typeNamesOf(all), vt.Name)
	})

	t.Run("extra specs", func(t *testing.T) {
		// Scoped keys other than capabilities: are ignored by the scheduler.
		_, err := admin.Types.SetExtraSpecs(ctx, vt.ID, map[string]string{"it:color": "blue", "it:size": "big"})
		require.NoError(t, err)
		specs, err := admin.Types.ExtraSpecs(ctx, vt.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"it:color": "blue", "it:size": "big"}, specs)

		require.NoError(t, admin.Types.SetExtraSpec(ctx, vt.ID, "it:color", "red"))
		val, err := admin.Types.ExtraSpec(ctx, vt.ID, "it:color")
		require.NoError(t, err)
		assert.Equal(t, "red", val)

		require.NoError(t, admin.Types.DeleteExtraSpec(ctx, vt.ID, "it:size"))
		_, err = admin.Types.ExtraSpec(ctx, vt.ID, "it:size")
		apiError(t, err, cinder.ErrNotFound)
		err = admin.Types.DeleteExtraSpec(ctx, vt.ID, "it:size")
		apiError(t, err, cinder.ErrNotFound)

		got, err := admin.Types.Get(ctx, vt.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"it:color": "red"}, got.ExtraSpecs)
	})

	t.Run("hidden from demo", func(t *testing.T) {
		assert.NotContains(t, b.typeNames(t, demo), vt.Name)
		_, err := demo.Types.Get(ctx, vt.ID)
		apiError(t, err, cinder.ErrNotFound)
		access, err := admin.Types.ListAccess(ctx, vt.ID)
		require.NoError(t, err)
		assert.Empty(t, access)
	})

	require.NoError(t, admin.Types.AddAccess(ctx, vt.ID, demoProject))
	t.Run("granted to demo", func(t *testing.T) {
		assert.Contains(t, b.typeNames(t, demo), vt.Name)
		got, err := demo.Types.Get(ctx, vt.ID)
		require.NoError(t, err)
		assert.Equal(t, vt.Name, got.Name)
		assert.False(t, got.IsPublic)

		access, err := admin.Types.ListAccess(ctx, vt.ID)
		require.NoError(t, err)
		assert.Equal(t, []types.Access{{VolumeTypeID: vt.ID, ProjectID: demoProject}}, access)

		err = admin.Types.AddAccess(ctx, vt.ID, demoProject)
		apiError(t, err, cinder.ErrConflict)
	})

	// The demo project can now create a volume of the type.
	vol := b.create(t, demo, volumes.CreateRequest{Size: 1, Name: b.name("vol"), VolumeType: vt.Name})
	assert.Equal(t, vt.Name, vol.VolumeType)
	assert.Equal(t, vt.ID, vol.VolumeTypeID)

	require.NoError(t, admin.Types.RemoveAccess(ctx, vt.ID, demoProject))
	t.Run("hidden again", func(t *testing.T) {
		assert.NotContains(t, b.typeNames(t, demo), vt.Name)
		_, err := demo.Types.Get(ctx, vt.ID)
		apiError(t, err, cinder.ErrNotFound)
		access, err := admin.Types.ListAccess(ctx, vt.ID)
		require.NoError(t, err)
		assert.Empty(t, access)
		_, err = demo.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: b.name("refused"), VolumeType: vt.Name})
		apiError(t, err, cinder.ErrNotFound)
	})

	t.Run("public type has no access list", func(t *testing.T) {
		pub := b.volumeType(t, types.CreateRequest{Name: b.name("public"), IsPublic: new(true)})
		assert.True(t, pub.IsPublic)
		_, err := admin.Types.ListAccess(ctx, pub.ID)
		apiError(t, err, cinder.ErrNotFound)
		err = admin.Types.AddAccess(ctx, pub.ID, demoProject)
		apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, b.typeNames(t, demo), pub.Name)
	})

	t.Run("in use", func(t *testing.T) {
		err := admin.Types.Delete(ctx, vt.ID)
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Equal(t, "badRequest", apiErr.Code)
		_, err = admin.Types.Get(ctx, vt.ID)
		require.NoError(t, err, "the refused delete kept the type")

		require.NoError(t, admin.Volumes.Delete(ctx, vol.ID, nil))
		b.waitDeleted(t, admin, vol.ID)
		require.NoError(t, admin.Types.Delete(ctx, vt.ID))
		_, err = admin.Types.Get(ctx, vt.ID)
		apiError(t, err, cinder.ErrNotFound)
	})
}

func typeNamesOf(vts []types.VolumeType) []string {
	var out []string
	for _, vt := range vts {
		out = append(out, vt.Name)
	}
	return out
}
