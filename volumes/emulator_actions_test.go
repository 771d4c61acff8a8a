package volumes_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

func TestEmulatorExtend(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Size: 1})

	require.NoError(t, c.Volumes.Extend(ctx, v.ID, 3))
	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.Equal(t, 3, got.Size)
	calls := emuCalls(srv, "POST", "/volumes/"+v.ID+"/action")
	require.Len(t, calls, 1)
	assert.Equal(t, 202, calls[0].Status)

	err := c.Volumes.Extend(ctx, v.ID, 2)
	emuAPIError(t, err, cinder.ErrBadRequest, 400,
		"New size for extend must be greater than current size. (current: 3, extended: 2).")
	err = c.Volumes.Extend(ctx, "9b7d9f0e-0000-4000-8000-00000000dead", 2)
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
	assert.Equal(t, 3, emuGet(t, c, v.ID).Size)
}

func TestEmulatorExtendCompletion(t *testing.T) {
	t.Parallel()
	// A long CreateDelay keeps the volume "extending" until the completion.
	srv, c := newEmu(t, cindertest.Options{CreateDelay: time.Hour})
	ctx := t.Context()
	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1})
	require.NoError(t, err)
	require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusAvailable}))

	require.NoError(t, c.Volumes.Extend(ctx, v.ID, 2))
	require.Equal(t, volumes.StatusExtending, emuGet(t, c, v.ID).Status)
	before := len(srv.Requests())
	err = testutil.At(t, c, "3.70").Volumes.ExtendCompletion(ctx, v.ID, false)
	emuVersionError(t, srv, before, err, "3.71")

	demo := emuClient(t, srv, "demo", "3.71")
	dv, err := demo.Volumes.Create(ctx, volumes.CreateRequest{Size: 1})
	require.NoError(t, err)
	err = demo.Volumes.ExtendCompletion(ctx, dv.ID, false)
	emuAPIError(t, err, cinder.ErrForbidden, 403, "extend_volume_completion")

	require.NoError(t, c.Volumes.ExtendCompletion(ctx, v.ID, false))
	got := emuGet(t, c, v.ID)
	assert.Equal(t, volumes.StatusAvailable, got.Status)
	assert.Equal(t, 2, got.Size, "the new size is kept")

	require.NoError(t, c.Volumes.Extend(ctx, v.ID, 5))
	require.NoError(t, c.Volumes.ExtendCompletion(ctx, v.ID, true))
	got = emuGet(t, c, v.ID)
	assert.Equal(t, volumes.StatusAvailable, got.Status)
	assert.Equal(t, 2, got.Size, "a failed extend keeps the old size")

	err = c.Volumes.ExtendCompletion(ctx, v.ID, false)
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "status must be 'extending'")
}

func TestEmulatorResetStatus(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})

	require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusError,
		MigrationStatus: "migrating"}))
	got := emuGet(t, c, v.ID)
	assert.Equal(t, volumes.StatusError, got.Status)
	assert.Equal(t, "migrating", got.MigrationStatus)
	require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusAvailable,
		AttachStatus: volumes.AttachStatusDetached, MigrationStatus: "none"}))
	got = emuGet(t, c, v.ID)
	assert.Equal(t, volumes.StatusAvailable, got.Status)
	assert.Empty(t, got.MigrationStatus)

	err := c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: "emu-bogus"})
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "Volume status: emu-bogus is invalid")

	demo := emuClient(t, srv, "demo", "")
	dv := emuVolume(t, demo, volumes.CreateRequest{})
	err = demo.Volumes.ResetStatus(ctx, dv.ID, volumes.ResetStatusRequest{Status: volumes.StatusError})
	emuAPIError(t, err, cinder.ErrForbidden, 403,
		"Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.")
	assert.Equal(t, volumes.StatusAvailable, emuGet(t, demo, dv.ID).Status)

	before := len(srv.Requests())
	require.Error(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{}))
	assert.Len(t, srv.Requests(), before, "an empty reset is refused before sending")
}

func TestEmulatorRevertToSnapshot(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Size: 1})
	snap := func() string {
		s, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: v.ID})
		require.NoError(t, err)
		_, err = c.Snapshots.WaitForStatus(ctx, s.ID, snapshots.StatusAvailable, nil)
		require.NoError(t, err)
		return s.ID
	}
	err := c.Volumes.RevertToSnapshot(ctx, v.ID, "9b7d9f0e-0000-4000-8000-00000000beef")
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "doesn't have any snapshots")
	older, latest := snap(), snap()

	before := len(srv.Requests())
	err = testutil.At(t, c, "3.39").Volumes.RevertToSnapshot(ctx, v.ID, latest)
	emuVersionError(t, srv, before, err, "3.40")

	err = c.Volumes.RevertToSnapshot(ctx, v.ID, older)
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "not the latest one")

	require.NoError(t, testutil.At(t, c, "3.40").Volumes.RevertToSnapshot(ctx, v.ID, latest))
	assert.Equal(t, volumes.StatusAvailable, emuSettle(t, c, v.ID, volumes.StatusAvailable).Status)
}

func TestEmulatorImageMetadata(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})

	_, err := c.Volumes.ShowImageMetadata(ctx, v.ID)
	emuAPIError(t, err, cinder.ErrNotFound, 404, "Glance metadata for volume/snapshot "+v.ID+" cannot be found.")

	md, err := c.Volumes.SetImageMetadata(ctx, v.ID, map[string]string{"os_distro": "emu", "hw_disk_bus": "scsi"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"os_distro": "emu", "hw_disk_bus": "scsi"}, md)
	md, err = c.Volumes.SetImageMetadata(ctx, v.ID, map[string]string{"os_distro": "emu2"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"os_distro": "emu2", "hw_disk_bus": "scsi"}, md, "pairs are merged")

	require.NoError(t, c.Volumes.UnsetImageMetadata(ctx, v.ID, "hw_disk_bus"))
	md, err = c.Volumes.ShowImageMetadata(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"os_distro": "emu2"}, md)
	assert.Equal(t, md, emuGet(t, c, v.ID).ImageMetadata, "Get shows it as volume_image_metadata")

	err = c.Volumes.UnsetImageMetadata(ctx, v.ID, "hw_disk_bus")
	emuAPIError(t, err, cinder.ErrNotFound, 404, "cannot be found")
}

func TestEmulatorSetBootable(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})
	require.NoError(t, c.Volumes.SetBootable(ctx, v.ID, true))
	assert.True(t, emuGet(t, c, v.ID).Bootable)
	require.NoError(t, c.Volumes.SetBootable(ctx, v.ID, false))
	assert.False(t, emuGet(t, c, v.ID).Bootable)
	err := c.Volumes.SetBootable(ctx, "9b7d9f0e-0000-4000-8000-00000000dead", true)
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")
}

func TestEmulatorRetype(t *testing.T) {
	t.Parallel()
	_, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	fast, err := c.Types.Create(ctx, types.CreateRequest{Name: "emu-fast"})
	require.NoError(t, err)
	v := emuVolume(t, c, volumes.CreateRequest{})

	require.NoError(t, c.Volumes.Retype(ctx, v.ID, "emu-fast", volumes.MigrateOnDemand))
	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.Equal(t, "emu-fast", got.VolumeType)
	assert.Equal(t, fast.ID, got.VolumeTypeID)

	err = c.Volumes.Retype(ctx, v.ID, "emu-fast", "")
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "requested type has to be different")
	err = c.Volumes.Retype(ctx, v.ID, "emu-no-such-type", volumes.MigrateNever)
	emuAPIError(t, err, cinder.ErrNotFound, 404, "Volume type with name emu-no-such-type could not be found.")
	require.NoError(t, c.Volumes.Retype(ctx, v.ID, "__DEFAULT__", volumes.MigrateNever))
	assert.Equal(t, "__DEFAULT__", emuSettle(t, c, v.ID, volumes.StatusAvailable).VolumeType)
}

func TestEmulatorMigrate(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})
	from := v.Host

	require.NoError(t, c.Volumes.Migrate(ctx, v.ID, volumes.MigrateRequest{Host: "emulator@lvm2#pool", ForceHostCopy: true}))
	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.Equal(t, "emulator@lvm2#pool", got.Host)
	assert.NotEqual(t, from, got.Host)
	assert.Equal(t, "success", got.MigrationStatus)

	err := c.Volumes.Migrate(ctx, v.ID, volumes.MigrateRequest{Host: "emu-nosuchhost@nobackend#nopool"})
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "Invalid host: No available service named 'emu-nosuchhost@nobackend#nopool'")

	before := len(srv.Requests())
	err = testutil.At(t, c, "3.15").Volumes.Migrate(ctx, v.ID, volumes.MigrateRequest{Cluster: "emulator@lvm"})
	emuVersionError(t, srv, before, err, "3.16")
	require.Error(t, c.Volumes.Migrate(ctx, v.ID, volumes.MigrateRequest{Host: "a", Cluster: "b"}))
	assert.Len(t, srv.Requests(), before, "host and cluster together are refused before sending")

	demo := emuClient(t, srv, "demo", "")
	dv := emuVolume(t, demo, volumes.CreateRequest{})
	err = demo.Volumes.Migrate(ctx, dv.ID, volumes.MigrateRequest{Host: "emulator@lvm2#pool"})
	emuAPIError(t, err, cinder.ErrForbidden, 403, "migrate_volume")
}

func TestEmulatorMigrateCompletion(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	a := emuVolume(t, c, volumes.CreateRequest{Name: "emu-mig-src"})
	b := emuVolume(t, c, volumes.CreateRequest{Name: "emu-mig-dst"})

	demo := emuClient(t, srv, "demo", "")
	da := emuVolume(t, demo, volumes.CreateRequest{})
	db := emuVolume(t, demo, volumes.CreateRequest{})
	_, err := demo.Volumes.MigrateCompletion(ctx, da.ID, db.ID, false)
	emuAPIError(t, err, cinder.ErrForbidden, 403, "migrate_volume_completion")
	_, err = c.Volumes.MigrateCompletion(ctx, a.ID, "9b7d9f0e-0000-4000-8000-00000000dead", false)
	emuAPIError(t, err, cinder.ErrNotFound, 404, "could not be found")

	t.Run("not migrating", func(t *testing.T) {
		id, err := c.Volumes.MigrateCompletion(ctx, a.ID, b.ID, false)
		require.NoError(t, err)
		assert.Equal(t, b.ID, id)
	})
}

func TestEmulatorForceDelete(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})
	require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusErrorDeleting}))

	demo := emuClient(t, srv, "demo", "")
	dv := emuVolume(t, demo, volumes.CreateRequest{})
	err := demo.Volumes.ForceDelete(ctx, dv.ID)
	emuAPIError(t, err, cinder.ErrForbidden, 403, "force_delete")

	require.NoError(t, c.Volumes.ForceDelete(ctx, v.ID))
	require.NoError(t, c.Volumes.WaitForDeleted(ctx, v.ID, nil))
	_, err = c.Volumes.Get(ctx, v.ID)
	assert.ErrorIs(t, err, cinder.ErrNotFound)
}

func TestEmulatorUnmanage(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})
	demo := emuClient(t, srv, "demo", "")
	dv := emuVolume(t, demo, volumes.CreateRequest{})
	err := demo.Volumes.Unmanage(ctx, dv.ID)
	emuAPIError(t, err, cinder.ErrForbidden, 403, "volume_unmanage")

	require.NoError(t, c.Volumes.Unmanage(ctx, v.ID))
	require.NoError(t, c.Volumes.WaitForDeleted(ctx, v.ID, nil))
	n, err := c.Volumes.Count(ctx, nil)
	require.NoError(t, err)
	assert.Zero(t, n)
}

func TestEmulatorUploadToImage(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{Size: 2, Description: "d"})

	before := len(srv.Requests())
	_, err := testutil.At(t, c, "3.0").Volumes.UploadToImage(ctx, v.ID, volumes.UploadImageRequest{ImageName: "emu-img",
		Visibility: "shared"})
	emuVersionError(t, srv, before, err, "3.1")
	_, err = testutil.At(t, c, "3.0").Volumes.UploadToImage(ctx, v.ID, volumes.UploadImageRequest{ImageName: "emu-img",
		Protected: true})
	emuVersionError(t, srv, before, err, "3.1")

	res, err := testutil.At(t, c, "3.1").Volumes.UploadToImage(ctx, v.ID, volumes.UploadImageRequest{ImageName: "emu-img",
		DiskFormat: "qcow2", Visibility: "shared", Protected: true})
	require.NoError(t, err)
	assert.Equal(t, v.ID, res.ID)
	assert.Equal(t, volumes.StatusUploading, res.Status)
	assert.Equal(t, 2, res.Size)
	assert.Equal(t, "d", res.Description)
	assert.Equal(t, "emu-img", res.ImageName)
	assert.Equal(t, "qcow2", res.DiskFormat)
	assert.Equal(t, "bare", res.ContainerFormat)
	assert.Equal(t, "shared", res.Visibility)
	assert.True(t, res.Protected)
	assert.NotEmpty(t, res.ImageID)
	require.NotNil(t, res.VolumeType)
	assert.Equal(t, "__DEFAULT__", res.VolumeType.Name)
	assert.Equal(t, v.VolumeTypeID, res.VolumeType.ID)
	assert.Equal(t, volumes.StatusAvailable, emuSettle(t, c, v.ID, volumes.StatusAvailable).Status)

	t.Run("empty image name", func(t *testing.T) {
		_, err := c.Volumes.UploadToImage(ctx, v.ID, volumes.UploadImageRequest{})
		emuAPIError(t, err, cinder.ErrBadRequest, 400, "'' is too short")
	})
}

func TestEmulatorReimage(t *testing.T) {
	t.Parallel()
	srv, c := newEmu(t, cindertest.Options{})
	ctx := t.Context()
	v := emuVolume(t, c, volumes.CreateRequest{})
	const image = "5e3b8a10-0000-4000-8000-000000000001"

	before := len(srv.Requests())
	err := testutil.At(t, c, "3.67").Volumes.Reimage(ctx, v.ID, image, false)
	emuVersionError(t, srv, before, err, "3.68")

	require.NoError(t, testutil.At(t, c, "3.68").Volumes.Reimage(ctx, v.ID, image, false))
	got := emuSettle(t, c, v.ID, volumes.StatusAvailable)
	assert.True(t, got.Bootable)
	assert.Equal(t, image, got.ImageMetadata["image_id"])

	require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusReserved}))
	err = c.Volumes.Reimage(ctx, v.ID, image, false)
	emuAPIError(t, err, cinder.ErrBadRequest, 400, "")
	require.NoError(t, c.Volumes.Reimage(ctx, v.ID, image, true))
	assert.Equal(t, volumes.StatusAvailable, emuSettle(t, c, v.ID, volumes.StatusAvailable).Status)
}
