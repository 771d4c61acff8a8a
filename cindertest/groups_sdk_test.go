package cindertest_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/volumes"
)

func TestGroupsSDKRoundTrip(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	ctx := t.Context()
	c, err := srv.Client(ctx)
	require.NoError(t, err)

	gt, err := c.GroupTypes.Create(ctx, grouptypes.CreateRequest{Name: "ctgrp-gt", Description: "d",
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"}})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"consistent_group_snapshot_enabled": "<is> True"}, gt.GroupSpecs)
	_, err = c.GroupTypes.Default(ctx)
	assert.ErrorIs(t, err, cinder.ErrNotFound)
	_, err = c.GroupTypes.SetGroupSpecs(ctx, gt.ID, map[string]string{"rec:a": "1"})
	require.NoError(t, err)
	v, err := c.GroupTypes.GroupSpec(ctx, gt.ID, "rec:a")
	require.NoError(t, err)
	assert.Equal(t, "1", v)
	require.NoError(t, c.GroupTypes.DeleteGroupSpec(ctx, gt.ID, "rec:a"))
	found, err := c.GroupTypes.Find(ctx, "ctgrp-gt", nil)
	require.NoError(t, err)
	assert.Equal(t, gt.ID, found.ID)
	types, err := cinder.Collect(c.GroupTypes.List(ctx, &grouptypes.ListOptions{Visibility: grouptypes.VisibilityAll}))
	require.NoError(t, err)
	assert.Len(t, types, 2, "the new type and default_cgsnapshot_type")

	g, err := c.Groups.Create(ctx, groups.CreateRequest{GroupType: gt.ID, VolumeTypes: []string{"__DEFAULT__"},
		Name: "ctgrp-g1", Description: "first"})
	require.NoError(t, err)
	g1, err := c.Groups.WaitForStatus(ctx, g.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	assert.Equal(t, gt.ID, g1.GroupType)
	assert.Equal(t, groups.ReplicationDisabled, g1.ReplicationStatus)
	assert.Equal(t, srv.ProjectID("admin"), g1.ProjectID)

	vol, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "ctgrp-v1", Size: 1, VolumeType: "__DEFAULT__", GroupID: g.ID})
	require.NoError(t, err)
	loose, err := c.Volumes.Create(ctx, volumes.CreateRequest{Name: "ctgrp-v2", Size: 1})
	require.NoError(t, err)
	_, err = c.Volumes.WaitForStatus(ctx, loose.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	require.NoError(t, c.Groups.Update(ctx, g.ID, groups.UpdateRequest{AddVolumes: []string{loose.ID}}))
	_, err = c.Groups.WaitForStatus(ctx, g.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	withVols, err := c.Groups.GetWithVolumes(ctx, g.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{vol.ID, loose.ID}, withVols.Volumes)

	gs, err := c.GroupSnapshots.Create(ctx, groupsnapshots.CreateRequest{GroupID: g.ID, Name: "ctgrp-gs1"})
	require.NoError(t, err)
	assert.Equal(t, gt.ID, gs.GroupTypeID)
	snap, err := c.GroupSnapshots.WaitForStatus(ctx, gs.ID, groupsnapshots.StatusAvailable, nil)
	require.NoError(t, err)
	assert.Equal(t, g.ID, snap.GroupID)
	listed, err := cinder.Collect(c.GroupSnapshots.List(ctx, &groupsnapshots.ListOptions{GroupID: g.ID}))
	require.NoError(t, err)
	require.Len(t, listed, 1)

	err = c.Groups.Delete(ctx, g.ID, &groups.DeleteOptions{DeleteVolumes: true})
	var apiErr *cinder.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, "Invalid Group: Group has existing snapshots.", apiErr.Message)

	clone, err := c.Groups.CreateFromSource(ctx, groups.CreateFromSourceRequest{GroupSnapshotID: gs.ID, Name: "ctgrp-g2"})
	require.NoError(t, err)
	g2, err := c.Groups.WaitForStatus(ctx, clone.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	assert.Equal(t, gs.ID, g2.GroupSnapshotID)

	targets, err := c.Groups.ReplicationTargets(ctx, g.ID)
	assert.ErrorIs(t, err, cinder.ErrBadRequest)
	assert.Nil(t, targets)
	require.NoError(t, c.Groups.ResetStatus(ctx, clone.ID, groups.StatusError))

	require.NoError(t, c.GroupSnapshots.Delete(ctx, gs.ID))
	require.NoError(t, c.GroupSnapshots.WaitForDeleted(ctx, gs.ID, nil))
	require.NoError(t, c.Groups.Delete(ctx, g.ID, &groups.DeleteOptions{DeleteVolumes: true}))
	require.NoError(t, c.Groups.WaitForDeleted(ctx, g.ID, nil))
	_, err = c.Volumes.Get(ctx, vol.ID)
	assert.ErrorIs(t, err, cinder.ErrNotFound, "delete-volumes removes the members")
	require.NoError(t, c.Groups.Delete(ctx, clone.ID, &groups.DeleteOptions{DeleteVolumes: true}))
	require.NoError(t, c.Groups.WaitForDeleted(ctx, clone.ID, nil))
	require.NoError(t, c.GroupTypes.Delete(ctx, gt.ID))
}
