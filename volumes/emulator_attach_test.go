package volumes_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/volumes"
)

var emuConnector = volumes.Connector{Host: "emu-host", IP: "127.0.0.1", Initiator: "iqn.1993-08.org.debian:01:emu",
	Platform: "x86_64", OSType: "linux", Extra: map[string]any{"system uuid": "u1"}}

// emuAttached returns an in-use volume attached to a bare host, and its attachment.
func emuAttached(t *testing.T, c *cinder.Client, r volumes.CreateRequest) (*volumes.Volume, volumes.Attachment) {
	t.Helper()
	v := emuVolume(t, c, r)
	require.NoError(t, c.Volumes.Reserve(t.Context(), v.ID))
	require.NoError(t, c.Volumes.Attach(t.Context(), v.ID, volumes.AttachRequest{HostName: "emu-host", MountPoint: "/dev/vdb"}))
	v = emuSettle(t, c, v.ID, volumes.StatusInUse)
	require.Len(t, v.Attachments, 1)
	return v, v.Attachments[0]
}

func TestEmulatorAttachDetach(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v, att := emuAttached(t, c, volumes.CreateRequest{Name: "emu-attach"})
	assert.Equal(t, v.ID, att.VolumeID)
	assert.Equal(t, "emu-host", att.HostName)
	assert.Empty(t, att.ServerID)
	assert.Equal(t, "/dev/vdb", att.Device)
	assert.NotEmpty(t, att.AttachmentID)
	assert.False(t, att.AttachedAt.IsZero())

	err := c.Volumes.Delete(ctx, v.ID, nil)
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "attached")

	require.NoError(t, c.Volumes.Detach(ctx, v.ID, att.AttachmentID))
	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.Empty(t, got.Attachments)

	server := emuVolume(t, c, volumes.CreateRequest{Name: "emu-attach-server"})
	const instance = "7a1c3f00-0000-4000-8000-000000000001"
	require.NoError(t, c.Volumes.Attach(ctx, server.ID, volumes.AttachRequest{InstanceUUID: instance, MountPoint: "/dev/vdc",
		Mode: volumes.ModeReadWrite}))
	got = emuSettle(t, c, server.ID, volumes.StatusInUse)
	require.Len(t, got.Attachments, 1)
	assert.Equal(t, instance, got.Attachments[0].ServerID)
	require.NoError(t, c.Volumes.Detach(ctx, server.ID, ""), "the only attachment")
	assert.Empty(t, emuSettle(t, c, server.ID, volumes.StatusAvailable).Attachments)

	before := len(srv.Requests())
	require.Error(t, c.Volumes.Attach(ctx, server.ID, volumes.AttachRequest{MountPoint: "/dev/vdb"}))
	assert.Len(t, srv.Requests(), before, "an attach without a server or host is refused before sending")
}

func TestEmulatorForceDetach(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v, att := emuAttached(t, c, volumes.CreateRequest{})

	demo := emuClient(t, srv, "demo", "")
	dv, datt := emuAttached(t, demo, volumes.CreateRequest{})
	err := demo.Volumes.ForceDetach(ctx, dv.ID, volumes.ForceDetachRequest{AttachmentID: datt.AttachmentID})
	emuAPIError(t, err, cinder.ErrForbidden, 403, "force_detach")
	assert.Equal(t, volumes.StatusInUse, emuGet(t, demo, dv.ID).Status)

	t.Run("unknown attachment", func(t *testing.T) {
		err := c.Volumes.ForceDetach(ctx, v.ID, volumes.ForceDetachRequest{AttachmentID: "9b7d9f0e-0000-4000-8000-00000000dead"})
		emuAPIError(t, err, cinder.ErrConflict, 409, "ConflictNovaUsingAttachment")
	})
	require.NoError(t, c.Volumes.ForceDetach(ctx, v.ID, volumes.ForceDetachRequest{AttachmentID: att.AttachmentID,
		Connector: &emuConnector}))
	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.Empty(t, got.Attachments)
}

func TestEmulatorReserve(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})

	require.NoError(t, c.Volumes.Reserve(ctx, v.ID))
	assert.NotEqual(t, volumes.StatusAvailable, emuGet(t, c, v.ID).Status)
	err := c.Volumes.Reserve(ctx, v.ID)
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "Volume status must be available to reserve")
	require.NoError(t, c.Volumes.Unreserve(ctx, v.ID))
	assert.Equal(t, volumes.StatusAvailable, emuGet(t, c, v.ID).Status)
	require.NoError(t, c.Volumes.Unreserve(ctx, v.ID), "unreserving an available volume is a no-op")
	assert.Equal(t, volumes.StatusAvailable, emuGet(t, c, v.ID).Status)

	t.Run("status", func(t *testing.T) {
		require.NoError(t, c.Volumes.Reserve(ctx, v.ID))
		assert.Equal(t, volumes.StatusAttaching, emuGet(t, c, v.ID).Status)
		require.NoError(t, c.Volumes.Unreserve(ctx, v.ID))
	})
}

func TestEmulatorDetaching(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v, att := emuAttached(t, c, volumes.CreateRequest{})

	require.NoError(t, c.Volumes.BeginDetaching(ctx, v.ID))
	assert.Equal(t, volumes.StatusDetaching, emuGet(t, c, v.ID).Status)
	require.NoError(t, c.Volumes.RollDetaching(ctx, v.ID))
	got := emuGet(t, c, v.ID)
	assert.Equal(t, volumes.StatusInUse, got.Status)
	assert.Equal(t, []volumes.Attachment{att}, got.Attachments, "the attachment stays")

	require.NoError(t, c.Volumes.BeginDetaching(ctx, v.ID))
	require.NoError(t, c.Volumes.Detach(ctx, v.ID, att.AttachmentID))
	emuSettle(t, c, v.ID, volumes.StatusAvailable)
	err := c.Volumes.BeginDetaching(ctx, v.ID)
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "Volume status must be 'in-use' and attach_status must be 'attached' to detach.")
}

func TestEmulatorConnection(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})

	info, err := c.Volumes.InitializeConnection(ctx, v.ID, emuConnector)
	require.NoError(t, err)
	assert.Equal(t, "local", info.DriverVolumeType)
	assert.Equal(t, "rw", info.Data["access_mode"])
	assert.Equal(t, false, info.Data["encrypted"])
	assert.Contains(t, info.Data["device_path"], v.ID)
	require.NoError(t, c.Volumes.TerminateConnection(ctx, v.ID, emuConnector))

	_, err = c.Volumes.InitializeConnection(ctx, "9b7d9f0e-0000-4000-8000-00000000dead", emuConnector)
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
}

func TestEmulatorSetReadOnly(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})

	require.NoError(t, c.Volumes.SetReadOnly(ctx, v.ID, true))
	info, err := c.Volumes.InitializeConnection(ctx, v.ID, emuConnector)
	require.NoError(t, err)
	assert.Equal(t, "ro", info.Data["access_mode"])
	err = c.Volumes.Attach(ctx, v.ID, volumes.AttachRequest{HostName: "emu-host", MountPoint: "/dev/vdb", Mode: volumes.ModeReadWrite})
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "")
	require.NoError(t, c.Volumes.Attach(ctx, v.ID, volumes.AttachRequest{HostName: "emu-host", MountPoint: "/dev/vdb", Mode: volumes.ModeReadOnly}))
	emuSettle(t, c, v.ID, volumes.StatusInUse)

	err = c.Volumes.SetReadOnly(ctx, v.ID, false)
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "must be available to update readonly flag")
	require.NoError(t, c.Volumes.Detach(ctx, v.ID, ""))
	emuSettle(t, c, v.ID, volumes.StatusAvailable)
	require.NoError(t, c.Volumes.SetReadOnly(ctx, v.ID, false))
	info, err = c.Volumes.InitializeConnection(ctx, v.ID, emuConnector)
	require.NoError(t, err)
	assert.Equal(t, "rw", info.Data["access_mode"])
}

func TestEmulatorExtendInUse(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v, _ := emuAttached(t, c, volumes.CreateRequest{Size: 1})

	err := testutil.At(t, c, "3.41").Volumes.Extend(ctx, v.ID, 2)
	emuAPIError(t, err, cinder.ErrBadRequest, 400,
		"Invalid volume: Volume "+v.ID+" status must be '{'status': 'available'}' to extend, currently in-use.")
	calls := emuCalls(srv, "POST", "/volumes/"+v.ID+"/action")
	assert.Equal(t, "volume 3.41", calls[len(calls)-1].Microversion)
	assert.Equal(t, 1, emuGet(t, c, v.ID).Size)

	require.NoError(t, testutil.At(t, c, "3.42").Volumes.Extend(ctx, v.ID, 2))
	got := emuSettle(t, c, v.ID, volumes.StatusInUse)
	assert.Equal(t, 2, got.Size)
	assert.Len(t, got.Attachments, 1, "still attached")
}
